#!/usr/bin/env bash
# What tracing costs in instructions: the three "a user's orders" presets against triptych-server under callgrind,
# with --tracing on and off.
# Usage: bench/tracing/instructions.sh [requests per run, default 200]   (builds the release server; needs valgrind)
#
# Counts the instructions the server executes for the requests after a warm-up (callgrind_control zeroes the counters
# first and dumps them after), per request. Unlike time, an instruction count does not move with the machine's load:
# the same binary and requests give the same figure to within a few hundred instructions, so it shows small changes
# that timing noise hides. It misses what only time shows — cache misses, the heap's layout —, which
# bench/tracing/overhead.sh measures. Requests go one at a time (callgrind runs one thread at a time anyway).
# Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-200}
for tool in valgrind callgrind_control callgrind_annotate h2load; do
  command -v "$tool" >/dev/null || {
    echo "instructions.sh: $tool is missing; apt-get install valgrind nghttp2-client" >&2
    exit 1
  }
done
cmake --preset release >/dev/null && cmake --build --preset release --target triptych-server >/dev/null
server=build/release/server/triptych-server
work=$(mktemp -d)
source bench/start-server.sh
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
printf '\x00\x00\x00\x00\x02\x08\x2a' >"$work/frame" # gRPC frame of UserRequest{user_id: 42}
printf '%s' '{"query":"{ user(id: 42) { orders { id product quantity totalCents } } }"}' >"$work/graphql.json"

load() { # style http-port grpc-port requests → the number that succeeded
  case $1 in
    rest) h2load --h1 -n "$4" -c 1 "http://127.0.0.1:$2/v1/users/42/orders" ;;
    graphql) h2load --h1 -n "$4" -c 1 -d "$work/graphql.json" -H 'content-type: application/json' \
               "http://127.0.0.1:$2/graphql" ;;
    grpc) h2load -n "$4" -c 1 -d "$work/frame" -H 'content-type: application/grpc' -H 'te: trailers' \
            "http://127.0.0.1:$3/orders.v1.OrderService/GetUserOrders" ;;
  esac | awk '/^requests:/ {print $8}'
}

instructions_per_request() { # style tracing → instructions per request
  local http grpc ok
  read -r pid http grpc <<<"$(start_server "$work/server.log" valgrind --tool=callgrind --fair-sched=yes \
    --callgrind-out-file="$work/callgrind.%p" "$server" --http-port 0 --grpc-port 0 --tracing "$2")"
  [ -n "$grpc" ] || exit 1 # start_server said why
  load "$1" "$http" "$grpc" 50 >/dev/null
  callgrind_control --zero "$pid" >/dev/null 2>&1
  ok=$(load "$1" "$http" "$grpc" "$requests")
  callgrind_control --dump "$pid" >/dev/null 2>&1
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  [ "$ok" = "$requests" ] || { echo "instructions.sh: only $ok of $requests $1 requests succeeded" >&2; exit 1; }
  callgrind_annotate "$work/callgrind.$pid.1" 2>/dev/null |
    awk -v n="$requests" '/PROGRAM TOTALS/ { gsub(",", "", $1); printf "%.0f\n", $1 / n }'
  rm -f "$work"/callgrind.*
}

printf '%-8s %16s %16s %9s\n' style "tracing on" "tracing off" "extra"
for style in rest graphql grpc; do
  on=$(instructions_per_request "$style" on)
  off=$(instructions_per_request "$style" off)
  awk -v s="$style" -v on="$on" -v off="$off" \
    'BEGIN { printf "%-8s %16d %16d %+8.2f%%\n", s, on, off, (on - off) * 100 / off }'
done
echo "Instructions the server executes per request (callgrind, $requests requests after 50 to warm up)."
