#!/usr/bin/env bash
# The seven server scenarios of docs/speed.md ("Server, wave 2") in one command: server CPU µs per request and req/s
# per cell, with the server pinned to one core and the load on the other. --callgrind counts instructions per
# request instead; --perf DIR profiles each cell. Needs wrk, h2load (nghttp2-client), and valgrind or perf for those.
# Usage: bench/load/compare.sh [--server build/release/server/triptych-server] [--seconds 5] [--only REGEX] [--cache] …
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 bench/load/compare.py "$@"
