#!/usr/bin/env bash
# What tracing costs: the three "a user's orders" presets against triptych-server with --tracing on and off.
# Usage: bench/tracing/overhead.sh [seconds per run, default 8] [rounds, default 5]   (builds the release server)
#        STYLES="graphql grpc" bench/tracing/overhead.sh …   measures only those styles
#
# Three servers share one core: tracing on, tracing off, and a second one with tracing off — the control, whose
# difference from the first "off" is the noise floor of the figures. The load generator (wrk, h2load) runs on the
# other core, so it never competes with the server it measures. Every round starts the three afresh (a process's
# memory placement alone moves its speed by a few percent) and loads each in turn, in an order that rotates from
# round to round, so a machine whose speed drifts hurts all three alike. Prints, per style, the server's CPU time
# per request and the throughput (medians of the rounds), the cost of tracing, and the noise floor. Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-8}
rounds=${2:-5}
styles=${STYLES:-rest graphql grpc}
for tool in wrk h2load taskset; do
  command -v "$tool" >/dev/null || { echo "overhead.sh: $tool is missing; run scripts/setup-deps" >&2; exit 1; }
done
cmake --preset release >/dev/null && cmake --build --preset release --target triptych-server >/dev/null
server=build/release/server/triptych-server
work=$(mktemp -d)
printf '\x00\x00\x00\x00\x02\x08\x2a' >"$work/frame" # gRPC frame of UserRequest{user_id: 42}
source bench/start-server.sh
trap 'for p in ${pids:-}; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

if [ "$(nproc)" -ge 2 ]; then
  server_cpu=(taskset -c 1) load_cpu=(taskset -c 0)
else
  echo "overhead.sh: one core only; server and load share it, so the figures are noisier" >&2
  server_cpu=() load_cpu=()
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of a process, in clock ticks

run_style() { # style http-port grpc-port seconds → "requests requests-per-second"
  case $1 in
    rest) "${load_cpu[@]}" wrk -t1 -c8 -d"$4s" "http://127.0.0.1:$2/v1/users/42/orders" \
            | awk '/requests in/ {n=$1} /Requests\/sec/ {print n, $2}' ;;
    graphql) "${load_cpu[@]}" wrk -t1 -c8 -d"$4s" -s bench/tracing/graphql-post.lua \
               "http://127.0.0.1:$2/graphql" | awk '/requests in/ {n=$1} /Requests\/sec/ {print n, $2}' ;;
    grpc) "${load_cpu[@]}" h2load -D "$4" -c8 -m4 -t1 -d "$work/frame" -H 'content-type: application/grpc' \
            -H 'te: trailers' "http://127.0.0.1:$3/orders.v1.OrderService/GetUserOrders" \
            | awk '/^requests:/ {n = $8} /^finished in/ {r = $4} END {print n, r}' ;;
  esac
}

servers=(on off control)
declare -A pid http grpc
ticks_per_second=$(getconf CLK_TCK)

for round in $(seq "$rounds"); do
  pids=""
  for name in "${servers[@]}"; do
    tracing=on; [ "$name" = on ] || tracing=off
    read -r "pid[$name]" "http[$name]" "grpc[$name]" <<<"$(start_server "$work/$name.log" "${server_cpu[@]}" \
      "$server" --http-port 0 --grpc-port 0 --tracing "$tracing")"
    [ -n "${grpc[$name]}" ] || exit 1 # start_server said why
    pids="$pids ${pid[$name]}"
  done
  for style in $styles; do
    for i in 0 1 2; do
      name=${servers[$(((i + round) % 3))]}
      run_style "$style" "${http[$name]}" "${grpc[$name]}" 3 >/dev/null # warm up: fills the span store (2,000 traces)
      before=$(cpu_ticks "${pid[$name]}")
      read -r requests rate <<<"$(run_style "$style" "${http[$name]}" "${grpc[$name]}" "$seconds")"
      after=$(cpu_ticks "${pid[$name]}")
      awk -v t=$((after - before)) -v n="$requests" -v hz="$ticks_per_second" -v r="$rate" \
        'BEGIN { printf "%.2f %s\n", t * 1e6 / hz / n, r }' >>"$work/$style-$name"
    done
  done
  for p in $pids; do kill "$p"; wait "$p" 2>/dev/null || true; done
  pids=""
  {
    printf 'round %d of %d, extra CPU per request (on, control):' "$round" "$rounds"
    for style in $styles; do
      tail -n1 "$work/$style-on" "$work/$style-off" "$work/$style-control" | grep -v '^==>' | grep . |
        paste -sd' ' | awk -v s="$style" '{ printf " %s %+.1f%% %+.1f%%", s, ($1 - $3) * 100 / $3, ($5 - $3) * 100 / $3 }'
    done
    echo
  } >&2
done

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
figure() { cut -d' ' -f"$2" "$work/$1" | median; } # file column → median
# Per round, against the same round's "off" server: extra CPU per request, throughput lost (percent).
cost() { paste -d' ' "$work/$1" "$work/$2" | awk -v c="$3" '{ print c == 1 ? ($1 - $3) * 100 / $3 : ($4 - $2) * 100 / $4 }' \
  | median; }
printf '%-8s %17s %17s %17s %8s %8s %8s %8s\n' style "on µs/req r/s" "off µs/req r/s" "control" \
  "CPU" "r/s" "±CPU" "±r/s"
for style in $styles; do
  printf '%-8s %8.1f %8.0f %8.1f %8.0f %8.1f %8.0f %+7.1f%% %+7.1f%% %+7.1f%% %+7.1f%%\n' "$style" \
    "$(figure "$style-on" 1)" "$(figure "$style-on" 2)" "$(figure "$style-off" 1)" "$(figure "$style-off" 2)" \
    "$(figure "$style-control" 1)" "$(figure "$style-control" 2)" \
    "$(cost "$style-on" "$style-off" 1)" "$(cost "$style-on" "$style-off" 2)" \
    "$(cost "$style-control" "$style-off" 1)" "$(cost "$style-control" "$style-off" 2)"
done
echo "CPU: extra server CPU per request with tracing on; r/s: throughput lost with tracing on (medians of the"
echo "rounds' figures, each against the same round's tracing-off server); ±: the same for the control, a second"
echo "server with tracing off: the noise floor. $rounds rounds of ${seconds} s; servers on one core, load on the other."
