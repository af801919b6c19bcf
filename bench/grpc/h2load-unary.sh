#!/usr/bin/env bash
# Load for the unary RPCs GetUserOrders {user_id: 42} (1,000 orders) and GetUser {user_id: 42} (with and without a
# read_mask) with h2load (apt-get install nghttp2-client); prints req/s and p50/p99 latency per RPC.
# Usage: bench/grpc/h2load-unary.sh [path/to/triptych-server] [requests] [clients] [streams-per-client]
# Set TRIPTYCH_GRPC_PORT to load a server that is already running instead of starting one, and
# TRIPTYCH_SERVER_ARGS for more server options (e.g. "--tracing off").
set -euo pipefail

server=${1:-build/release/server/triptych-server}
requests=${2:-20000}
clients=${3:-4}
streams=${4:-8}
work=$(mktemp -d)
trap 'if [[ -n "${pid:-}" ]]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

command -v h2load >/dev/null || { echo "h2load missing: apt-get install nghttp2-client" >&2; exit 1; }

port=${TRIPTYCH_GRPC_PORT:-}
if [[ -z "$port" ]]; then
    # shellcheck disable=SC2086 # the extra options are words on purpose
    "$server" --http-port 0 --grpc-port 0 ${TRIPTYCH_SERVER_ARGS:-} >"$work/server.out" 2>"$work/server.err" &
    pid=$!
    for _ in $(seq 1 100); do
        grep -q 'ready' "$work/server.out" 2>/dev/null && break
        sleep 0.1
    done
    port=$(sed -n 's/.*grpc=[^ ]*:\([0-9]*\).*/\1/p' "$work/server.out")
    [[ -n "$port" ]] || { echo "triptych-server did not start:" >&2; cat "$work/server.err" >&2; exit 1; }
fi

# A gRPC message on the wire: flag byte 0 (not compressed), 4-byte big-endian length, the protobuf bytes.
frame() { # $1: protobuf bytes as hex
    python3 -c 'import sys; b = bytes.fromhex(sys.argv[1]); sys.stdout.buffer.write(b"\0" + len(b).to_bytes(4, "big") + b)' "$1"
}
frame 082a >"$work/user42.bin" # {user_id: 42}
# {user_id: 42, read_mask: {paths: ["name", "avatar_url"]}}: field 2, 18 bytes, two path strings
frame 082a12120a046e616d650a0a6176617461725f75726c >"$work/masked.bin"

# CPU seconds the server has used so far (user + system), when this script started it; the machine may be busy,
# so server CPU per request is the steadier figure beside req/s and latency.
cpuSeconds() {
    if [[ -n "${pid:-}" ]]; then
        awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$pid/stat"
    else
        echo 0
    fi
}

run() { # $1: label, $2: method, $3: body file
    rm -f "$work/log.tsv" # h2load appends
    local before
    before=$(cpuSeconds)
    h2load -n "$requests" -c "$clients" -m "$streams" --data="$3" \
        -H 'content-type: application/grpc' -H 'te: trailers' \
        --log-file="$work/log.tsv" "http://127.0.0.1:$port/orders.v1.OrderService/$2" >"$work/h2load.out"
    python3 - "$1" "$work/h2load.out" "$work/log.tsv" "$before" "$(cpuSeconds)" <<'PY'
import re, sys
label, out, log, before, after = sys.argv[1:]
text = open(out).read()
rps = re.search(r'finished in .*?, ([\d.]+) req/s', text)
ok = re.search(r'(\d+) succeeded', text)
lat = sorted(int(line.split('\t')[2]) for line in open(log) if line.strip())
pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1000.0
print(f"{label:<40} {float(rps.group(1)):>10.0f} req/s   p50 {pick(0.50):6.2f} ms   p99 {pick(0.99):6.2f} ms"
      f"   ({ok.group(1)} succeeded of {len(lat)})"
      + (f"   server CPU {(float(after) - float(before)) * 1e6 / len(lat):.0f} us/req" if float(after) else ""))
PY
}

echo "h2load: $requests requests, $clients clients x $streams streams, gRPC port $port"
run "GetUserOrders {user_id: 42}" GetUserOrders "$work/user42.bin"
run "GetUser {user_id: 42}" GetUser "$work/user42.bin"
run "GetUser {42, read_mask: name,avatar_url}" GetUser "$work/masked.bin"
