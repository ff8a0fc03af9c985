# Metrics ingest from Jobs on the target: avalanche remote-writes METRICS x SERIES series, a sample
# each every INTERVAL_SECONDS, to each URL of SINKS at once, for DURATION_SECONDS.
requests=$((DURATION_SECONDS / INTERVAL_SECONDS))
i=0
for sink in $SINKS; do
  i=$((i + 1))
  cat > "/tmp/job-$i.yaml" <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: lab-ingest-$i
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: avalanche
          image: $AVALANCHE_IMAGE
          args:
            - --metric-count=$METRICS
            - --series-count=$SERIES
            - --remote-url=$sink
            - --remote-write-interval=${INTERVAL_SECONDS}s
            - --remote-requests-count=$requests
            - --value-interval=$INTERVAL_SECONDS
YAML
  job "$TARGET" "$ENDPOINT" "lab-ingest-$i" "$((DURATION_SECONDS + 300))s" < "/tmp/job-$i.yaml" &
done
wait
output series "$((METRICS * SERIES))"
output samples-per-second "$((METRICS * SERIES / INTERVAL_SECONDS))"
output sinks "$i"
output duration-seconds "$((requests * INTERVAL_SECONDS))"
