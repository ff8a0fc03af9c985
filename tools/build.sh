#!/usr/bin/env bash
# Builds the Go programs the project runs in tests and CI from pinned Go modules, into a cache
# outside the repository: a real Kubernetes control plane (kube-apiserver, kube-controller-manager,
# kubectl and the etcd they pair with), cosign, actionlint and crane (a registry on loopback for
# the signing tests).
#
#   tools/build.sh [--print] kube|cosign|actionlint|crane|all...
#
# Each tool lands in $ILLM_LAB_CACHE/<tool>/<version>/ (default ~/.cache/illm-lab). The last line on
# stdout is that folder (one line per tool), so other scripts can capture it; progress goes to
# stderr. A folder that exists is complete: builds run in a temporary folder next to it that is
# renamed into place only at the end, so a killed build is never taken for a finished one and a
# cached tool costs one directory test. --print builds nothing: it prints the folder if it is
# complete, else a one-line hint on stderr and exits 1.
# See tools/README.md for versions, times and sizes.
set -euo pipefail

tools_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache_root=${ILLM_LAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/illm-lab}

# Versions. kube's is tools/kube/VERSION (the Java side reads it too); etcd is not listed here
# because the one Kubernetes pairs with is pinned in tools/etcd/go.mod and built with kube.
COSIGN_VERSION=v2.6.5
ACTIONLINT_VERSION=v1.7.12
CRANE_VERSION=v0.22.1

die() { echo "build.sh: $*" >&2; exit 1; }

version_of() {
  case $1 in
    kube) tr -d '[:space:]' <"$tools_dir/kube/VERSION" ;;
    cosign) echo "$COSIGN_VERSION" ;;
    actionlint) echo "$ACTIONLINT_VERSION" ;;
    crane) echo "$CRANE_VERSION" ;;
    *) die "unknown tool '$1' (kube, cosign, actionlint, crane or all)" ;;
  esac
}

binaries_of() {
  case $1 in
    kube) echo etcd kube-apiserver kube-controller-manager kubectl ;;
    *) echo "$1" ;;
  esac
}

# A folder only ever appears by the final rename, so existing with its binaries means complete.
complete() {
  local dir=$1 tool=$2 bin
  [ -d "$dir" ] || return 1
  for bin in $(binaries_of "$tool"); do
    [ -x "$dir/$bin" ] || return 1
  done
}

# The field after a module path in a go.mod (its required version), without running go.
required_version() {
  awk -v m="$1" '$1 == m && $2 ~ /^v/ { print $2; exit } $1 == "require" && $2 == m { print $3; exit }' "$2"
}

# Static, stripped, path-free binaries: the same bytes on every machine with the same Go.
export CGO_ENABLED=0
ldflags_base="-s -w"

# Runs go as a job this script can stop: killed with TERM, bash would exit and leave go running,
# writing into a temporary folder that was already removed.
child=
run_go() {
  go "$@" &
  child=$!
  wait "$child"
  child=
}

build_kube() {
  local out=$1 version major minor etcd_version pkg ldflags
  version=$(version_of kube)
  # VERSION, go.mod and the etcd module must agree; tools/pin-replaces.sh keeps go.mod in line.
  [ "$(required_version k8s.io/kubernetes "$tools_dir/kube/go.mod")" = "$version" ] ||
    die "tools/kube/VERSION says $version but tools/kube/go.mod requires another k8s.io/kubernetes; re-run tools/pin-replaces.sh"
  etcd_version=$(required_version go.etcd.io/etcd/client/v3 "$tools_dir/kube/go.mod")
  [ "$(required_version go.etcd.io/etcd/server/v3 "$tools_dir/etcd/go.mod")" = "$etcd_version" ] ||
    die "tools/etcd/go.mod does not build etcd $etcd_version, the version Kubernetes $version pairs with"

  # A plain `go build` leaves the version at v0.0.0-master; clients and /version should see the
  # real one, as in upstream's release builds.
  major=${version#v}; major=${major%%.*}
  minor=${version#v*.}; minor=${minor%%.*}
  ldflags=$ldflags_base
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=$version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
  done

  echo "build.sh: kube $version: kube-apiserver, kube-controller-manager, kubectl" >&2
  run_go -C "$tools_dir/kube" build -trimpath -ldflags "$ldflags" -o "$out/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kubectl
  echo "build.sh: kube $version: etcd $etcd_version" >&2
  run_go -C "$tools_dir/etcd" build -trimpath -ldflags "$ldflags_base" -o "$out/etcd" go.etcd.io/etcd/server/v3
  printf 'kubernetes %s\netcd %s\n' "$version" "$etcd_version" >"$out/VERSIONS"
}

# cosign, actionlint and crane have no replace lines in their go.mod, so `go install pkg@version` builds
# exactly their own pinned dependency set, checked against the checksum database.
build_installed() {
  local out=$1 pkg=$2
  echo "build.sh: $pkg" >&2
  GOBIN=$out run_go install -trimpath -ldflags "$ldflags_base" "$pkg"
}

build() {
  local tool=$1 version dir tmp
  version=$(version_of "$tool")
  dir=$cache_root/$tool/$version
  if complete "$dir" "$tool"; then
    echo "$dir"
    return
  fi
  command -v go >/dev/null 2>&1 ||
    die "Go 1.26 or newer is needed to build $tool $version: install Go, then run tools/build.sh $tool"

  mkdir -p "$cache_root/$tool"
  # Leftovers of builds killed more than a day ago (a running build's folder is younger).
  find "$cache_root/$tool" -maxdepth 1 -name '.tmp.*' -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
  tmp=$(mktemp -d "$cache_root/$tool/.tmp.$version.XXXXXX")
  # shellcheck disable=SC2064 # expand $tmp now: it is a local that is gone when the trap runs
  trap "rm -rf '$tmp'" EXIT
  trap '[ -z "$child" ] || kill "$child" 2>/dev/null; exit 130' INT TERM

  local start=$SECONDS
  case $tool in
    kube) build_kube "$tmp" ;;
    cosign) build_installed "$tmp" "github.com/sigstore/cosign/v2/cmd/cosign@$version" ;;
    actionlint) build_installed "$tmp" "github.com/rhysd/actionlint/cmd/actionlint@$version" ;;
    crane) build_installed "$tmp" "github.com/google/go-containerregistry/cmd/crane@$version" ;;
  esac
  go version >"$tmp/GO-VERSION"
  chmod 755 "$tmp"

  # rename(2) is atomic; it fails if another build finished first, and then that one is used.
  if ! mv -T "$tmp" "$dir" 2>/dev/null; then
    complete "$dir" "$tool" || die "could not move the build of $tool into $dir"
    rm -rf "$tmp"
  fi
  trap - EXIT INT TERM
  echo "build.sh: $tool $version built in $((SECONDS - start)) s" >&2
  echo "$dir"
}

print_only=false
tools=()
for arg in "$@"; do
  case $arg in
    --print) print_only=true ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    all) tools+=(kube cosign actionlint crane) ;;
    -*) die "unknown option '$arg'" ;;
    *) version_of "$arg" >/dev/null; tools+=("$arg") ;;
  esac
done
[ "${#tools[@]}" -gt 0 ] || die "usage: tools/build.sh [--print] kube|cosign|actionlint|crane|all..."

for tool in "${tools[@]}"; do
  if $print_only; then
    dir=$cache_root/$tool/$(version_of "$tool")
    if complete "$dir" "$tool"; then
      echo "$dir"
    else
      echo "$tool $(version_of "$tool") is not built: run tools/build.sh $tool (needs Go 1.26 or newer)" >&2
      exit 1
    fi
  else
    build "$tool"
  fi
done
