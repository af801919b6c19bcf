#!/usr/bin/env bash
# What tracing costs: the three "a user's orders" presets against triptych-server with --tracing on and off.
# Usage: bench/tracing/overhead.sh [seconds per run, default 10] [rounds, default 3]   (builds the release server)
# Prints, per style, the server's CPU time per request and the throughput, each the median of the rounds. Runs
# alternate on/off so that a machine whose load drifts hurts both sides alike; CPU per request is the steadier
# figure when other work shares the machine. Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
rounds=${2:-3}
for tool in wrk h2load; do
  command -v "$tool" >/dev/null || { echo "overhead.sh: $tool is missing; run scripts/setup-deps" >&2; exit 1; }
done
cmake --preset release >/dev/null && cmake --build --preset release --target triptych-server >/dev/null
server=build/release/server/triptych-server
work=$(mktemp -d)
printf '\x00\x00\x00\x00\x02\x08\x2a' >"$work/frame" # gRPC frame of UserRequest{user_id: 42}
trap 'for p in ${pids:-}; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

start_server() { # tracing → "pid http grpc"
  "$server" --http-port 0 --grpc-port 0 --tracing "$1" >"$work/$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do grep -q ready "$work/$1.log" && break; sleep 0.1; done
  echo "$pid $(sed -n 's/.*http=[^ ]*:\([0-9]*\).*/\1/p' "$work/$1.log") \
$(sed -n 's/.*grpc=[^ ]*:\([0-9]*\).*/\1/p' "$work/$1.log")"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of a process, in clock ticks

run_style() { # style port → "requests requests-per-second"
  case $1 in
    rest) wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$2/v1/users/42/orders" \
            | awk '/requests in/ {n=$1} /Requests\/sec/ {print n, $2}' ;;
    graphql) wrk -t2 -c16 -d"${seconds}s" -s bench/tracing/graphql-post.lua "http://127.0.0.1:$2/graphql" \
               | awk '/requests in/ {n=$1} /Requests\/sec/ {print n, $2}' ;;
    grpc) h2load -D "$seconds" -c16 -m8 -t2 -d "$work/frame" -H 'content-type: application/grpc' -H 'te: trailers' \
            "http://127.0.0.1:$2/orders.v1.OrderService/GetUserOrders" \
            | awk '/^requests:/ {n = $8} /^finished in/ {r = $4} END {print n, r}' ;;
  esac
}

read -r pid_on http_on grpc_on <<<"$(start_server on)"
read -r pid_off http_off grpc_off <<<"$(start_server off)"
pids="$pid_on $pid_off"
ticks_per_second=$(getconf CLK_TCK)

for round in $(seq "$rounds"); do
  for style in rest graphql grpc; do
    for tracing in on off; do
      pid_var=pid_$tracing; pid=${!pid_var}
      port_var=http_$tracing; [ "$style" = grpc ] && port_var=grpc_$tracing
      before=$(cpu_ticks "$pid")
      read -r requests rate <<<"$(run_style "$style" "${!port_var}")"
      after=$(cpu_ticks "$pid")
      awk -v t=$((after - before)) -v n="$requests" -v hz="$ticks_per_second" -v r="$rate" \
        'BEGIN { printf "%.2f %s\n", t * 1e6 / hz / n, r }' >>"$work/$style-$tracing"
    done
  done
  echo "round $round of $rounds done" >&2
done

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
printf '%-8s %22s %22s %8s %8s\n' style "tracing on µs/req r/s" "tracing off µs/req r/s" "CPU" "r/s"
for style in rest graphql grpc; do
  cpu_on=$(cut -d' ' -f1 "$work/$style-on" | median);  rate_on=$(cut -d' ' -f2 "$work/$style-on" | median)
  cpu_off=$(cut -d' ' -f1 "$work/$style-off" | median); rate_off=$(cut -d' ' -f2 "$work/$style-off" | median)
  awk -v s="$style" -v con="$cpu_on" -v ron="$rate_on" -v coff="$cpu_off" -v roff="$rate_off" 'BEGIN {
    printf "%-8s %10.1f %11.0f %10.1f %11.0f %+7.1f%% %+7.1f%%\n", s, con, ron, coff, roff,
      (con - coff) * 100 / coff, (roff - ron) * 100 / roff }'
done
echo "CPU: extra server CPU per request with tracing on; r/s: throughput lost with tracing on (median of $rounds rounds)"
