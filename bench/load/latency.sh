#!/usr/bin/env bash
# p50/p90/p99 of one small request on one keep-alive connection, against a loopback echo and triptych-server, both
# pinned to the last core and the client to the others (docs/speed.md). Needs bench_latency (ci or bench preset).
# Usage: bench/load/latency.sh [--server build/release/server/triptych-server] [--requests 10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 bench/load/latency.py "$@"
