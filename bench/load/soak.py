#!/usr/bin/env python3
"""Mixed load with RSS sampled every second: kept-alive REST clients (users, user 42's 1,000 orders, v2 pages),
GraphQL clients (small queries and user 42's orders), a writer creating orders ten times a second, 50 SSE streams
and 2 WebSockets of 50 subscriptions receiving their events, and gRPC GetUserOrders through h2load. After --seconds
of load (default 60; the figures in docs/reliability.md come from a 600 s run), --idle seconds without load
(default 70) show RSS going back down. Writes the samples to --csv when given.

    python3 bench/load/soak.py --server build/release/server/triptych-server --seconds 600 --csv soak.csv
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

ORDER = json.dumps({"product": "Desk Lamp", "quantity": 1}).encode()
WRITE_HEADERS = {"Content-Type": "application/json", "Authorization": "Bearer demo-token"}
GRAPHQL_HEADERS = {"Content-Type": "application/json"}
REST = ["/v1/users/{n}", "/v1/users/42/orders", "/v2/users/42/orders?limit=100", "/v1/users/{n}/friends",
        "/v1/orders/{n}"]
GRAPHQL = [json.dumps({"query": q}).encode() for q in (
    "{ user(id: 42) { orders { id product quantity totalCents } } }",
    "{ users(first: 50) { edges { node { name orders(first: 3) { id } } } } }",
    "query($id: ID!) { user(id: $id) { name avatarUrl friends { name } } }")]


class Counts:
    def __init__(self):
        self.answers = {}
        self.events = 0

    def add(self, kind, status):
        key = f"{kind} {status}"
        self.answers[key] = self.answers.get(key, 0) + 1


async def looping(port, deadline, counts, kind, next_request, pause=0.0):
    connection, turn = None, 0
    while time.monotonic() < deadline:
        method, path, headers, body = next_request(turn)
        turn += 1
        try:
            if connection is None:
                connection = await loadlib.HttpConnection.open(port)
            status, _, _ = await connection.request(method, path, headers, body, timeout=30)
            counts.add(kind, status)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError) as error:
            counts.add(kind, type(error).__name__)
            if connection:
                connection.close()
            connection = None
        if pause:
            await asyncio.sleep(pause)
    if connection:
        connection.close()


async def sse(port, deadline, counts):
    reader, writer = await asyncio.open_connection(loadlib.HOST, port)
    writer.write(b"GET /v1/users/7/orders/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    try:
        while time.monotonic() < deadline:
            data = await asyncio.wait_for(reader.read(65536), max(0.01, deadline - time.monotonic()))
            if not data:
                break
            counts.events += data.count(b"event: order")
    except asyncio.TimeoutError:
        pass
    writer.close()


async def subscriptions(port, deadline, counts, count=50):
    socket = await loadlib.WebSocket.open(port)
    await socket.send(json.dumps({"type": "connection_init"}))
    await socket.receive()
    for i in range(count):
        await socket.send(json.dumps({"id": str(i), "type": "subscribe", "payload": {
            "query": "subscription { orderUpdates(userId: 7) { order { id status } } }"}}))
    try:
        while time.monotonic() < deadline:
            message = await asyncio.wait_for(socket.receive(), max(0.01, deadline - time.monotonic()))
            if message is None:
                break
            counts.events += '"next"' in message
    except asyncio.TimeoutError:
        pass
    socket.close()


def grpc_load(port, seconds, work):
    if not shutil.which("h2load"):
        return None
    body = bytes.fromhex("082a")  # {user_id: 42}
    with open(f"{work}/user42.bin", "wb") as out:
        out.write(b"\0" + len(body).to_bytes(4, "big") + body)
    return subprocess.Popen(["h2load", "-c", "2", "-m", "4", "-D", str(int(seconds)), f"--data={work}/user42.bin",
                             "-H", "content-type: application/grpc", "-H", "te: trailers",
                             f"http://127.0.0.1:{port}/orders.v1.OrderService/GetUserOrders"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


async def main():
    parser = loadlib.arguments("Mixed load of all three styles with RSS sampled", 60)
    parser.add_argument("--idle", type=float, default=70, help="seconds without load after it (default 70)")
    parser.add_argument("--csv", help="write 'seconds,phase,rss_mib,cpu_seconds' samples here")
    args = parser.parse_args()
    loadlib.raise_file_limit(1024)
    server = loadlib.Server(args.server, args.server_args.split(), pin=not args.no_pin)
    work = tempfile.mkdtemp()
    samples = []
    started = time.monotonic()
    try:
        async def sample(until, phase):
            while time.monotonic() < until:
                samples.append((time.monotonic() - started, phase, server.rss_mib(), server.cpu_seconds()))
                await asyncio.sleep(1)

        deadline = time.monotonic() + args.seconds
        counts = Counts()
        rest = lambda turn: ("GET", REST[turn % len(REST)].replace("{n}", str(1 + turn % 1000)), {}, b"")  # noqa
        graphql = lambda turn: ("POST", "/graphql", GRAPHQL_HEADERS, GRAPHQL[turn % len(GRAPHQL)])  # noqa
        write = lambda turn: ("POST", "/v1/users/7/orders", WRITE_HEADERS, ORDER)  # noqa
        grpc = grpc_load(server.grpc, args.seconds, work)
        await asyncio.gather(
            sample(deadline, "load"),
            *(looping(server.http, deadline, counts, "REST", rest) for _ in range(16)),
            *(looping(server.http, deadline, counts, "GraphQL", graphql) for _ in range(8)),
            looping(server.http, deadline, counts, "write", write, pause=0.1),
            *(sse(server.http, deadline, counts) for _ in range(50)),
            *(subscriptions(server.http, deadline, counts) for _ in range(2)))
        grpc_summary = "h2load missing: no gRPC load"
        if grpc:
            output = grpc.communicate()[0]
            done = [line for line in output.splitlines() if "succeeded" in line or "req/s" in line]
            grpc_summary = "gRPC GetUserOrders (h2load): " + " / ".join(line.strip() for line in done)
        await sample(time.monotonic() + args.idle, "idle")
        load = [rss for _, phase, rss, _ in samples if phase == "load"]
        idle = [(at, rss) for at, phase, rss, _ in samples if phase == "idle"]
        total = sum(counts.answers.values())
        print(f"{args.seconds:.0f} s of mixed load: {total} HTTP answers ({total / args.seconds:.0f}/s), "
              f"{counts.events} stream events received")
        print(f"  answers: {dict(sorted(counts.answers.items()))}")
        print(f"  {grpc_summary}")
        print(f"  RSS: {load[0]:.0f} MiB at the start, {max(load):.0f} MiB peak, {load[-1]:.0f} MiB at the end of the "
              f"load; after {args.idle:.0f} s idle {idle[-1][1]:.0f} MiB "
              f"(below {load[0] * 1.5:.0f} MiB after {next((at - idle[0][0] for at, rss in idle if rss < load[0] * 1.5), float('nan')):.0f} s)")
        print(f"  server CPU {samples[-1][3]:.0f} s; alive: {server.alive()}")
        if args.csv:
            with open(args.csv, "w") as out:
                out.write("seconds,phase,rss_mib,cpu_seconds\n")
                for at, phase, rss, cpu in samples:
                    out.write(f"{at:.1f},{phase},{rss:.1f},{cpu:.2f}\n")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
