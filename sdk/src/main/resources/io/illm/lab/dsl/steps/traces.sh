# Traces from Jobs on the target: telemetrygen sends TRACES_PER_SECOND traces a second, each a root
# span and CHILD_SPANS children, over OTLP/gRPC to each host:port of ENDPOINTS at once, for
# DURATION_SECONDS.
i=0
pids=""
for endpoint in $ENDPOINTS; do
  i=$((i + 1))
  cat > "/tmp/job-$i.yaml" <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: lab-traces-$i
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: telemetrygen
          image: $TELEMETRYGEN_IMAGE
          args:
            - traces
            - --otlp-endpoint=$endpoint
            - --otlp-insecure
            - --rate=$TRACES_PER_SECOND
            - --child-spans=$CHILD_SPANS
            - --duration=${DURATION_SECONDS}s
            - --workers=1
            - --service=lab-traces
YAML
  job "$TARGET" "$ENDPOINT" "lab-traces-$i" "$((DURATION_SECONDS + 300))s" < "/tmp/job-$i.yaml" &
  pids="$pids $!"
done
# each generator's failure fails the step
for pid in $pids; do wait "$pid"; done
# telemetrygen logs 'traces generated {"worker": 0, "traces": N}' when a worker ends
sent=$(cat /tmp/lab-traces-1.log | sed -n 's/.*"traces": *\([0-9][0-9]*\).*/\1/p' | tail -1)
output traces "${sent:-unknown}"
output spans-per-second "$((TRACES_PER_SECOND * (1 + CHILD_SPANS)))"
output endpoints "$i"
output duration-seconds "$DURATION_SECONDS"
