package io.illm.lab.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A private Maven local repository holding this build's artifacts, laid out as {@code ./mvnw
 * install} lays them out (the module's pom.xml as the artifact's pom, its jar beside it), so that a
 * project outside this repository can depend on them without anything going into the shared {@code
 * ~/.m2}. The jars are those the reactor has just packaged; a missing one fails the test.
 */
final class LocalRepository {

  /** The modules a project of one's own resolves: the cli brings the engine. */
  static final List<String> MODULES = List.of("sdk", "site", "operator", "hub", "cli");

  private LocalRepository() {}

  /** Installs the parent pom and the modules' jars from {@code root} into {@code repository}. */
  static Path install(Path root, Path repository, String version) throws IOException {
    Path group = repository.resolve("io/illm/lab");
    copy(
        root.resolve("pom.xml"),
        group.resolve("illm-lab/" + version + "/illm-lab-" + version + ".pom"));
    for (String module : MODULES) {
      String artifact = "illm-lab-" + module;
      Path jar = root.resolve(module).resolve("target").resolve(artifact + "-" + version + ".jar");
      if (!Files.isRegularFile(jar)) {
        throw new AssertionError(jar + " is missing: package the modules first (./mvnw package)");
      }
      Path folder = group.resolve(artifact).resolve(version);
      copy(jar, folder.resolve(artifact + "-" + version + ".jar"));
      copy(
          root.resolve(module).resolve("pom.xml"),
          folder.resolve(artifact + "-" + version + ".pom"));
    }
    return repository;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }
}
