# Log lines from a Job on the target: flog writes LINES_PER_SECOND JSON lines a second to its
# stdout for DURATION_SECONDS, for the node's log agent to collect.
lines=$((LINES_PER_SECOND * DURATION_SECONDS))
delay_us=$((1000000 / LINES_PER_SECOND))
cat > /tmp/job.yaml <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: lab-logs
spec:
  backoffLimit: 0
  template:
    metadata:
      labels: {app.kubernetes.io/name: lab-logs}
    spec:
      restartPolicy: Never
      containers:
        - name: flog
          image: $FLOG_IMAGE
          args: ["-f", "json", "-n", "$lines", "-d", "${delay_us}us"]
YAML
job "$TARGET" "$ENDPOINT" lab-logs "$((DURATION_SECONDS + 300))s" < /tmp/job.yaml
written=$(wc -l < /tmp/lab-logs.log | tr -d ' ')
output lines "$written"
output lines-per-second "$((written / DURATION_SECONDS))"
output duration-seconds "$DURATION_SECONDS"
