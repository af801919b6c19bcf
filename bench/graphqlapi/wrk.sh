#!/bin/sh
# Load figures for the contract's two GraphQL presets (POST /graphql, keep-alive): req/s and p50/p99 from wrk.
# Usage: bench/graphqlapi/wrk.sh [server binary] [seconds] [connections] [threads]
# Starts its own triptych-server on free ports with TRIPTYCH_SERVER_ARGS (e.g. "--dataloader off"), or uses
# TRIPTYCH_URL=http://host:port if set.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
server=${1:-build/release/server/triptych-server}
seconds=${2:-10}
connections=${3:-32}
threads=${4:-2}

if [ -z "${TRIPTYCH_URL:-}" ]; then
    log=$(mktemp)
    # shellcheck disable=SC2086 # the extra arguments are meant to split
    "$server" --http-port 0 --grpc-port 0 ${TRIPTYCH_SERVER_ARGS:-} >"$log" 2>&1 &
    pid=$!
    trap 'kill "$pid" 2>/dev/null; rm -f "$log"' EXIT INT TERM
    until grep -q "ready:" "$log"; do
        kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.1
    done
    TRIPTYCH_URL="http://$(sed -n 's/.*http=\([^ ]*\).*/\1/p' "$log")"
fi

for preset in orders name; do
    echo "== POST /graphql preset '$preset'  (${seconds}s, $connections connections, $threads threads, keep-alive)"
    GRAPHQL_PRESET=$preset wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$here/post.lua" \
        "$TRIPTYCH_URL/graphql" | grep -E "^(requests/s|p50|p99|errors|bytes/req)"
done
