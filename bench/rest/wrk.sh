#!/bin/sh
# Load figures for the two REST presets with keep-alive: req/s and latency p50/p99 from wrk.
# Usage: bench/rest/wrk.sh [server binary] [seconds] [connections] [threads]
# Starts its own triptych-server on free ports with TRIPTYCH_SERVER_ARGS (e.g. "--tracing off"), or uses
# TRIPTYCH_URL=http://host:port if set.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
server=${1:-build/release/server/triptych-server}
seconds=${2:-10}
connections=${3:-32}
threads=${4:-2}

. "$here/../server-url.sh"

for path in /v1/users/42 /v1/users/42/orders; do
    echo "== GET $path  (${seconds}s, $connections connections, $threads threads, keep-alive)"
    wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$here/report.lua" "$TRIPTYCH_URL$path" |
        grep -E "^(requests/s|p50|p99|errors|non-2xx|bytes/req)"
done
