#!/usr/bin/env bash
# Runs every conformance case under `node` (the oracle) and records its stdout and exit code.
#
#   regen.sh [--check] [NAME.js|NAME.mjs|NAME.cjs ...]
#
# Without --check: writes cases/NAME.EXT.stdout and cases/NAME.EXT.code.
# With --check: writes nothing; exits non-zero if node's output differs from the committed files.
# Both modes verify every `// stderr-includes:` header line against node's stderr and fail loudly.
# Cases run one at a time (the pool-* cases measure the thread pool), with cwd = cases/, the
# bare file name as the script argument, and a minimal environment: PATH plus the `// env:` header.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CASES="$HERE/cases"
NODE="${NODE:-node}"
TIMEOUT_S="${CASE_TIMEOUT:-15}"

mode=write
names=()
all_cases=1
for a in "$@"; do
  case "$a" in
    --check) mode=check ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "unknown option: $a" >&2; exit 2 ;;
    *) names+=("$(basename "$a")"); all_cases=0 ;;
  esac
done

command -v "$NODE" >/dev/null || { echo "regen.sh: '$NODE' not found" >&2; exit 2; }
node_version="$("$NODE" --version)"
case "$node_version" in
  v20.*) ;;
  *) echo "regen.sh: warning: outputs were recorded with node v20, this is $node_version" >&2 ;;
esac

cd "$CASES" || exit 2
if [ ${#names[@]} -eq 0 ]; then
  mapfile -t names < <(find . -maxdepth 1 -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) \
    -printf '%f\n' | LC_ALL=C sort)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# header VALUE-OF KEY FILE: the values of `// KEY: value` lines in the leading comment block.
header() {
  awk -v key="$2" '
    !/^\/\// { exit }
    { line = $0; sub(/^\/\/[ \t]*/, "", line)
      if (index(line, key ":") == 1) { v = substr(line, length(key) + 2); sub(/^[ \t]+/, "", v); sub(/[ \t]+$/, "", v); print v } }
  ' "$1"
}

passed=0
failed=0
failures=()
slow=()

fail() { # case, message
  failed=$((failed + 1))
  failures+=("$1")
  printf 'FAIL %s: %s\n' "$1" "$2"
}

for f in "${names[@]}"; do
  if [ ! -f "$f" ]; then fail "$f" "no such case"; continue; fi
  if ! head -n 1 "$f" | grep -q '^// '; then fail "$f" "first line must be a '// ' comment saying what rule the case shows"; continue; fi

  read -r -a args <<<"$(header "$f" args | tr '\n' ' ')"
  read -r -a envs <<<"$(header "$f" env | tr '\n' ' ')"
  mapfile -t includes < <(header "$f" stderr-includes)

  out="$tmp/out" err="$tmp/err"
  start_ns=$(date +%s%N)
  env -i PATH="$PATH" "${envs[@]}" timeout "$TIMEOUT_S" "$NODE" "$f" "${args[@]}" >"$out" 2>"$err" </dev/null
  code=$?
  ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

  problems=()
  if [ "$code" -eq 124 ]; then problems+=("timed out after ${TIMEOUT_S}s"); fi
  if [ "$ms" -gt 3000 ]; then
    # Recording happens on a quiet machine: a slow case is an error there; when checking (maybe on a
    # busy CI box) it is only reported.
    if [ "$mode" = write ]; then problems+=("took ${ms} ms; a case must finish in about 3 s")
    else slow+=("$f (${ms} ms)"); fi
  fi
  for inc in "${includes[@]}"; do
    grep -qF -- "$inc" "$err" || problems+=("stderr does not include: $inc")
  done
  if grep -qF -- "$CASES" "$out"; then problems+=("stdout contains the absolute cases path; print base names only"); fi

  if [ "$mode" = write ]; then
    if [ ${#problems[@]} -eq 0 ]; then
      cp "$out" "$f.stdout"
      echo "$code" >"$f.code"
    fi
  else
    if [ ! -f "$f.stdout" ] || [ ! -f "$f.code" ]; then
      problems+=("missing $f.stdout or $f.code: run regen.sh")
    else
      if ! cmp -s "$out" "$f.stdout"; then
        problems+=("stdout differs from $f.stdout:"$'\n'"$(diff "$f.stdout" "$out" | head -n 20)")
      fi
      want_code="$(cat "$f.code")"
      [ "$code" = "$want_code" ] || problems+=("exit code $code, recorded $want_code")
    fi
  fi

  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
  else
    fail "$f" "$(printf '%s\n' "${problems[@]}")"
    if [ -s "$err" ]; then printf '  stderr (first lines):\n'; head -n 8 "$err" | sed 's/^/    /'; fi
  fi
done

# Outputs whose case is gone.
if [ "$all_cases" = 1 ]; then
  for o in *.stdout *.code; do
    [ -e "$o" ] || continue
    c="${o%.*}"
    [ -f "$c" ] || fail "$o" "output file without a case ($c)"
  done
fi

total=$((passed + failed))
if [ ${#slow[@]} -gt 0 ]; then printf 'slow (over 3 s, not a failure in --check): %s\n' "${slow[@]}"; fi
echo "regen.sh ($mode, node $node_version): $passed/$total passed"
if [ "$failed" -gt 0 ]; then
  printf 'failed: %s\n' "${failures[@]}"
  exit 1
fi
