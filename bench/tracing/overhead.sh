#!/usr/bin/env bash
# Throughput of the three "a user's orders" presets with tracing on and off, to show what tracing costs.
# Usage: bench/tracing/overhead.sh [seconds per run, default 10]   (builds the release preset first)
# Prints one table; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
for tool in wrk h2load; do
  command -v "$tool" >/dev/null || { echo "overhead.sh: $tool is missing; run scripts/setup-deps" >&2; exit 1; }
done
cmake --preset release >/dev/null && cmake --build --preset release --target triptych-server >/dev/null
server=build/release/server/triptych-server
frame=$(mktemp) && printf '\x00\x00\x00\x00\x02\x08\x2a' >"$frame" # gRPC frame of UserRequest{user_id: 42}
trap 'rm -f "$frame"; kill $pid 2>/dev/null || true' EXIT

run_style() { # style port → requests per second
  case $1 in
    rest) wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$2/v1/users/42/orders" | awk '/Requests\/sec/ {print $2}' ;;
    graphql) wrk -t2 -c16 -d"${seconds}s" -s bench/tracing/graphql-post.lua "http://127.0.0.1:$2/graphql" \
               | awk '/Requests\/sec/ {print $2}' ;;
    grpc) h2load -D "$seconds" -c16 -m8 -t2 -d "$frame" -H 'content-type: application/grpc' -H 'te: trailers' \
            "http://127.0.0.1:$2/orders.v1.OrderService/GetUserOrders" | awk '/^finished in/ {print $4}' ;;
  esac
}

declare -A result
for tracing in on off; do
  log=$(mktemp)
  "$server" --http-port 0 --grpc-port 0 --tracing "$tracing" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 50); do grep -q ready "$log" && break; sleep 0.1; done
  http=$(grep -o 'http=[^ ]*' "$log" | cut -d: -f2)
  grpc=$(grep -o 'grpc=[^ ]*' "$log" | cut -d: -f2)
  for style in rest graphql grpc; do
    port=$http; [ "$style" = grpc ] && port=$grpc
    result[$style-$tracing]=$(run_style "$style" "$port")
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
done

printf '%-8s %14s %14s %10s\n' style "tracing on" "tracing off" cost
for style in rest graphql grpc; do
  on=${result[$style-on]}; off=${result[$style-off]}
  printf '%-8s %10s r/s %10s r/s %9s\n' "$style" "$on" "$off" \
    "$(awk -v on="$on" -v off="$off" 'BEGIN { if (off > 0) printf "%.1f%%", (off - on) * 100 / off; else print "n/a" }')"
done
