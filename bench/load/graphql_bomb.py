#!/usr/bin/env python3
"""A GraphQL bomb mix: --workers clients (default 4) send hostile documents in turn for --seconds (default 30) —
10,000 and 42,000 aliases, 5,000 aliases just under the token limit, 10,000 nested selections, many operations over
one long fragment chain, a cost bomb, an out-of-range variable, 1 MiB of white space around a small query, and
400,000 nested arrays as a variable — while the probe (a process of its own) measures a working client. Prints the
answer time of each kind and the probe's latency before and during the bombing, and the RSS during the bombing and
for --idle seconds after it.

    python3 bench/load/graphql_bomb.py --server build/release/server/triptych-server
"""

import asyncio
import json
import os
import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import loadlib  # noqa: E402


def documents():
    aliases = lambda n, field: "{" + "".join(f" a{i}: {field}" for i in range(n)) + " }"  # noqa: E731
    chain = 800
    operations = " ".join(f"query Q{i} {{ ...F0 }}" for i in range(1200))
    fragments = " ".join(f"fragment F{i} on Query {{ __typename{' ...F' + str(i + 1) if i + 1 < chain else ''} }}"
                         for i in range(chain))
    deep_variable = '{"query": "query($a: Int) { __typename }", "variables": {"a": ' + "[" * 400000 + "]" * 400000 + "}}"
    return {
        "10,000 aliases of user(id: 1)": {"query": aliases(10000, "user(id: 1) { id }")},
        "42,000 aliases (1 MiB)": {"query": aliases(42000, "__typename")},
        "5,000 aliases, 15,000 tokens": {"query": aliases(4999, "__typename")},
        "10,000 nested selections": {"query": "{ user(id: 1) " + "{ friends " * 10000 + "}" * 10001},
        "1,200 operations x 800 fragments": {"query": operations + " " + fragments, "operationName": "Q0"},
        "cost bomb": {"query": "{ users(first: 100) { edges { node { friends(first: 100) { friends(first: 100) "
                               "{ orders { id } } } } } } }"},
        "Int variable out of range": {"query": "query($n: Int) { users(first: $n) { totalCount } }",
                                      "variables": {"n": 2147483650}},
        "1 MiB of white space": {"query": " " * (1024 * 1024 - 64) + "{ __typename }"},
        "400,000 nested arrays as a variable": deep_variable,
    }


async def worker(port, deadline, bodies, timings):
    connection = None
    turn = 0
    names = list(bodies)
    while time.monotonic() < deadline:
        name = names[turn % len(names)]
        turn += 1
        started = time.perf_counter()
        try:
            if connection is None:
                connection = await loadlib.HttpConnection.open(port)
            status, _, body = await connection.request("POST", "/graphql", {
                "Content-Type": "application/json", "Accept": "application/graphql-response+json"}, bodies[name],
                timeout=60)
            answer = body[:110].decode(errors="replace")
            timings.setdefault(name, []).append((time.perf_counter() - started, status, answer))
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError) as error:
            timings.setdefault(name, []).append((time.perf_counter() - started, 0, type(error).__name__))
            if connection:
                connection.close()
            connection = None


async def alone(port, bodies, runs):
    """Each kind by itself, `runs` times one after another on one connection: its own answer time, unqueued."""
    connection = await loadlib.HttpConnection.open(port)
    print(f"each kind alone ({runs} times one after another; median and max of the whole answer as the client saw it):")
    for name, body in bodies.items():
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            status, _, _ = await connection.request("POST", "/graphql", {
                "Content-Type": "application/json", "Accept": "application/graphql-response+json"}, body, timeout=60)
            seconds.append(time.perf_counter() - started)
        ms = sorted(s * 1000 for s in seconds)
        print(f"  {name}: HTTP {status}, median {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms")
    connection.close()


async def main():
    parser = loadlib.arguments("Hostile GraphQL documents while a working client is measured", 30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--idle", type=float, default=65, help="seconds of RSS samples after the bombing")
    parser.add_argument("--alone", type=int, default=10, help="times each kind is first sent by itself (0: not)")
    args = parser.parse_args()
    bodies = {name: (body if isinstance(body, str) else json.dumps(body)).encode()
              for name, body in documents().items()}
    server = loadlib.Server(args.server, args.server_args.split(), pin=not args.no_pin)
    baseline = 5.0
    try:
        rss_before = server.rss_mib()
        if args.alone:
            await alone(server.http, bodies, args.alone)
        probe = await loadlib.start_probe(server.http, baseline + args.seconds)
        os.nice(10)
        await asyncio.sleep(baseline)
        timings, rss = {}, []
        deadline = time.monotonic() + args.seconds

        async def sample():
            while time.monotonic() < deadline:
                rss.append(server.rss_mib())
                await asyncio.sleep(1)

        await asyncio.gather(sample(), *(worker(server.http, deadline, bodies, timings) for _ in range(args.workers)))
        samples = await loadlib.finish_probe(probe)
        print(f"{args.workers} workers for {args.seconds:.0f} s; each kind's answer time (the server's whole answer, "
              f"as the client saw it) and first answer:")
        for name in bodies:
            runs = timings.get(name, [])
            if not runs:
                print(f"  {name}: not sent")
                continue
            ms = [seconds * 1000 for seconds, _, _ in runs]
            print(f"  {name} ({len(bodies[name]):,} bytes): {len(runs)} sent, p50 {loadlib.percentile(ms, 0.5):.1f} ms,"
                  f" max {max(ms):.1f} ms; HTTP {runs[0][1]}: {runs[0][2]}")
        loadlib.probe_report(f"probe before ({baseline:.0f} s):", [s for s in samples if s[0] < baseline])
        loadlib.probe_report("probe during the bombing:", [s for s in samples if s[0] >= baseline])
        print(f"  server RSS {rss_before:.0f} MiB before, {max(rss):.0f} MiB peak, {server.rss_mib():.0f} MiB at the end;"
              f" alive: {server.alive()}")
        after = []
        for second in range(int(args.idle)):
            await asyncio.sleep(1)
            after.append(server.rss_mib())
        if after:
            marks = [m for m in (10, 30, 60) if m <= len(after)]
            print("  RSS after the bombing: " + ", ".join(f"{after[m - 1]:.0f} MiB after {m} s" for m in marks))
    finally:
        server.stop()


if __name__ == "__main__":
    asyncio.run(main())
