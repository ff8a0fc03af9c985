#!/usr/bin/env bash
# The site benchmark: builds what it needs with the Maven wrapper, then runs SiteBenchmark.
# Arguments go to SiteBenchmark: [--runs R] [--warmup W] [--out DIR] [N] (default: 7 runs, 1 warm-up, N = 500).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.illm.lab.bench.SiteBenchmark "$@"
