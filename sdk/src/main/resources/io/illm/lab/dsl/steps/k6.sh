# HTTP load with k6 from a Job on the target, at a constant arrival rate, against a Service of the
# experiment; the summary says what was applied.
cat > /tmp/job.yaml <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: lab-k6
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: k6
          image: $K6_IMAGE
          command: ["sh", "-c"]
          args:
            - |
              cat > /tmp/load.js <<'JS'
              import http from 'k6/http';
              export const options = {
                scenarios: { load: { executor: 'constant-arrival-rate', rate: __ENV.RATE,
                  timeUnit: '1s', duration: __ENV.DURATION, preAllocatedVUs: __ENV.VUS } },
              };
              export default function () { http.get(__ENV.URL); }
              JS
              k6 run --quiet --summary-export /tmp/summary.json /tmp/load.js >&2
              echo "LAB-SUMMARY \$(tr -d '\n' < /tmp/summary.json)"
          env:
            - {name: URL, value: "http://$SERVICE.$EXPERIMENT_NAME.svc:$PORT$URL_PATH"}
            - {name: RATE, value: "$RATE"}
            - {name: DURATION, value: "${DURATION_SECONDS}s"}
            - {name: VUS, value: "$VUS"}
YAML
job "$TARGET" "$ENDPOINT" lab-k6 "$((DURATION_SECONDS + 300))s" < /tmp/job.yaml
summary=$(sed -n 's/^LAB-SUMMARY //p' /tmp/lab-k6.log)
output requests "$(echo "$summary" | jq -r '.metrics.http_reqs.count')"
output applied-rps "$(echo "$summary" | jq -r '.metrics.http_reqs.rate')"
output failed-ratio "$(echo "$summary" | jq -r '.metrics.http_req_failed.value')"
output duration-seconds "$DURATION_SECONDS"
