#!/usr/bin/env bash
# The metrics collection benchmark: builds what it needs with the Maven wrapper, then runs CollectBenchmark
# against a real Prometheus (Debian's /usr/bin/prometheus; apt-get install -y prometheus).
# Arguments go to CollectBenchmark: [--runs R] [--warmup W] [--workers N] (default: 7 runs, 2 warm-ups, 8 workers).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.illm.lab.bench.collect.CollectBenchmark "$@"
