# The lab's step library (io.illm.lab.dsl.LabSteps): sourced by every step script it makes.
# A step runs on the hub, in Argo's namespace; it reaches a target through the target's API server,
# with the kubeconfig Crossplane wrote for the target's cluster claim (hub targets: in-cluster).
set -eu
mkdir -p /tmp/outputs /tmp/kube

# kube TARGET ENDPOINT: prints the kubeconfig file for TARGET ("" for the hub itself).
kube() {
  if [ "$2" = "https://kubernetes.default.svc" ]; then
    echo ""
    return
  fi
  file="/tmp/kube/$1"
  if [ ! -s "$file" ]; then
    secret=$(kubectl get clusterclaims.illm.io -n experiments \
      -l "experiments.illm.io/experiment=$EXPERIMENT_NAME,experiments.illm.io/target=$1" \
      -o jsonpath='{.items[0].spec.writeConnectionSecretToRef.name}')
    kubectl get secret -n experiments "$secret" -o jsonpath='{.data.kubeconfig}' | base64 -d > "$file"
  fi
  echo "$file"
}

# on TARGET ENDPOINT kubectl-args...: kubectl against the target's cluster.
on() {
  config=$(kube "$1" "$2")
  shift 2
  if [ -z "$config" ]; then kubectl "$@"; else kubectl --kubeconfig "$config" "$@"; fi
}

# output NAME VALUE: one output parameter of the step.
output() {
  printf '%s' "$2" > "/tmp/outputs/$1"
  echo "output $1=$2"
}

# job TARGET ENDPOINT NAME TIMEOUT: applies the Job manifest on stdin in the experiment's namespace
# of the target, waits for it to complete, prints its log and deletes it.
job() {
  on "$1" "$2" -n "$EXPERIMENT_NAME" delete job "$3" --ignore-not-found --wait=true >/dev/null
  on "$1" "$2" -n "$EXPERIMENT_NAME" apply -f -
  if ! on "$1" "$2" -n "$EXPERIMENT_NAME" wait --for=condition=complete "job/$3" --timeout="$4"; then
    on "$1" "$2" -n "$EXPERIMENT_NAME" logs "job/$3" --tail=50 || true
    echo "job $3 on $1 did not complete in $4" >&2
    exit 1
  fi
  on "$1" "$2" -n "$EXPERIMENT_NAME" logs "job/$3" > "/tmp/$3.log"
  on "$1" "$2" -n "$EXPERIMENT_NAME" delete job "$3" --wait=false >/dev/null
}
