#!/usr/bin/env bash
# The synthesis benchmark: builds what it needs with the Maven wrapper, then runs SynthBenchmark.
# Arguments go to SynthBenchmark: [--runs R] [--warmup W] [--out DIR] [--catalogue-only] [N ...]
# (default: 5 runs, 2 warm-ups, N = 15 1000 10000, then this repository's catalogue).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# dsl-examples too: the catalogue rows run its jar (the catalogue found by annotation) and every
# synth row its class path, as ./lab does (LabClasspath).
./mvnw -q -B -pl benchmarks,dsl-examples -am package -DskipTests
# That build rewrites the sdk jar, and ./lab then silently ignores the class-data-sharing archive it
# made from the old jar (it remakes the archive only when it rebuilds itself). Removing the archive
# makes ./lab remake it in its first, untimed, warm-up run, so the ./lab row measures ./lab as built.
rm -f dsl-examples/target/lab.jsa
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.illm.lab.bench.SynthBenchmark "$@"
