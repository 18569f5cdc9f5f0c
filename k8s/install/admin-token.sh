#!/usr/bin/env bash
# Makes the first admin token of a loopd installed from k8s/install/loopd.yaml (the Helm chart
# makes its own: adminToken.create). As the control API issues tokens: "loopd_<id>_<secret>",
# its SHA-256 in the token store (Secret loopd-token-<id>, labelled loopd.dev/token=true), the
# token itself in Secret loopd-admin-token (key "token") for you to read. Does nothing when
# loopd-admin-token exists.
#
#   k8s/install/admin-token.sh [-n NAMESPACE]        (default namespace: loopd)
#   kubectl -n loopd get secret loopd-admin-token -o jsonpath='{.data.token}' | base64 -d
set -euo pipefail
NS=loopd
if [[ ${1:-} == -n ]]; then NS=${2:?-n needs a namespace}; fi
KUBECTL=${KUBECTL:-kubectl}

if "$KUBECTL" -n "$NS" get secret loopd-admin-token >/dev/null 2>&1; then
  echo "loopd-admin-token exists in namespace $NS: nothing to do"
  exit 0
fi
id=$(set +o pipefail; LC_ALL=C tr -dc 'a-z2-7' </dev/urandom | head -c 12)
secret=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
token="loopd_${id}_${secret}"
sha=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)

"$KUBECTL" apply -f - <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: loopd-token-$id
  namespace: $NS
  labels:
    app.kubernetes.io/part-of: loopd
    loopd.dev/token: "true"
    loopd.dev/tenant: ""
type: Opaque
stringData:
  id: "$id"
  sha256: "$sha"
  tenant: ""
  admin: "true"
  description: "admin token made by k8s/install/admin-token.sh"
  createTime: "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
---
apiVersion: v1
kind: Secret
metadata:
  name: loopd-admin-token
  namespace: $NS
  labels:
    app.kubernetes.io/part-of: loopd
type: Opaque
stringData:
  token: "$token"
YAML
echo "admin token $id made; read it with:"
echo "  $KUBECTL -n $NS get secret loopd-admin-token -o jsonpath='{.data.token}' | base64 -d"
