#!/usr/bin/env python3
"""The working client the abuse scripts measure, run as a process of its own so that its figures are the server's
latency and not the abusing event loop's: GET /v1/users/42 every 50 ms on a fresh connection and GET /healthz every
100 ms on a kept-alive one, for --seconds. Prints one line per answer: "seconds-since-start kind status latency"."""

import argparse
import asyncio
import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import loadlib  # noqa: E402


async def probe(port, seconds):
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("port", type=int)
    parser.add_argument("seconds", type=float)
    args = parser.parse_args()
    asyncio.run(probe(args.port, args.seconds))
