#!/usr/bin/env bash
# The operator benchmark: builds what it needs with the Maven wrapper, then runs OperatorBenchmark, which
# starts one JVM per run (-Xmx256m unless --xmx says otherwise).
# Arguments go to OperatorBenchmark: [--runs R] [--concurrency C,C,...] [--xmx SIZE] [--timeout S] [--real] [N ...]
# (default: 1 run, concurrency 16, a 600 s limit per run, N = 100 1000).
# --real also runs every row on a real API server (etcd, kube-apiserver, kube-controller-manager built by
# tools/build.sh kube; not built: the one line that says how, and exit 1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
args=()
for arg in "$@"; do
  if [ "$arg" = "--real" ]; then
    bin="$(tools/build.sh --print kube)" || exit 1
    args+=(--real "$(printf '%s\n' "$bin" | tail -1)")
  else
    args+=("$arg")
  fi
done
./mvnw -q -B -pl benchmarks -am package -DskipTests
exec java -Xmx64m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.illm.lab.bench.operator.OperatorBenchmark "${args[@]}"
