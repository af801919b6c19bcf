#!/usr/bin/env python3
"""1,000 connections at once: each keeps its connection alive and asks, in turn, for a user (REST), a user's orders
(REST, 1,000 orders for user 42), /healthz and a small GraphQL query, as fast as the server answers, for --seconds
(default 30). Prints answers a second, latency percentiles, errors and the server's RSS and CPU.

    python3 bench/load/connections.py --server build/release/server/triptych-server
"""

import asyncio
import json
import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import loadlib  # noqa: E402

GRAPHQL = json.dumps({"query": "{ user(id: 7) { name email orders(first: 5) { id } } }"}).encode()
REQUESTS = [
    ("GET", "/v1/users/{n}", {}, b""),
    ("GET", "/v1/users/42/orders", {"Accept-Encoding": "gzip"}, b""),
    ("GET", "/healthz", {}, b""),
    ("POST", "/graphql", {"Content-Type": "application/json"}, GRAPHQL),
]


async def client(port, deadline, index, latencies, errors):
    connection = None
    turn = index
    while time.monotonic() < deadline:
        method, path, headers, body = REQUESTS[turn % len(REQUESTS)]
        path = path.replace("{n}", str(1 + turn % 1000))
        turn += 1
        started = time.perf_counter()
        try:
            if connection is None:
                connection = await loadlib.HttpConnection.open(port)
            status, _, _ = await connection.request(method, path, headers, body, timeout=30)
            if status == 200:
                latencies.append(time.perf_counter() - started)
            else:
                errors[status] = errors.get(status, 0) + 1
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError) as error:
            errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
            if connection:
                connection.close()
            connection = None
            await asyncio.sleep(0.1)
    if connection:
        connection.close()


async def main():
    parser = loadlib.arguments("1,000 kept-alive connections asking REST and GraphQL questions", 30)
    parser.add_argument("--connections", type=int, default=1000)
    args = parser.parse_args()
    loadlib.raise_file_limit(args.connections + 256)
    server = loadlib.Server(args.server, args.server_args.split(), pin=not args.no_pin)
    try:
        rss_before = server.rss_mib()
        cpu_before = server.cpu_seconds()
        latencies, errors, rss = [], {}, []
        started = time.monotonic()
        deadline = started + args.seconds

        async def sample():
            while time.monotonic() < deadline:
                rss.append(server.rss_mib())
                await asyncio.sleep(1)

        await asyncio.gather(sample(), *(client(server.http, deadline, i, latencies, errors)
                                         for i in range(args.connections)))
        elapsed = time.monotonic() - started
        cpu = server.cpu_seconds() - cpu_before
        print(f"{args.connections} connections for {elapsed:.0f} s: {len(latencies) / elapsed:.0f} answers/s "
              f"(200 OK: {len(latencies)}), errors: {errors or 'none'}")
        print("  " + loadlib.latency_line("latency", latencies))
        print(f"  server: RSS {rss_before:.0f} MiB before, {max(rss):.0f} MiB peak, {server.rss_mib():.0f} MiB after; "
              f"CPU {cpu:.1f} s ({cpu * 1e6 / max(1, len(latencies)):.0f} us an answer); alive: {server.alive()}")
    finally:
        server.stop()


if __name__ == "__main__":
    asyncio.run(main())
