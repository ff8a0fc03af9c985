package io.illm.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synth rows' class path is ./lab synth's: the authoring class path, the jar apart. */
class LabClasspathTest {

  @Test
  void readsTheDependenciesTheLauncherReadsAndKeepsTheJarApart(@TempDir Path repo)
      throws IOException {
    Path target = Files.createDirectories(repo.resolve("dsl-examples/target"));
    Path jar = Files.createFile(target.resolve("illm-lab-dsl-examples-0.1.0-SNAPSHOT.jar"));
    Files.createFile(target.resolve("illm-lab-dsl-examples-0.1.0-SNAPSHOT-tests.txt"));
    Files.writeString(target.resolve("classpath.txt"), "/m2/sdk.jar:/m2/cli.jar:/m2/hub.jar\n");
    Files.writeString(target.resolve("authoring-classpath.txt"), "/m2/sdk.jar:/m2/cli.jar\n");

    LabClasspath lab = LabClasspath.of(repo);

    assertEquals(jar, lab.jar());
    assertEquals(List.of("/m2/sdk.jar", "/m2/cli.jar"), lab.dependencies());
  }
}
