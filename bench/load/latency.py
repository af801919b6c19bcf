"""The latency of one small request on one keep-alive connection (docs/speed.md, "Server, wave 2"): bench_latency
sends 10,000 requests one after another and prints p50/p90/p99, first against a loopback echo server (the floor: a TCP
round trip between the same two cores), then against triptych-server. Both servers are pinned to the last CPU and
the client to the others, as in compare.sh.

Usage: bench/load/latency.sh [--server build/release/server/triptych-server] [--bench build/ci/bench/latency/…]
                             [--requests 10000] [--server-args '--cache on']"""

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loadlib  # noqa: E402

CASES = [
    ("REST GET /v1/users/42", ["--path", "/v1/users/42"]),
    ("GraphQL name + avatar", ["--path", "/graphql", "--post", '{"query":"{ user(id: 42) { name avatarUrl } }"}']),
]


def find_bench(given):
    for candidate in [given] if given else ["build/bench/bench/latency/bench_latency",
                                            "build/ci/bench/latency/bench_latency"]:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("bench_latency is not built: cmake --build --preset ci --target bench_latency")


def run(bench, port, extra, requests):
    command = [bench, "--port", str(port), "--requests", str(requests), *extra]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def main():
    parser = loadlib.arguments("p50/p90/p99 of one small request on one keep-alive connection", 0)
    parser.add_argument("--bench", help="the bench_latency binary (default: the bench or ci preset's)")
    parser.add_argument("--requests", type=int, default=10000)
    options = parser.parse_args()
    bench = find_bench(options.bench)
    cpus = os.cpu_count() or 1
    pin = not options.no_pin and shutil.which("taskset") and cpus > 1
    echo_command = [bench, "--echo-server"]
    if pin:
        echo_command = ["taskset", "-c", str(cpus - 1), *echo_command]
        os.sched_setaffinity(0, set(range(cpus - 1)))
    echo = subprocess.Popen(echo_command, stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r"echo port (\d+)", echo.stdout.readline()).group(1))
        print(f"{'loopback echo (the floor)':<28} {run(bench, port, ['--echo'], options.requests)}", flush=True)
    finally:
        echo.terminate()
        echo.wait()
    server = loadlib.Server(options.server, options.server_args.split(), pin=not options.no_pin)
    try:
        for name, extra in CASES:
            print(f"{name:<28} {run(bench, server.http, extra, options.requests)}", flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
