#!/usr/bin/env python3
"""Slowloris: 1,100 connections (more than the cap of 1,024) each send a request head one byte a second and open
again as soon as the server closes them, while a working client (a process of its own) asks GET /v1/users/42 every
50 ms on a fresh connection and GET /healthz every 100 ms on a kept-alive one. Prints the working client's latencies
before and during the attack, and what happened to the slow connections. Bounded: --seconds of attack (default 60).

    python3 bench/load/slowloris.py --server build/release/server/triptych-server
"""

import asyncio
import os
import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import loadlib  # noqa: E402


class Attack:
    def __init__(self):
        self.opened = 0
        self.refused = 0  # answered 503 at once
        self.closed = 0   # closed by the server while trickling (read timeout or eviction)
        self.live = 0


async def slow_connection(port, deadline, attack):
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection(loadlib.HOST, port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        attack.opened += 1
        attack.live += 1
        ended = asyncio.ensure_future(reader.read(64))
        try:
            writer.write(b"GET /v1/users/42 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            await writer.drain()
            while time.monotonic() < deadline and not ended.done():
                await asyncio.wait([ended], timeout=1.0)
                if not ended.done():
                    writer.write(b"a")
                    await writer.drain()
            if ended.done():
                data = ended.result() if not ended.exception() else b""
                if data.startswith(b"HTTP/1.1 503"):
                    attack.refused += 1
                else:
                    attack.closed += 1
        except (OSError, ConnectionError):
            attack.closed += 1
        finally:
            ended.cancel()
            attack.live -= 1
            writer.close()


async def main():
    parser = loadlib.arguments("Slowloris against the connection cap, with a working client measured", 60)
    parser.add_argument("--connections", type=int, default=1100)
    args = parser.parse_args()
    loadlib.raise_file_limit(args.connections + 512)
    server = loadlib.Server(args.server, args.server_args.split(), pin=not args.no_pin)
    baseline, fill = 5.0, 3.0
    try:
        working = await loadlib.start_probe(server.http, baseline + fill + args.seconds)
        os.nice(10)  # the attacker yields the client's CPU to the working client
        await asyncio.sleep(baseline)
        attack = Attack()
        deadline = time.monotonic() + fill + args.seconds
        rss = []

        async def sample():
            while time.monotonic() < deadline:
                rss.append(server.rss_mib())
                await asyncio.sleep(1)

        slow = [slow_connection(server.http, deadline, attack) for _ in range(args.connections)]
        await asyncio.gather(sample(), *slow)
        samples = await loadlib.finish_probe(working)
        print(f"server pid {server.pid}, HTTP port {server.http}; connection cap 1,024")
        loadlib.probe_report(f"before the attack ({baseline:.0f} s):", [s for s in samples if s[0] < baseline])
        loadlib.probe_report(
            f"during {args.seconds:.0f} s of {args.connections} slow connections, after {fill:.0f} s to fill the cap "
            f"({attack.opened} slow connections opened in all: {attack.closed} closed by the server, "
            f"{attack.refused} answered 503):", [s for s in samples if s[0] >= baseline + fill])
        print(f"  server RSS {min(rss):.0f}..{max(rss):.0f} MiB, {server.threads()} threads; alive: {server.alive()}")
    finally:
        server.stop()


if __name__ == "__main__":
    asyncio.run(main())
