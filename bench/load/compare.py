"""The seven server scenarios of docs/speed.md ("Server, wave 2"): server CPU µs per request and requests/s per cell.

triptych-server runs pinned to the last CPU and the load (wrk for HTTP/1.1, h2load for gRPC) on the others, so the
server's CPU time from /proc/PID/stat divided by the answers counted is what one request costs it. With --callgrind
the server runs under valgrind instead and each cell prints instructions per request (noise-free, but ~50× slower):
a fixed number of requests is sent with instrumentation on, after a warm-up with it off.

Usage: bench/load/compare.sh [--seconds 5] [--connections 32] [--only REGEX] [--callgrind [--requests 200]]
                             [--perf DIR] [--cache]"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loadlib  # noqa: E402


def grpc_frame(message):
    """A gRPC length-prefixed message (uncompressed)."""
    return b"\x00" + len(message).to_bytes(4, "big") + message


def field_bytes(number, payload):
    return bytes([number << 3 | 2, len(payload)]) + payload


USER_42 = b"\x08\x2a"  # user_id = 42 (UserRequest, StreamOrdersRequest and GetUserRequest alike)
READ_MASK = field_bytes(2, field_bytes(1, b"name") + field_bytes(1, b"avatar_url"))

# (name, kind, target, body): kind "http" is a GET or a GraphQL POST over HTTP/1.1, "grpc" a unary or stream call.
SCENARIOS = [
    ("REST GET /v1/users/42/orders", "http", "/v1/users/42/orders", None),
    ("GraphQL 1,000 orders x 4 fields", "http", "/graphql",
     b'{"query":"{ user(id: 42) { orders { id product quantity totalCents } } }"}'),
    ("gRPC GetUserOrders", "grpc", "/orders.v1.OrderService/GetUserOrders", grpc_frame(USER_42)),
    ("gRPC StreamOrders (1,000 messages)", "grpc", "/orders.v1.OrderService/StreamOrders", grpc_frame(USER_42)),
    ("REST GET /v1/users/42", "http", "/v1/users/42", None),
    ("GraphQL name + avatar", "http", "/graphql", b'{"query":"{ user(id: 42) { name avatarUrl } }"}'),
    ("gRPC GetUser read_mask", "grpc", "/orders.v1.OrderService/GetUser", grpc_frame(USER_42 + READ_MASK)),
]

GRPC_HEADERS = ["-H", "content-type: application/grpc", "-H", "te: trailers"]
JSON_HEADERS = ["-H", "content-type: application/json"]


def wrk_script(body, directory):
    """A wrk Lua script that POSTs body as JSON; None for a plain GET."""
    if body is None:
        return None
    path = os.path.join(directory, f"post-{abs(hash(body))}.lua")
    with open(path, "w") as script:
        script.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n')
        script.write(f"wrk.body = [=[{body.decode()}]=]\n")
    return path


def body_file(body, directory):
    path = os.path.join(directory, f"body-{abs(hash(body))}.bin")
    with open(path, "wb") as out:
        out.write(body)
    return path


def h2load_command(port, kind, target, body, directory, connections, requests=None, seconds=None):
    command = ["h2load", "-c", str(connections), "-m", "1", "-t", "1"]
    command += ["-n", str(requests)] if requests else ["-D", f"{seconds:g}"]
    if kind == "http":
        command += ["--h1"]
        if body is not None:
            command += ["-d", body_file(body, directory), *JSON_HEADERS]
    else:
        command += ["-d", body_file(body, directory), *GRPC_HEADERS]
    return command + [f"http://{loadlib.HOST}:{port}{target}"]


def load_command(server, scenario, directory, connections, seconds):
    _, kind, target, body = scenario
    if kind == "http" and shutil.which("wrk"):
        command = ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds:g}s"]
        script = wrk_script(body, directory)
        if script:
            command += ["-s", script]
        return command + [f"http://{loadlib.HOST}:{server.http}{target}"]
    port = server.http if kind == "http" else server.grpc
    return h2load_command(port, kind, target, body, directory, connections, seconds=seconds)


def answers_of(output):
    """Successful answers counted by wrk or h2load; raises when any failed."""
    if match := re.search(r"(\d+) requests in", output):  # wrk
        if bad := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
            raise SystemExit(f"{bad.group(1)} answers were errors:\n{output}")
        return int(match.group(1))
    match = re.search(r"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored",
                      output)
    if not match:
        raise SystemExit(f"cannot read the load tool's output:\n{output}")
    if int(match.group(2)) or int(match.group(3)):
        raise SystemExit(f"some requests failed:\n{output}")
    return int(match.group(1))


def measure_cpu(options):
    if options.cache:
        # The response cache is a user's switch, never part of the seven figures: its rows come from a server of
        # their own, started with --cache on, over the HTTP cells (gRPC is never cached).
        options.server_args += " --cache on"
        options.only = options.only or "REST|GraphQL"
    server = loadlib.Server(options.server, options.server_args.split(), pin=not options.no_pin)
    print(f"triptych-server pid {server.pid}; {options.connections} connections, {options.seconds:g} s per cell; "
          "server CPU µs per request (noisy on a shared machine)")
    print(f"{'scenario':<38} {'CPU µs/req':>11} {'req/s':>9} {'answers':>9}")
    try:
        with tempfile.TemporaryDirectory() as directory:
            for scenario in selected(options):
                warm = load_command(server, scenario, directory, options.connections, 1)
                subprocess.run(warm, capture_output=True, text=True, check=True)
                command = load_command(server, scenario, directory, options.connections, options.seconds)
                cpu_before, wall_before = server.cpu_seconds(), time.monotonic()
                run = subprocess.run(command, capture_output=True, text=True, check=True)
                cpu, wall = server.cpu_seconds() - cpu_before, time.monotonic() - wall_before
                answers = answers_of(run.stdout)
                name = scenario[0] + (" (--cache on)" if options.cache else "")
                print(f"{name:<38} {cpu * 1e6 / answers:>11.1f} {answers / wall:>9.0f} {answers:>9}", flush=True)
    finally:
        server.stop()


def callgrind_totals(path):
    with open(path) as dump:
        for line in dump:
            if line.startswith("totals:"):
                return int(line.split()[1])
    return 0  # a dump with nothing counted


class CallgrindServer(loadlib.Server):
    """triptych-server under callgrind with instrumentation off until callgrind_control turns it on."""

    def __init__(self, options, database, out):
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                   f"--log-file={out}.log", options.server, "--http-port", "0", "--grpc-port", "0", "--db", database,
                   *options.server_args.split()]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http=[^ ]*:(\d+) grpc=[^ ]*:(\d+)", line)
        if not match:
            self.process.kill()
            raise SystemExit(f"triptych-server did not start under valgrind: {line}")
        self.http, self.grpc, self.pid = int(match.group(1)), int(match.group(2)), self.process.pid


def measure_instructions(options):
    """Each cell on a fresh server under callgrind: warm up, then count the instructions of N requests alone."""
    print(f"instructions per request (callgrind, {options.requests} requests per cell after "
          f"{options.warmup} warm-up requests, 4 connections)")
    print(f"{'scenario':<38} {'instructions/req':>17}")
    with tempfile.TemporaryDirectory() as directory:
        database = os.path.join(directory, "compare.sqlite")
        # The data set is generated once natively: under valgrind it would take minutes.
        native = loadlib.Server(options.server, ["--db", database], pin=False)
        native.stop()
        for index, scenario in enumerate(selected(options)):
            server = CallgrindServer(options, database, os.path.join(directory, "callgrind.out"))
            try:
                _, kind, target, body = scenario
                port = server.http if kind == "http" else server.grpc
                warm = h2load_command(port, kind, target, body, directory, 4, requests=options.warmup)
                subprocess.run(warm, capture_output=True, text=True, check=True)
                subprocess.run(["callgrind_control", "-i", "on", str(server.pid)], capture_output=True, check=True)
                command = h2load_command(port, kind, target, body, directory, 4, requests=options.requests)
                run = subprocess.run(command, capture_output=True, text=True, check=True)
                answers = answers_of(run.stdout)
                subprocess.run(["callgrind_control", "-i", "off", str(server.pid)], capture_output=True, check=True)
                subprocess.run(["callgrind_control", "-d", str(server.pid)], capture_output=True, check=True)
            finally:
                server.stop()
            dumps = [os.path.join(directory, f) for f in os.listdir(directory)
                     if f.startswith("callgrind.out") and not f.endswith(".log")]
            total = sum(callgrind_totals(path) for path in dumps)
            for path in os.listdir(directory):
                if path.startswith("callgrind.out"):
                    if options.keep and not path.endswith(".log") and callgrind_totals(os.path.join(directory, path)):
                        os.makedirs(options.keep, exist_ok=True)
                        shutil.move(os.path.join(directory, path), os.path.join(options.keep, f"cell{index + 1}.out"))
                    else:
                        os.remove(os.path.join(directory, path))
            print(f"{scenario[0]:<38} {total / answers:>17,.0f}", flush=True)


# Where a sample's CPU goes, by the first pattern its shared object or symbol matches (order matters).
CATEGORIES = [
    ("kernel", r"\[kernel|\[vdso"),
    ("SQL", r"sqlite3"),
    ("allocation", r"malloc|free|operator new|operator delete|_int_|tcache|arena_|sysmalloc|brk|cfree"),
    ("tracing", r"tracing::"),
    ("row -> value", r"store::|repo::"),
    ("GraphQL execution", r"graphql::"),
    ("serialization", r"protobuf|orders::v1|json::|rapidjson|toProto|rpc::wire::|Timestamp|appendTimestamp|Rfc3339"),
    ("hashing (ETag)", r"strongEtag|hashBytes"),
    ("gzip", r"libz|deflate"),
    ("HTTP/2 + gRPC core", r"libgrpc|libgpr|absl|grpc_|grpc::|chttp2"),
    ("HTTP/1.1 (Beast, Asio)", r"boost::|beast|asio"),
    ("copies (libc)", r"mem(cpy|move|set|cmp)|str(len|cmp)|__memcpy|__memmove"),
]


def categorize(report):
    """Sums perf report's self percentages (--sort dso,sym) per category."""
    totals = {}
    for line in report.splitlines():
        match = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[.\]\s+(.*)", line)
        if not match:
            continue
        share, where = float(match.group(1)), match.group(2) + " " + match.group(3)
        name = next((n for n, pattern in CATEGORIES if re.search(pattern, where)), "other")
        totals[name] = totals.get(name, 0.0) + share
    return totals


def profile(options):
    """perf record -g of the server under each cell's load; prints each cell's CPU by category and keeps the data."""
    os.makedirs(options.perf, exist_ok=True)
    server = loadlib.Server(options.server, options.server_args.split(), pin=not options.no_pin)
    names = [name for name, _ in CATEGORIES] + ["other"]
    print("share of the server's CPU samples per category (perf record, cpu-clock); data in " + options.perf)
    try:
        with tempfile.TemporaryDirectory() as directory:
            for index, scenario in enumerate(selected(options)):
                data = os.path.join(options.perf, f"cell{index + 1}.data")
                command = load_command(server, scenario, directory, options.connections, options.seconds)
                record = subprocess.Popen(["perf", "record", "-q", "-g", "-o", data, "-p", str(server.pid)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                subprocess.run(command, capture_output=True, text=True, check=True)
                record.send_signal(2)
                record.wait()
                report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,sym",
                                         "--stdio", "-g", "none", "--percent-limit", "0.01"],
                                        capture_output=True, text=True).stdout
                with open(data + ".txt", "w") as out:
                    out.write(report)
                totals = categorize(report)
                print(f"{scenario[0]}:\n  " + ", ".join(f"{n} {totals[n]:.1f}%" for n in names if totals.get(n)),
                      flush=True)
    finally:
        server.stop()


def selected(options):
    return [s for s in SCENARIOS if re.search(options.only, s[0], re.IGNORECASE)]


def main():
    parser = loadlib.arguments("The seven server scenarios: CPU µs and req/s per cell, or instructions per request",
                               5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--only", default="", help="a regular expression: run only the scenarios it finds")
    parser.add_argument("--callgrind", action="store_true", help="instructions per request under callgrind instead")
    parser.add_argument("--requests", type=int, default=200, help="requests counted per cell with --callgrind")
    parser.add_argument("--warmup", type=int, default=50, help="uncounted requests first with --callgrind")
    parser.add_argument("--keep", metavar="DIR", help="with --callgrind: keep each cell's callgrind data in DIR")
    parser.add_argument("--perf", metavar="DIR", help="perf record each cell instead; reports and data into DIR")
    parser.add_argument("--cache", action="store_true",
                        help="the HTTP cells against a server with --cache on instead (the response cache's own rows)")
    options = parser.parse_args()
    for tool in ["h2load"] + (["valgrind", "callgrind_control"] if options.callgrind else []):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install nghttp2-client wrk valgrind")
    if options.callgrind:
        measure_instructions(options)
    elif options.perf:
        profile(options)
    else:
        measure_cpu(options)


if __name__ == "__main__":
    main()
