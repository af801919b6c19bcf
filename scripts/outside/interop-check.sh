#!/usr/bin/env bash
# The interop part of scripts/check-outside-clients (docs/interop.md): Triptych's exports judged by the tools that own
# the formats. The sample workspace exported as a Postman collection loads with postman-collection and runs with newman
# against one fresh triptych-server while triptych-cli sends the same saved requests to another (the data set is
# deterministic, so reads must give the same bodies); the export imported again gives the same documents; the HAR
# export of calls to the server passes har-validator.
# Usage: scripts/outside/interop-check.sh BUILD_DIR NODE_MODULES_DIR   (run from the repository root)
set -euo pipefail
build=$1
modules=$2
cli=$(realpath "$build/app/cli/triptych-cli")
server=$build/server/triptych-server
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# Starts a fresh server and writes a workspace environment NAME that points at it.
start_server() {
  local name=$1 log="$work/$1.log"
  : >"$log"
  "$server" --http-port 0 --grpc-port 0 >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q ready "$log" && break; sleep 0.1; done
  local http grpc
  http=$(sed -n 's/.*http=\([^ ]*\).*/\1/p' "$log")
  grpc=$(sed -n 's/.*grpc=\([^ ]*\).*/\1/p' "$log")
  [ -n "$http" ] || { cat "$log" >&2; exit 1; }
  printf 'version: 1\nvariables:\n  baseUrl: http://%s\n  grpcTarget: %s\n  token: demo-token\n  apiKey: demo-key\n' \
    "$http" "$grpc" >"$work/ws/environments/$name.yaml"
}

cp -r resources/sample-workspace "$work/ws"
start_server newman
start_server triptych
"$cli" export "$work/ws" --as postman --env newman --out "$work/samples.postman_collection.json"
cp scripts/outside/postman-newman.mjs "$modules/"
node "$modules/postman-newman.mjs" "$work/samples.postman_collection.json" "$work/samples.postman_environment.json" \
  "$work/ws" triptych "$cli"

echo "== export -> import gives the same documents"
"$cli" import "$work/samples.postman_collection.json" --into "$work/back" >/dev/null
same=0 differ=0
while IFS= read -r -d '' file; do
  relative=${file#"$work/back/"}
  original="$work/ws/${relative#*/}"
  if cmp -s "$original" "$file"; then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "DIFF ${relative#*/}:"
    diff "$original" "$file" | sed 's/^/  /' || true
  fi
done < <(find "$work/back" -path "$work/back/environments" -prune -o -name '*.yaml' ! -name workspace.yaml -print0)
echo "export -> import: $same files identical, $differ different (Postman has no per-request timeout, no GraphQL operation name, and checks only as test scripts, which the export does not write)"

echo "== har-validator on Triptych's HAR export of the history (real calls to an in-process server)"
QT_QPA_PLATFORM=offscreen TRIPTYCH_HAR_OUT="$work/history.har" "$build/tests/app/interop/test_har" -silent \
  exportsTheHistoryWithTimings
cp scripts/outside/har-validate.mjs "$modules/"
node "$modules/har-validate.mjs" "$work/history.har" tests/app/interop/data/browser.har
