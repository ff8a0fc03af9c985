package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image runs under podman the way the Deployment runs it: read-only root, no capabilities, as
 * nonroot. Without its configuration the operator stops with the configuration error, exit 2.
 */
class ContainerIT {

  static Podman podman;
  static String image;

  @BeforeAll
  static void load() throws IOException {
    BuiltImage built = BuiltImage.ofBuild();
    podman = Podman.orSkip();
    image = podman.load(built.archive());
  }

  @AfterAll
  static void remove() throws IOException {
    if (image != null) {
      podman.remove(image);
    }
  }

  @Test
  void withoutThePrometheusUrlTheOperatorSaysSoAndExits2() throws IOException {
    Podman.Run run = podman.operator(image, Map.of(), null, 120);
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("ILLM_PROMETHEUS_URL: is required"), run.err());
    assertTrue(
        run.err().contains("Picked up JDK_JAVA_OPTIONS"),
        "the JVM options are logged: " + run.err());
  }

  @Test
  void aMalformedSettingIsReportedWithTheOthersAtOnce() throws IOException {
    Podman.Run run =
        podman.operator(
            image, Map.of("ILLM_PROMETHEUS_URL", "ftp://x", "ILLM_CONCURRENCY", "many"), null, 120);
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("\"ftp://x\" is not an http(s) URL"), run.err());
    assertTrue(run.err().contains("ILLM_CONCURRENCY"), run.err());
  }

  @Test
  void itRunsAsNonrootFromTheImagesUserDatabase() throws IOException {
    // the entrypoint replaced by the image's java, which prints its settings
    Podman.Run run =
        podman.run(
            List.of(
                "run",
                "--rm",
                "--read-only",
                "--cap-drop=ALL",
                "--network=none",
                "--entrypoint=/opt/java/bin/java",
                image,
                "-XshowSettings:properties",
                "-version"),
            120);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("user.name = nonroot"), run.err());
    assertTrue(run.err().contains("user.home = /home/nonroot"), run.err());
    assertTrue(run.err().contains("java.io.tmpdir = /tmp"), run.err());
  }

  @Test
  void thereIsNoShell() throws IOException {
    Podman.Run run =
        podman.run(
            List.of("run", "--rm", "--network=none", "--entrypoint=/bin/sh", image, "-c", "true"),
            60);
    assertNotEquals(0, run.exit(), "a shell ran: " + run.out());
  }
}
