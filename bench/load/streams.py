#!/usr/bin/env python3
"""1,000 concurrent streams of user 7's order events: 600 Server-Sent Events connections, 3 WebSockets with 100
graphql-transport-ws subscriptions each, and 100 gRPC StreamOrders follow calls (h2load, 4 connections of 25: each
connection's share of the 100 slots). Then --events new orders of user 7 (REST, one every 200 ms) and the time from
each POST to its event on every SSE and GraphQL stream. Bounded: opening, the events, and a drain of 10 s at most.

    python3 bench/load/streams.py --server build/release/server/triptych-server
"""

import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import loadlib  # noqa: E402

MARK = b"event: order"


class Deliveries:
    def __init__(self):
        self.created = []   # perf_counter when each order's POST was sent (its event may beat its 201 back)
        self.latencies = []
        self.received = 0

    def arrived(self, count_before):
        if count_before < len(self.created):
            self.latencies.append(time.perf_counter() - self.created[count_before])
        self.received += 1


async def sse_stream(port, deadline, deliveries, opened):
    reader, writer = await asyncio.open_connection(loadlib.HOST, port)
    writer.write(b"GET /v1/users/7/orders/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    await writer.drain()
    seen, tail = 0, b""
    opened.append(1)
    try:
        while time.monotonic() < deadline:
            data = await asyncio.wait_for(reader.read(65536), max(0.01, deadline - time.monotonic()))
            if not data:
                break
            window = tail + data
            for _ in range(window.count(MARK)):
                deliveries.arrived(seen)
                seen += 1
            tail = window[-len(MARK):]
    except asyncio.TimeoutError:
        pass
    finally:
        writer.close()


async def graphql_socket(port, subscriptions, deadline, deliveries, opened):
    socket = await loadlib.WebSocket.open(port)
    await socket.send(json.dumps({"type": "connection_init"}))
    if json.loads(await socket.receive())["type"] != "connection_ack":
        raise SystemExit("no connection_ack")
    query = "subscription { orderUpdates(userId: 7) { order { id } previousStatus } }"
    for i in range(subscriptions):
        await socket.send(json.dumps({"id": str(i), "type": "subscribe", "payload": {"query": query}}))
    opened.extend([1] * subscriptions)
    seen = {}
    try:
        while time.monotonic() < deadline:
            message = await asyncio.wait_for(socket.receive(), max(0.01, deadline - time.monotonic()))
            if message is None:
                break
            parsed = json.loads(message)
            if parsed.get("type") == "next":
                count = seen.get(parsed["id"], 0)
                deliveries.arrived(count)
                seen[parsed["id"]] = count + 1
    except asyncio.TimeoutError:
        pass
    finally:
        socket.close()


def grpc_streams(port, seconds, work):
    """100 StreamOrders {user_id: 7, follow: true} held open by h2load for `seconds`; None without h2load."""
    if not shutil.which("h2load"):
        return None
    body = bytes.fromhex("0807" + "1801")  # user_id 7, follow true
    request = f"{work}/follow.bin"
    with open(request, "wb") as out:
        out.write(b"\0" + len(body).to_bytes(4, "big") + body)
    return subprocess.Popen(["timeout", str(int(seconds)), "h2load", "-n", "100", "-c", "4", "-m", "25",
                             f"--data={request}", "-H", "content-type: application/grpc", "-H", "te: trailers",
                             f"http://127.0.0.1:{port}/orders.v1.OrderService/StreamOrders"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def main():
    parser = loadlib.arguments("1,000 concurrent streams of order events, and the time events take to reach them", 0)
    parser.add_argument("--sse", type=int, default=600)
    parser.add_argument("--sockets", type=int, default=3)
    parser.add_argument("--subscriptions", type=int, default=100, help="per WebSocket (the server's limit)")
    parser.add_argument("--events", type=int, default=20)
    args = parser.parse_args()
    loadlib.raise_file_limit(args.sse + 512)
    server = loadlib.Server(args.server, args.server_args.split(), pin=not args.no_pin)
    work = tempfile.mkdtemp()
    try:
        rss_before = server.rss_mib()
        budget = 20 + args.events * 0.2 + 10
        deadline = time.monotonic() + budget
        deliveries, opened = Deliveries(), []
        grpc = grpc_streams(server.grpc, budget, work)
        started = time.perf_counter()
        streams = [asyncio.ensure_future(sse_stream(server.http, deadline, deliveries, opened))
                   for _ in range(args.sse)]
        streams += [asyncio.ensure_future(graphql_socket(server.http, args.subscriptions, deadline, deliveries,
                                                         opened)) for _ in range(args.sockets)]
        expected_streams = args.sse + args.sockets * args.subscriptions
        while len(opened) < expected_streams and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        opening = time.perf_counter() - started
        await asyncio.sleep(2)  # the gRPC streams and the last subscriptions settle
        rss_open = server.rss_mib()
        writer = await loadlib.HttpConnection.open(server.http)
        body = json.dumps({"product": "Desk Lamp", "quantity": 1}).encode()
        for _ in range(args.events):
            deliveries.created.append(time.perf_counter())
            status, _, _ = await writer.request("POST", "/v1/users/7/orders", {
                "Content-Type": "application/json", "Authorization": "Bearer demo-token"}, body)
            if status != 201:
                raise SystemExit(f"creating an order answered {status}")
            await asyncio.sleep(0.2)
        writer.close()
        expected = expected_streams * len(deliveries.created)
        while deliveries.received < expected and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        for stream in streams:
            stream.cancel()
        await asyncio.gather(*streams, return_exceptions=True)
        grpc_note = "h2load missing: no gRPC streams"
        if grpc:
            grpc.terminate()
            grpc.wait()
            grpc_note = "100 gRPC follow streams held by h2load"
        print(f"{expected_streams} SSE and GraphQL streams open in {opening:.1f} s, plus {grpc_note}")
        print(f"  {len(deliveries.created)} orders created: {deliveries.received} of {expected} events delivered")
        print("  " + loadlib.latency_line("from the POST to the event on each stream", deliveries.latencies))
        print(f"  server RSS {rss_before:.0f} MiB before, {rss_open:.0f} MiB with the streams open, "
              f"{server.threads()} threads; alive: {server.alive()}")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
