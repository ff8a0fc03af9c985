#!/usr/bin/env bash
# Runs the operator image under podman the way its Deployment runs it: read-only root filesystem,
# every capability dropped, no new privileges, user nonroot (65532), a tmpfs at /tmp.
#
#   image/run-operator.sh [--kubeconfig FILE] [--env-file FILE] [-e NAME=VALUE]... [-- PODMAN-RUN-OPTIONS...]
#
# Builds nothing: loads image/target/image/illm-lab-operator.oci.tar (./mvnw -B package -pl image
# -am -DskipTests). With --kubeconfig the file is mounted at the operator's ~/.kube/config and the
# container uses the host's network, so an API server on loopback is reachable; without it the
# container has no network. Every -e and --env-file is passed on (docs/engine.md lists the
# variables: ILLM_PROMETHEUS_URL is required). The exit status is the operator's (2: its
# configuration is invalid). podman's settings for the lab's machines are image/podman/containers.conf.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
archive=$here/target/image/illm-lab-operator.oci.tar
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/podman/containers.conf}

args=(run --rm --read-only --cap-drop=ALL --security-opt=no-new-privileges --tmpfs=/tmp:rw,size=64m,mode=1777)
network=(--network=none)
while [ $# -gt 0 ]; do
  case $1 in
    --kubeconfig)
      [ -r "${2:-}" ] || { echo "run-operator.sh: --kubeconfig needs a readable file" >&2; exit 1; }
      network=(--network=host --volume="$(realpath "$2"):/home/nonroot/.kube/config:ro")
      shift 2 ;;
    --env-file) args+=(--env-file="$2"); shift 2 ;;
    -e) args+=(--env="$2"); shift 2 ;;
    --) shift; break ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-operator.sh: unknown option '$1' (see --help)" >&2; exit 1 ;;
  esac
done
command -v podman >/dev/null || { echo "run-operator.sh: podman is not installed (apt-get install podman runc)" >&2; exit 1; }
[ -r "$archive" ] || { echo "run-operator.sh: no $archive: run ./mvnw -B package -pl image -am -DskipTests" >&2; exit 1; }

image=$(podman load --quiet --input "$archive" | sed -n 's/^Loaded image[^:]*: //p' | tail -1)
exec podman "${args[@]}" "${network[@]}" "$@" "$image"
