#!/usr/bin/env bash
# C10K: 10,000 concurrent keep-alive connections to one server, held while requests flow over
# them; reports connections held, errors, p50/p99 latency and the server's RSS (idle, with all
# connections open, and after the requests), for Node's http server and for loop-node serve.
# Each server is warmed with wrk first (WARMUP seconds, default 15).
# Settings: CONNS (default 10000), RATE (req/s, default 2000), DURATION (seconds of requests,
# default 20), LOOP_NODE.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
LOOP_NODE="${LOOP_NODE:-$ROOT/bin/loop-node}"
CONNS="${CONNS:-10000}"
RATE="${RATE:-2000}"
DURATION="${DURATION:-20}" # not SECONDS: bash keeps its own (seconds since the shell started)
command -v node >/dev/null || { echo "node (Node.js 20) is needed" >&2; exit 1; }
need=$((CONNS + 1000))
if (( $(ulimit -n) < need )); then ulimit -n "$need" 2>/dev/null || {
  echo "open files limit $(ulimit -n) is below $need: raise it (ulimit -n $need)" >&2; exit 1; }; fi
cd "$HERE"
PID=
stop() { if [[ -n $PID ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
wait_for() { for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no server at $1" >&2; exit 1; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

measure() { # name port path
  # Warm the server first (the JVM's JIT compiles the HTTP path in its first seconds of load).
  if command -v wrk >/dev/null; then wrk -t1 -c50 -d"${WARMUP:-15}"s "http://127.0.0.1:$2$3" >/dev/null; fi
  local idle; idle=$(rss_mb "$PID")
  node c10k-client.mjs 127.0.0.1 "$2" "$3" "$CONNS" "$RATE" "$DURATION" >"/tmp/c10k-$1.json" &
  local client=$! peak=0
  while kill -0 "$client" 2>/dev/null; do
    local r; r=$(rss_mb "$PID"); (( r > peak )) && peak=$r; sleep 1
  done
  wait "$client"
  printf '%-10s idle RSS %5s MB  peak RSS %5s MB  %s\n' "$1" "$idle" "$peak" "$(cat "/tmp/c10k-$1.json")"
}

node node-server.mjs 18201 hello=handlers/hello.mjs >/dev/null 2>&1 & PID=$!
wait_for http://127.0.0.1:18201/h/hello/; measure node 18201 /h/hello/x; stop

"$LOOP_NODE" serve --host 127.0.0.1 --http-port 18202 --grpc-port 0 --handler hello=handlers/hello.mjs >/dev/null 2>&1 & PID=$!
wait_for http://127.0.0.1:18202/healthz/ready; measure loop-node 18202 /h/hello/x; stop
