#!/usr/bin/env bash
# Builds a real Kubernetes v1.20.2 control plane offline, once, and prints the folder holding it:
#   kube-apiserver, kube-controller-manager, kube-scheduler (built from Debian bookworm's kubernetes
#   source package, which vendors its dependencies, with Debian's Go 1.19), etcd 3.4.23 (Debian), kubectl.
# The folder has the layout that Fabric8's kube-api-test expects for its binaries:
#   KUBE_API_TEST_DIR=<printed dir>/.. (binaries in <dir> = .../k8s/1.20.2-linux-amd64)
# About 5-8 minutes the first time on 2 cores; instant when cached. Installs nothing system-wide.
# Usage: BIN=$(tools/k8s-test-env.sh) && "$BIN/kube-apiserver" --version
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${K8S_TEST_ENV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/loopd/kube}
D="$CACHE/k8s/1.20.2-linux-amd64"
WHAT=(kube-apiserver kube-controller-manager kube-scheduler)
have() { for b in "${WHAT[@]}" etcd kubectl; do [[ -x $D/$b ]] || return 1; done; }
if have; then echo "$D"; exit 0; fi
W="$CACHE/build"
mkdir -p "$W"/{apt/lists/partial,debs,root,shim,home} && cd "$W"
{
cat > apt/sources.list <<'S'
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
S
O=(-o Dir::Etc::SourceList="$W/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$W/apt/lists")
apt-get "${O[@]}" update -qq
[[ -f kubernetes_1.20.5+really1.20.2.orig.tar.gz ]] ||
  apt-get "${O[@]}" source --download-only -qq kubernetes=1.20.5+really1.20.2-1.1+deb12u1
(cd debs && apt-get "${O[@]}" download -qq golang-1.19-go golang-1.19-src etcd-server golang-github-modern-go-reflect2-dev)
for deb in debs/*.deb; do dpkg -x "$deb" root; done
rm -rf kubernetes-1.20.2 && tar xzf kubernetes_1.20.5+really1.20.2.orig.tar.gz
cd kubernetes-1.20.2
# the vendored reflect2 v1.0.1 crashes under Go >= 1.18 ("fatal error: fault" on the first custom
# resource); Debian's 1.0.2 fixes it
rm -rf vendor/github.com/modern-go/reflect2
cp -r "$W"/root/usr/share/gocode/src/github.com/modern-go/reflect2 vendor/github.com/modern-go/reflect2
mkdir -p .go/src/k8s.io && ln -sfn ../../.. .go/src/k8s.io/kubernetes
# the build only calls 'rsync -pc SRC DIR'
printf '#!/bin/sh\nshift\nexec cp -p "$@"\n' > "$W/shim/rsync" && chmod +x "$W/shim/rsync"
export GOROOT="$W/root/usr/lib/go-1.19" PATH="$W/shim:$W/root/usr/lib/go-1.19/bin:$PATH" GOPATH="$PWD/.go" \
       GOCACHE="$W/gocache" GOPROXY=off CGO_ENABLED=0 HOME="$W/home"
make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler"
mkdir -p "$D"
for b in "${WHAT[@]}"; do cp "_output/bin/$b" "$D/"; done
cp "$W/root/usr/bin/etcd" "$D/"
if command -v kubectl >/dev/null; then cp "$(readlink -f "$(command -v kubectl)")" "$D/kubectl"
else cp "$(dirname "$("$HERE/helm.sh")")/../kubectl/kubectl" "$D/kubectl"; fi
cd "$W" && rm -rf kubernetes-1.20.2 root/usr/lib/go-1.19 gocache
} >&2
have && echo "$D"
