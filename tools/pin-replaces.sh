#!/usr/bin/env bash
# Pins the modules that an upstream module replaces with its own local folders.
#
# k8s.io/kubernetes and go.etcd.io/etcd/server/v3 build against sibling modules of the same
# repository through `replace X => ./staging/...` (or `../api`) lines. Those replaces are ignored
# when the module is a dependency, so its requirements on X (k8s.io/api v0.0.0 and the like) cannot
# be resolved. This script reads the upstream go.mod and writes one `replace X => X <pin>` line per
# local replace into the go.mod of the current folder, then tidies. Re-run it after changing a
# version; never edit those lines by hand.
#
# usage: pin-replaces.sh MODULE VERSION PIN
#   e.g. pin-replaces.sh k8s.io/kubernetes v1.37.2 v0.37.2
#        pin-replaces.sh go.etcd.io/etcd/server/v3 v3.7.0 v3.7.0
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: $0 MODULE VERSION PIN" >&2
  exit 2
fi
module=$1 version=$2 pin=$3

# The upstream go.mod, as the module proxy serves it (checked against go.sum's database).
upstream_mod=$(go mod download -json "$module@$version" | jq -r '.GoMod')

# Local replaces are the ones whose target has no version (a folder path).
mapfile -t locals < <(go mod edit -json "$upstream_mod" |
  jq -r '.Replace // [] | .[] | select(.New.Version == null) | .Old.Path' | sort)
if [ "${#locals[@]}" -eq 0 ]; then
  echo "$module@$version has no local replaces" >&2
  exit 1
fi

args=(-require="$module@$version")
# Drop any earlier pins first, so a module that upstream stopped replacing does not linger.
while read -r old; do
  args+=(-dropreplace="$old")
done < <(go mod edit -json | jq -r '.Replace // [] | .[] | .Old.Path')
for m in "${locals[@]}"; do
  args+=(-replace="$m=$m@$pin")
done
go mod edit "${args[@]}"
echo "pinned ${#locals[@]} modules of $module@$version to $pin" >&2
go mod tidy
