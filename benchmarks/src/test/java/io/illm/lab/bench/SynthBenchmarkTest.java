package io.illm.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthBenchmarkTest {

  @Test
  void readsTheLaunchersDefaultJvmOptions(@TempDir Path dir) throws Exception {
    Path lab =
        Files.writeString(
            dir.resolve("lab"),
            "#!/usr/bin/env bash\n"
                + "exec java ${LAB_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto} \\\n"
                + "  -cp \"$target/classes\" io.illm.lab.cli.LabCommand \"$@\"\n");

    assertEquals(
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"),
        SynthBenchmark.launcherOptions(lab));
  }

  @Test
  void aLauncherWithoutDefaultOptionsGivesNone(@TempDir Path dir) throws Exception {
    Path lab = Files.writeString(dir.resolve("lab"), "exec java -cp x Main \"$@\"\n");

    assertEquals(List.of(), SynthBenchmark.launcherOptions(lab));
  }
}
