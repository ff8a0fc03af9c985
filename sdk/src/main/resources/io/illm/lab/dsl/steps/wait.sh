# Waits until every Deployment of the experiment on each target is Available and every StatefulSet
# rolled out. TARGETS lists the targets; each has an input <target>-endpoint.
for target in $TARGETS; do
  endpoint=$(eval echo "\$$(echo "$target" | tr 'a-z-' 'A-Z_')_ENDPOINT")
  echo "waiting for the workloads of $target ($endpoint)"
  on "$target" "$endpoint" -n "$EXPERIMENT_NAME" wait --for=condition=Available deployment --all \
    --timeout="$TIMEOUT"
  for sts in $(on "$target" "$endpoint" -n "$EXPERIMENT_NAME" get statefulset -o name); do
    on "$target" "$endpoint" -n "$EXPERIMENT_NAME" rollout status "$sts" --timeout="$TIMEOUT"
  done
done
output ready-at "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
