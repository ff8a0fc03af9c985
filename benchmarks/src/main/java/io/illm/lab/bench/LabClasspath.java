package io.illm.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The class path {@code ./lab synth} runs on: dsl-examples' jar and its authoring class path, from
 * the {@code authoring-classpath.txt} its build writes and the launcher reads (ADR-043). The synth
 * rows run on it rather than on the benchmark module's own dependencies, which also carry what the
 * operator benchmark needs (the hub, the operator's runtime, the S3 client): every jar on a class
 * path is opened at the JVM's first ServiceLoader scan, so a benchmark-only class path would time
 * jars no user's synth has.
 *
 * @param jar dsl-examples' jar: its catalogue, found by annotation
 * @param dependencies the authoring class path, in the launcher's order, without the jar
 */
record LabClasspath(Path jar, List<String> dependencies) {

  /** This repository's, or why there is none (dsl-examples not packaged). */
  static LabClasspath of(Path repoRoot) throws IOException {
    Path target = repoRoot.resolve("dsl-examples/target");
    Path classpathFile = target.resolve("authoring-classpath.txt");
    Optional<Path> jar = Optional.empty();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        jar =
            files
                .filter(f -> f.getFileName().toString().matches("illm-lab-dsl-examples-.*\\.jar"))
                .findFirst();
      }
    }
    if (jar.isEmpty() || !Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(
          "dsl-examples is not packaged (no jar or authoring-classpath.txt in "
              + target
              + "): build it with ./mvnw -q -B -pl benchmarks,dsl-examples -am package"
              + " -DskipTests (benchmarks/synth.sh does)");
    }
    String text = Files.readString(classpathFile).trim();
    return new LabClasspath(jar.get(), List.of(text.split(java.io.File.pathSeparator)));
  }
}
