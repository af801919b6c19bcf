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

. "$here/../server-url.sh"

for preset in orders name; do
    echo "== POST /graphql preset '$preset'  (${seconds}s, $connections connections, $threads threads, keep-alive)"
    GRAPHQL_PRESET=$preset wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$here/post.lua" \
        "$TRIPTYCH_URL/graphql" | grep -E "^(requests/s|p50|p99|errors|bytes/req)"
done
