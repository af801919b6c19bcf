#!/usr/bin/env bash
# kill -9 during writes of all three styles, many rounds: the test the suite runs once (test_killwrites), repeated on
# one database file. Each round starts triptych-server on the file, writes orders by REST, GraphQL and gRPC at once,
# kills the server with SIGKILL mid-write, restarts it, and checks that SQLite finds the file intact and that every
# acknowledged write is there exactly once (and at most the write in flight besides).
# Usage: bench/load/kill-writes.sh [rounds (default 15, the most one file allows)] [build directory (default build/ci)]
set -euo pipefail
rounds=${1:-15}
build=${2:-build/ci}
test="$build/tests/server/host/test_killwrites"
[[ -x "$test" ]] || { echo "$test is missing: cmake --build --preset ci --target test_killwrites" >&2; exit 1; }
TRIPTYCH_KILL_ROUNDS="$rounds" QT_QPA_PLATFORM=offscreen "$test" -maxwarnings 0 2>&1 |
    grep -E "round|PASS|FAIL|Totals|Loc"
