# HTTP load with k6 from a Job at a constant arrival rate; the summary says what was applied.
# Without LOAD_TARGET the Job runs on TARGET against the Service's in-cluster name; with it, the Job
# runs on LOAD_TARGET against the external address that SERVICE (a Service's name, or <kind>/<name>)
# publishes on TARGET.
job_name="${JOB:-lab-k6}"
runs_on="$TARGET"
runs_endpoint="$ENDPOINT"
url="http://$SERVICE.$EXPERIMENT_NAME.svc:$PORT$URL_PATH"
if [ -n "${LOAD_TARGET:-}" ]; then
  case "$SERVICE" in */*) ref="$SERVICE" ;; *) ref="service/$SERVICE" ;; esac
  address=""
  tries=0
  while [ -z "$address" ]; do
    address=$(on "$TARGET" "$ENDPOINT" -n "$EXPERIMENT_NAME" get "$ref" -o \
      jsonpath='{.status.loadBalancer.ingress[0].ip}{.status.loadBalancer.ingress[0].hostname}{.status.addresses[0].value}' \
      2>/dev/null || true)
    if [ -z "$address" ]; then
      tries=$((tries + 1))
      if [ "$tries" -ge 60 ]; then
        echo "$ref on $TARGET has no external address after 10 minutes" >&2
        exit 1
      fi
      sleep 10
    fi
  done
  url="http://$address:$PORT$URL_PATH"
  runs_on="$LOAD_TARGET"
  runs_endpoint="$LOAD_ENDPOINT"
  # the load target may deploy nothing: make the namespace (no pipe: the two ends would both fetch
  # the kubeconfig at once)
  on "$runs_on" "$runs_endpoint" create namespace "$EXPERIMENT_NAME" --dry-run=client -o yaml \
    > /tmp/namespace.yaml
  on "$runs_on" "$runs_endpoint" apply -f /tmp/namespace.yaml >/dev/null
fi
echo "k6 on $runs_on: $RATE requests/s to $url for ${DURATION_SECONDS}s"
cat > /tmp/job.yaml <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: $job_name
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
            - {name: URL, value: "$url"}
            - {name: RATE, value: "$RATE"}
            - {name: DURATION, value: "${DURATION_SECONDS}s"}
            - {name: VUS, value: "$VUS"}
YAML
job "$runs_on" "$runs_endpoint" "$job_name" "$((DURATION_SECONDS + 300))s" < /tmp/job.yaml
summary=$(sed -n 's/^LAB-SUMMARY //p' "/tmp/$job_name.log")
output requests "$(echo "$summary" | jq -r '.metrics.http_reqs.count')"
output applied-rps "$(echo "$summary" | jq -r '.metrics.http_reqs.rate')"
output failed-ratio "$(echo "$summary" | jq -r '.metrics.http_req_failed.value')"
output duration-seconds "$DURATION_SECONDS"
