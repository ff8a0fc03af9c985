package io.illm.lab.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.LabCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab hub} without a hub: where the binaries are not built it says how to build them;
 * status and down of a folder with no hub. The hub itself runs in kube-tests' {@code LocalHubTest}.
 */
class HubCommandTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path temp;

  @Test
  void withoutTheBinariesItSaysHowToBuildThem() throws Exception {
    String version = java.nio.file.Files.readString(ROOT.resolve("tools/kube/VERSION")).strip();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("ILLM_LAB_CACHE", temp.resolve("empty-cache").toString());
    StringWriter err = new StringWriter();
    Optional<Path> found = HubCommand.binaries(ROOT, env, new PrintWriter(err, true));
    assertEquals(Optional.empty(), found);
    assertEquals(
        "hub up: kube "
            + version
            + " is not built: run tools/build.sh kube (needs Go 1.26 or newer)",
        err.toString().strip());
  }

  @Test
  void statusOfAFolderWithNoHubSaysSoAndExits1() {
    StringWriter out = new StringWriter();
    int code = lab(out, new StringWriter(), "hub", "status", "--state", temp.toString());
    assertEquals(1, code);
    assertTrue(out.toString().contains("not up"), out.toString());
    assertTrue(out.toString().contains("./lab hub up"), out.toString());
  }

  @Test
  void downWithNothingRunningSaysSo() {
    StringWriter err = new StringWriter();
    int code = lab(new StringWriter(), err, "hub", "down", "--state", temp.resolve("h").toString());
    assertEquals(0, code);
    assertEquals("hub: nothing was running", err.toString().strip());
  }

  private static int lab(StringWriter out, StringWriter err, String... args) {
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }
}
