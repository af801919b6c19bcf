// graphql-http's server audit against a GraphQL endpoint; prints the counts and every warning or failure.
// Usage: node graphql-audit.mjs http://127.0.0.1:8080/graphql   (npm install graphql graphql-http)
import { serverAudits } from 'graphql-http';
const url = process.argv[2];
let pass = 0, warn = 0, fail = 0;
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  if (result.status === 'ok') pass++;
  else if (result.status === 'warn') { warn++; console.log('WARN', audit.name, result.reason); }
  else { fail++; console.log('FAIL', audit.name, result.reason); }
}
console.log(`graphql-http serverAudits: ${pass} pass, ${warn} warn, ${fail} fail`);
