# Sourced by the load scripts (sh): sets TRIPTYCH_URL=http://host:port. Uses TRIPTYCH_URL when it is set; else
# starts "$server" (a triptych-server binary) on free ports with TRIPTYCH_SERVER_ARGS (e.g. "--tracing off") and
# stops it when the script exits.
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
