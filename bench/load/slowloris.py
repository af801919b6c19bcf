#!/usr/bin/env python3
"""Slowloris: 1,100 connections (more than the cap of 1,024) each send a request head one byte a second and open
again as soon as the server closes them, while a working client (a process of its own) asks GET /v1/users/42 every
50 ms on a fresh connection and GET /healthz every 100 ms on a kept-alive one. Prints the working client's latencies
before and during the attack, and what happened to the slow connections. Bounded: --seconds of attack (default 60).

    python3 bench/load/slowloris.py --server build/release/server/triptych-server
"""

import argparse
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


async def probe(port, seconds):
    """The working client, run in a process of its own (not niced, unlike the attacker) so that its figures are the
    server's latency, not the attacker's event loop: prints one line per answer, "seconds-since-start kind status
    latency"."""
    started = time.monotonic()
    deadline = started + seconds

    async def fresh_requests():
        while time.monotonic() < deadline:
            status, latency = await loadlib.timed_get(port, "/v1/users/42")
            print(f"{time.monotonic() - started:.3f} fresh {status} {latency:.6f}", flush=True)
            await asyncio.sleep(0.05)

    async def kept_alive_requests():
        connection = None
        while time.monotonic() < deadline:
            began = time.perf_counter()
            status = 0
            try:
                if connection is None:
                    connection = await loadlib.HttpConnection.open(port)
                status, _, _ = await connection.request("GET", "/healthz", timeout=10)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError):
                if connection:
                    connection.close()
                connection = None
            print(f"{time.monotonic() - started:.3f} kept {status} {time.perf_counter() - began:.6f}", flush=True)
            await asyncio.sleep(0.1)
        if connection:
            connection.close()

    await asyncio.gather(fresh_requests(), kept_alive_requests())


def report(label, samples):
    statuses = {}
    for kind, status, _ in samples:
        statuses[f"{kind} {status}"] = statuses.get(f"{kind} {status}", 0) + 1
    print(label)
    for kind, name in (("fresh", "fresh connection GET /v1/users/42"), ("kept", "kept-alive GET /healthz")):
        latencies = [latency for k, status, latency in samples if k == kind and status == 200]
        print("  " + loadlib.latency_line(name, latencies))
    print(f"  answers by status: {statuses}")


async def main():
    parser = loadlib.arguments("Slowloris against the connection cap, with a working client measured", 60)
    parser.add_argument("--connections", type=int, default=1100)
    parser.add_argument("--probe", type=int, help=argparse.SUPPRESS)  # internal: run the working client on PORT
    args = parser.parse_args()
    if args.probe:
        return await probe(args.probe, args.seconds)
    loadlib.raise_file_limit(args.connections + 512)
    server = loadlib.Server(args.server, args.server_args.split(), pin=not args.no_pin)
    baseline, fill = 5.0, 3.0
    try:
        working = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--probe", str(server.http), "--seconds", str(baseline + fill + args.seconds),
            stdout=asyncio.subprocess.PIPE)
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
        lines = (await working.communicate())[0].decode().split("\n")
        samples = [(kind, int(status), float(latency), float(at))
                   for at, kind, status, latency in (line.split() for line in lines if line.strip())]
        print(f"server pid {server.pid}, HTTP port {server.http}; connection cap 1,024")
        report(f"before the attack ({baseline:.0f} s):", [s[:3] for s in samples if s[3] < baseline])
        report(f"during {args.seconds:.0f} s of {args.connections} slow connections, after {fill:.0f} s to fill the cap "
               f"({attack.opened} slow connections opened in all: {attack.closed} closed by the server, "
               f"{attack.refused} answered 503):",
               [s[:3] for s in samples if s[3] >= baseline + fill])
        print(f"  server RSS {min(rss):.0f}..{max(rss):.0f} MiB, {server.threads()} threads; alive: {server.alive()}")
    finally:
        server.stop()


if __name__ == "__main__":
    asyncio.run(main())
