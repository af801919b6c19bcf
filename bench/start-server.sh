# Sourced by the load scripts (bash): start_server LOG COMMAND… runs COMMAND (a triptych-server command line with
# --http-port 0 --grpc-port 0) in the background with its output in LOG, waits for its ready line, and prints
# "pid http-port grpc-port". Exits the script with the server's output when it dies before it is ready.
start_server() {
  local log=$1
  shift
  rm -f "$log" # else the wait may read an earlier server's ready line before the new one truncates the file
  "$@" >"$log" 2>&1 &
  local pid=$!
  until grep -q "ready: http=.*grpc=.*:[0-9]" "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$pid $(sed -n 's/.*http=[^ ]*:\([0-9]*\).*/\1/p' "$log") $(sed -n 's/.*grpc=[^ ]*:\([0-9]*\).*/\1/p' "$log")"
}
