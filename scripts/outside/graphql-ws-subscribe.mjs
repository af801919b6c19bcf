// A graphql-ws client subscribes to orderUpdates while it creates and cancels an order over HTTP; prints both events.
// Usage: node graphql-ws-subscribe.mjs http://127.0.0.1:8080 [userId]   (npm install graphql graphql-ws ws)
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
const [http, user] = [process.argv[2], process.argv[3] ?? '7'];
const client = createClient({ url: http.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket,
  connectionParams: { authorization: 'Bearer demo-token' } });
const seen = [];
await new Promise((resolve, reject) => {
  client.subscribe({ query: `subscription { orderUpdates(userId: ${user}) { order { id status } previousStatus at } }` }, {
    next: (message) => { seen.push(message.data.orderUpdates); console.log('next', JSON.stringify(message.data.orderUpdates));
      if (seen.length === 2) resolve(); },
    error: reject, complete: resolve });
  setTimeout(async () => {
    const post = (query) => fetch(http + '/graphql', { method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-token' },
      body: JSON.stringify({ query }) }).then((r) => r.json());
    const created = await post(`mutation { createOrder(input: {userId: ${user}, product: "Wireless Mouse", quantity: 1}) { id } }`);
    await post(`mutation { cancelOrder(id: ${created.data.createOrder.id}) { id status } }`);
  }, 300);
  setTimeout(() => reject(new Error('timed out')), 10000);
});
await client.dispose();
console.log(`graphql-ws: ${seen.length} events, statuses ${seen.map((e) => e.order.status + '<-' + e.previousStatus).join(', ')}`);
