#!/usr/bin/env bash
# Runs the same scripts under `node` and `bin/loop-node run`, one after the other, and prints
# throughput side by side with the ratio (loop-node / node). Each script warms up, then reports
# the median of its measured rounds. Also times `run` startup of a hello script (median of 5).
# Usage: loop-node/bench/run.sh [script-name-filter]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LOOP_NODE="$ROOT/bin/loop-node"
command -v node >/dev/null || { echo "node is needed as the peer: install Node.js 20" >&2; exit 1; }
FILTER="${1:-}"

ops() { sed -n 's/.*"opsPerSec":\([0-9]*\).*/\1/p' | tail -1; }

printf '%-22s %14s %14s %8s\n' benchmark "node ops/s" "loop-node ops/s" ratio
for script in "$HERE"/scripts/[a-z]*.js; do
  name=$(basename "$script" .js)
  [[ -n $FILTER && $name != *$FILTER* ]] && continue
  n=$(cd "$HERE/scripts" && node "$script" | ops)
  l=$(cd "$HERE/scripts" && "$LOOP_NODE" run "$script" | ops)
  ratio=$(awk -v a="$l" -v b="$n" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-22s %14s %14s %7sx\n' "$name" "$n" "$l" "$ratio"
done

hello=$(mktemp --suffix=.js); echo "console.log('hello')" > "$hello"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
startup() { for _ in 1 2 3 4 5; do /usr/bin/time -f '%e' "$@" "$hello" 2>&1 >/dev/null | tail -1; done | median; }
printf '%-22s %13ss %13ss\n' "startup (hello)" "$(startup node)" "$(startup "$LOOP_NODE" run)"
rm -f "$hello"
