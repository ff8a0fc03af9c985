# Applies MANIFESTS in the experiment's namespace of the target, then waits for each of CONDITIONS
# (<kind>/<name>=<condition>, space-separated) up to TIMEOUT.
printf '%s\n' "$MANIFESTS" > /tmp/manifests.yaml
applied=$(on "$TARGET" "$ENDPOINT" -n "$EXPERIMENT_NAME" apply -f /tmp/manifests.yaml -o name)
echo "$applied"
for condition in $CONDITIONS; do
  echo "waiting for ${condition%%=*} to be ${condition#*=}"
  on "$TARGET" "$ENDPOINT" -n "$EXPERIMENT_NAME" wait --for="condition=${condition#*=}" \
    "${condition%%=*}" --timeout="$TIMEOUT"
done
output applied "$(echo "$applied" | tr '\n' ' ' | sed 's/ $//')"
