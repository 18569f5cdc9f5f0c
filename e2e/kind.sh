#!/usr/bin/env bash
# The end-to-end run on a real Kubernetes cluster (kind), for a machine with Docker and kind.
# NOT run in this repository's CI, which has neither; there, ChartIT and the fake-kubelet end to
# end (dev.loopd.e2e.kube) run the same platform on a real kube-apiserver.
#
#   e2e/kind.sh            build, install, exercise, then delete the cluster
#   KEEP=1 e2e/kind.sh     keep the cluster (and the release) for a look around afterwards
#
# What it does, stopping at the first failure:
#   1. builds loop-node, control-api, operator/app and loopctl (Maven) and the three JVM images;
#   2. creates kind cluster $CLUSTER (unless it exists) and loads the images into it;
#   3. helm installs helm/loopd with those images;
#   4. applies k8s/examples (tenant demo, pool web, handlers hello, spin, pbkdf2) and waits for
#      the pool to be Ready;
#   5. port-forwards the control API and, with bin/loopctl and a token of tenant demo, invokes
#      the three handlers (spin: every 10th request is stopped at its 50 ms CPU budget and fails
#      with RESOURCE_EXHAUSTED);
#   6. loads pbkdf2 with `bin/loopctl load` and watches the pool's Deployment: it must grow past
#      its size before the load, then shrink back after it;
#   7. runs `helm test`.
#
# Needs: docker, kind, kubectl, a JDK 25 (bin/loopctl, Maven); helm (else tools/helm.sh gets one).
# Settings (environment): CLUSTER (loopd-e2e), NS (loopd), TAG (e2e), PORT (17070, local end of
# the port-forward), LOAD_SECONDS (120), LOAD_CONCURRENCY (24), KEEP.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER=${CLUSTER:-loopd-e2e}
NS=${NS:-loopd}
TAG=${TAG:-e2e}
PORT=${PORT:-17070}
LOAD_SECONDS=${LOAD_SECONDS:-120}
LOAD_CONCURRENCY=${LOAD_CONCURRENCY:-24}
KEEP=${KEEP:-}
REGISTRY=loopd.local
TENANT_NS=loopd-demo
POOL=web
CONTEXT="kind-$CLUSTER"

step() { printf '\n==> %s\n' "$*"; }
die() {
  echo "kind.sh: $*" >&2
  exit 1
}
need() { command -v "$1" >/dev/null || die "$1 is not installed (${2:-see the header of e2e/kind.sh})"; }

need docker "https://docs.docker.com/engine/install/"
need kind "https://kind.sigs.k8s.io/docs/user/quick-start/#installation"
need kubectl "https://kubernetes.io/docs/tasks/tools/"
docker info >/dev/null 2>&1 || die "no Docker engine answers (docker info failed)"
HELM=${HELM:-$(command -v helm || "$ROOT/tools/helm.sh")}

k() { kubectl --context "$CONTEXT" "$@"; }
h() { "$HELM" --kube-context "$CONTEXT" "$@"; }
loopctl() { "$ROOT/bin/loopctl" --server "127.0.0.1:$PORT" "$@"; }

# until_true SECONDS WHAT COMMAND...: runs COMMAND every 2 s until it succeeds, or fails saying
# WHAT did not happen.
until_true() {
  local limit=$1 what=$2
  local deadline=$((SECONDS + limit))
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what did not happen within ${limit}s"
    sleep 2
  done
}

PF_PID=
LOAD_PID=
cleanup() {
  local status=$?
  local pid
  for pid in $LOAD_PID $PF_PID; do
    kill "$pid" 2>/dev/null || true
  done
  if ((status != 0)) && k get ns "$NS" >/dev/null 2>&1; then
    echo "--- what the cluster says (exit $status)" >&2
    k get pods -A -o wide >&2 || true
    k -n "$NS" logs deployment/loopd-operator --tail=60 >&2 || true
    k -n "$NS" logs deployment/loopd-control-api --tail=30 >&2 || true
    k -n "$TENANT_NS" get looppools,loophandlers,deployments,events >&2 || true
  fi
  if [[ -z $KEEP ]]; then
    kind delete cluster --name "$CLUSTER" >/dev/null 2>&1 || true
  else
    echo "kept: kind cluster $CLUSTER (kubectl --context $CONTEXT ...); delete it with: kind delete cluster --name $CLUSTER"
  fi
}
trap cleanup EXIT

cd "$ROOT"

step "build (Maven): loop-node, control-api, operator, loopctl"
./mvnw -q -B -ntp -DskipTests -Dspotless.check.skip=true -pl loop-node,control-api,operator/app,cli -am package

step "images $REGISTRY/{loop-node,control-api,operator}:$TAG"
docker build -q -f loop-node/src/main/docker/Dockerfile.jvm -t "$REGISTRY/loop-node:$TAG" .
docker build -q -f control-api/src/main/docker/Dockerfile.jvm -t "$REGISTRY/control-api:$TAG" .
docker build -q -f operator/app/src/main/docker/Dockerfile.jvm -t "$REGISTRY/operator:$TAG" .

step "kind cluster $CLUSTER"
if ! kind get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
  kind create cluster --name "$CLUSTER" --wait 180s
fi
for image in loop-node control-api operator; do
  kind load docker-image --name "$CLUSTER" "$REGISTRY/$image:$TAG"
done

step "helm install loopd into namespace $NS"
h upgrade --install loopd helm/loopd --namespace "$NS" --create-namespace \
  --set image.registry="$REGISTRY" --set image.tag="$TAG" --set image.pullPolicy=Never \
  --wait --timeout 10m
k -n "$NS" get deployments,services

step "k8s/examples: tenant demo, pool $POOL, handlers hello, spin, pbkdf2"
k apply -f k8s/examples/00-tenant.yaml
until_true 120 "namespace $TENANT_NS (made by the operator for tenant demo)" k get namespace "$TENANT_NS"
k apply -f k8s/examples/
k -n "$TENANT_NS" wait --for=condition=Ready "looppool/$POOL" --timeout=600s
k -n "$TENANT_NS" get looppools,loophandlers,deployments,pods

step "port-forward the control API to 127.0.0.1:$PORT"
k -n "$NS" port-forward svc/loopd-control-api "$PORT:7070" >/dev/null &
PF_PID=$!
until_true 60 "the port-forward" bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT"
ADMIN_TOKEN=$(k -n "$NS" get secret loopd-admin-token -o jsonpath='{.data.token}' | base64 -d)
LOOPD_TOKEN=$(loopctl --token "$ADMIN_TOKEN" tokens create --tenant demo --description "e2e/kind.sh" |
  sed -n 's/^Secret (shown only now): //p')
[[ -n $LOOPD_TOKEN ]] || die "no token for tenant demo"
export LOOPD_TOKEN
loopctl whoami

step "invoke hello, spin (x20), pbkdf2 through the control API"
loopctl invoke hello --query name=kind --fail
echo
spun=0
for _ in $(seq 1 20); do
  # Past its CPU budget an invocation fails with RESOURCE_EXHAUSTED (loopctl exits 1).
  if ! out=$(loopctl invoke spin 2>&1); then
    grep -q RESOURCE_EXHAUSTED <<<"$out" || die "spin failed: $out"
    spun=$((spun + 1))
  fi
done
echo "spin: $spun of 20 requests stopped at the CPU budget (every 10th spins)"
((spun >= 1)) || die "no spin request was stopped at its 50 ms CPU budget"
loopctl invoke pbkdf2 --fail
echo

replicas() { k -n "$TENANT_NS" get "looppool/$POOL" -o jsonpath='{.spec.replicas}'; }
deployments() {
  k -n "$TENANT_NS" get deployments \
    -o jsonpath='{range .items[*]}{.metadata.name} {.spec.replicas}/{.status.readyReplicas}{"\n"}{end}'
}

step "load pbkdf2 for ${LOAD_SECONDS}s (concurrency $LOAD_CONCURRENCY); watching pool $POOL scale"
before=$(replicas)
echo "pool $POOL: $before replicas before the load"
loopctl load pbkdf2 --concurrency "$LOAD_CONCURRENCY" --duration "${LOAD_SECONDS}s" &
LOAD_PID=$!
peak=$before
while kill -0 "$LOAD_PID" 2>/dev/null; do
  now=$(replicas)
  ((now > peak)) && peak=$now
  echo "$(date +%T) pool $POOL wants $now; deployments: $(deployments | tr '\n' ' ')"
  sleep 5
done
wait "$LOAD_PID" || die "loopctl load failed"
LOAD_PID=
echo "pool $POOL: $before replicas before, $peak at the peak"
((peak > before)) || die "the pool did not scale up under load ($before -> $peak)"
k -n "$TENANT_NS" describe "looppool/$POOL" | sed -n '/Recent Events/,$p' | head -20 || true

step "after the load: pool $POOL back to $before"
deadline=$((SECONDS + 420))
until (($(replicas) <= before)); do
  ((SECONDS < deadline)) || die "pool $POOL did not scale back down to $before within 7 minutes"
  echo "$(date +%T) pool $POOL wants $(replicas); deployments: $(deployments | tr '\n' ' ')"
  sleep 10
done
echo "pool $POOL is back to $(replicas) replicas"

step "helm test"
h test loopd --namespace "$NS" --timeout 10m --logs

step "done: loopd on kind installed, invoked, scaled up under load and back down, helm test passed"
