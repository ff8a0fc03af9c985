# Writes to naive-db-style databases with k6 from a Job on the target: WRITERS closed-loop clients
# per Service of SERVICES, all at once for DURATION_SECONDS, each sending its next operation when
# the last is answered. An operation is a point read (READ_PERCENT), a batch write of BATCH_SIZE
# rows (BATCH_PERCENT) or a single write. The outputs are what the databases' own counters say they
# served; k6 runs without its summary (its trends keep every sample in memory).

# count SERVICE OP: the database's naivedb_operations_total{op=OP} (0 before its first OP).
count() {
  on "$TARGET" "$ENDPOINT" get --raw \
    "/api/v1/namespaces/$EXPERIMENT_NAME/services/$1:$PORT/proxy/metrics" |
    awk -v name="naivedb_operations_total{op=\"$2\"}" '$1 == name { n = $2 } END { printf "%d", n + 0 }'
}

for service in $SERVICES; do
  for op in write read batch_write; do
    count "$service" "$op" > "/tmp/before-$service-$op"
  done
done

cat > /tmp/job.yaml <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: lab-dbwrite
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
              const scenarios = {};
              for (const service of __ENV.SERVICES.split(' ')) {
                scenarios[service] = { executor: 'constant-vus', vus: Number(__ENV.WRITERS),
                  duration: __ENV.DURATION, exec: 'operate',
                  env: { BASE: 'http://' + service + '.' + __ENV.NAMESPACE + '.svc:' + __ENV.PORT } };
              }
              export const options = { scenarios: scenarios, discardResponseBodies: true };
              const reads = Number(__ENV.READ_PERCENT);
              const batches = Number(__ENV.BATCH_PERCENT);
              const size = Number(__ENV.BATCH_SIZE);
              const json = { 'Content-Type': 'application/json' };
              let rows = 0;
              export function operate() {
                const roll = Math.random() * 100;
                if (roll < reads && rows > 0) {
                  const row = Math.floor(Math.random() * rows);
                  http.get(__ENV.BASE + '/read/' + row, { tags: { name: 'read' } });
                } else if (roll >= reads && roll < reads + batches) {
                  const values = [];
                  for (let i = 0; i < size; i++) { values.push((rows + i) % 1000000000); }
                  const r = http.post(__ENV.BASE + '/batch-write', JSON.stringify({ values: values }),
                    { headers: json, tags: { name: 'batch-write' } });
                  if (r.status === 200) { rows += size; }
                } else {
                  const r = http.post(__ENV.BASE + '/write', JSON.stringify({ value: rows % 1000000000 }),
                    { headers: json, tags: { name: 'write' } });
                  if (r.status === 200) { rows += 1; }
                }
              }
              JS
              k6 run --quiet --no-summary --no-thresholds /tmp/load.js >&2
          env:
            - {name: SERVICES, value: "$SERVICES"}
            - {name: NAMESPACE, value: "$EXPERIMENT_NAME"}
            - {name: PORT, value: "$PORT"}
            - {name: WRITERS, value: "$WRITERS"}
            - {name: READ_PERCENT, value: "$READ_PERCENT"}
            - {name: BATCH_PERCENT, value: "$BATCH_PERCENT"}
            - {name: BATCH_SIZE, value: "$BATCH_SIZE"}
            - {name: DURATION, value: "${DURATION_SECONDS}s"}
          resources:
            requests: {cpu: 500m, memory: 128Mi}
YAML
job "$TARGET" "$ENDPOINT" lab-dbwrite "$((DURATION_SECONDS + 300))s" < /tmp/job.yaml

writes=0
reads=0
batches=0
slowest=""
for service in $SERVICES; do
  w=$(($(count "$service" write) - $(cat "/tmp/before-$service-write")))
  r=$(($(count "$service" read) - $(cat "/tmp/before-$service-read")))
  b=$(($(count "$service" batch_write) - $(cat "/tmp/before-$service-batch_write")))
  echo "$service: $w writes, $r reads, $b batch writes in ${DURATION_SECONDS}s"
  if [ "$w" -le 0 ]; then
    echo "$service served no write (its counter went from $(cat "/tmp/before-$service-write") to" \
      "$(count "$service" write)): down, restarted or unreachable" >&2
    exit 1
  fi
  if [ -z "$slowest" ] || [ "$w" -lt "$slowest_writes" ]; then
    slowest="$service"
    slowest_writes="$w"
  fi
  writes=$((writes + w))
  reads=$((reads + r))
  batches=$((batches + b))
done
per_second() { awk -v n="$1" -v s="$DURATION_SECONDS" 'BEGIN { printf "%.1f", n / s }'; }
output writes "$writes"
output reads "$reads"
output batch-writes "$batches"
output writes-per-second "$(per_second "$writes")"
output slowest "$slowest:$(per_second "$slowest_writes")"
output writers "$WRITERS"
output duration-seconds "$DURATION_SECONDS"
