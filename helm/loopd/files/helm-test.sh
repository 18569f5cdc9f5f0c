#!/bin/sh
# `helm test`: invokes a sample handler through the control API, as a tenant would, with grpcurl
# and the API's server reflection (no .proto files needed). With the release's admin token it
# creates a tenant and a token for it; with that token a pool of one node and a handler; then it
# invokes the handler until it answers (the pool's first node has to start) and checks the
# answer. What it created is deleted again, also when it fails.
#
# Environment: LOOPD_API (host:port), LOOPD_ADMIN_TOKEN, LOOPD_TEST_TENANT, LOOPD_TEST_TIMEOUT (s).
set -eu

API=${LOOPD_API:?}
ADMIN=${LOOPD_ADMIN_TOKEN:?}
TENANT=${LOOPD_TEST_TENANT:?}
POOL=helm-test
HANDLER=hello
DEADLINE=$(($(date +%s) + ${LOOPD_TEST_TIMEOUT:-300}))
OUT=/tmp/out.json
ERR=/tmp/err.txt

log() { echo "helm-test: $*"; }

# call TOKEN SERVICE/METHOD JSON: the response in $OUT, gRPC errors in $ERR; the exit status is
# grpcurl's (0 on success).
call() {
  printf '%s' "$3" | grpcurl -plaintext -max-time 90 -H "authorization: Bearer $1" -d @ \
    "$API" "loopd.control.v1.$2" >"$OUT" 2>"$ERR"
}

# call_ok: call, then fail the test with the error unless it succeeded or failed with one of
# the gRPC codes given after the JSON (e.g. AlreadyExists).
call_ok() {
  if call "$1" "$2" "$3"; then return 0; fi
  method=$2
  shift 3
  for code in "$@"; do
    if grep -q "Code: $code" "$ERR"; then
      log "$method: $code (fine)"
      return 0
    fi
  done
  log "$method failed:"
  cat "$ERR"
  exit 1
}

# field NAME: a string or number field of the JSON response in $OUT.
field() {
  sed -n "s/^ *\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$OUT" | head -n 1
}

TENANT_TOKEN=
TOKEN_ID=
cleanup() {
  if [ -n "$TENANT_TOKEN" ]; then
    call "$TENANT_TOKEN" HandlerService/DeleteHandler "{\"name\":\"$HANDLER\"}" || true
    call "$TENANT_TOKEN" PoolService/DeletePool "{\"name\":\"$POOL\"}" || true
    call "$ADMIN" TenantService/RevokeToken "{\"id\":\"$TOKEN_ID\"}" || true
  fi
  # A pool goes away once its nodes have drained; the tenant can only go after it.
  i=0
  until call "$ADMIN" TenantService/DeleteTenant "{\"name\":\"$TENANT\"}" ||
    grep -q "Code: NotFound" "$ERR" || [ $i -ge 30 ]; do
    i=$((i + 1))
    sleep 2
  done
  [ $i -lt 30 ] || log "warning: tenant $TENANT is still there: $(cat "$ERR")"
}
trap cleanup EXIT

log "control API at $API"
call_ok "$ADMIN" TenantService/WhoAmI '{}'
[ "$(field admin)" = true ] || { log "the token is not an admin token:"; cat "$OUT"; exit 1; }

call_ok "$ADMIN" TenantService/CreateTenant "{\"name\":\"$TENANT\"}" AlreadyExists
call_ok "$ADMIN" TenantService/CreateToken "{\"tenant\":\"$TENANT\",\"description\":\"helm test\"}"
TENANT_TOKEN=$(field secret)
TOKEN_ID=$(field id)
[ -n "$TENANT_TOKEN" ] || { log "CreateToken returned no secret:"; cat "$OUT"; exit 1; }
log "tenant $TENANT, token $TOKEN_ID"

call_ok "$TENANT_TOKEN" PoolService/CreatePool \
  "{\"name\":\"$POOL\",\"spec\":{\"minNodes\":1,\"maxNodes\":1}}" AlreadyExists
call_ok "$TENANT_TOKEN" HandlerService/SubmitHandler "{\"name\":\"$HANDLER\",\"pool\":\"$POOL\",\
\"source\":\"export default async (request, ctx) => ({ hello: request.query.name, tenant: ctx.tenant });\"}"
log "handler $HANDLER submitted to pool $POOL: version $(field version)"

while :; do
  if call "$TENANT_TOKEN" InvokeService/Invoke \
    "{\"handler\":\"$HANDLER\",\"method\":\"GET\",\"path\":\"/\",\"query\":[{\"name\":\"name\",\"value\":\"helm\"}],\"timeout\":\"60s\"}"; then
    status=$(field status)
    body=$(field body | base64 -d)
    if [ "$status" = 200 ]; then
      case $body in
        *'"hello":"helm"'*'"tenant":"'"$TENANT"'"'*)
          log "invoked: HTTP $status $body"
          exit 0
          ;;
      esac
      log "unexpected answer: HTTP $status $body"
      exit 1
    fi
    log "HTTP $status $body; retrying"
  else
    log "not yet: $(tr '\n' ' ' <"$ERR")"
  fi
  if [ "$(date +%s)" -ge "$DEADLINE" ]; then
    log "the handler did not answer within ${LOOPD_TEST_TIMEOUT:-300} s"
    exit 1
  fi
  sleep 3
done
