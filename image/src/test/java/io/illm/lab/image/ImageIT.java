package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built image, read back: what it runs, as whom, what its layers hold, what it says it is. */
class ImageIT {

  static BuiltImage image;

  @BeforeAll
  static void read() throws IOException {
    image = BuiltImage.ofBuild();
  }

  @Test
  void itRunsTheOperatorOnTheJlinkedJavaAsNonrootWithTheJvmOptionsInOnePlace() {
    JsonNode run = image.config.path("config");
    assertEquals("65532:65532", run.path("User").asText());
    JsonNode entrypoint = run.path("Entrypoint");
    assertEquals("/opt/java/bin/java", entrypoint.path(0).asText());
    assertEquals("-cp", entrypoint.path(1).asText());
    assertTrue(
        entrypoint.path(2).asText().startsWith("/app/lib/illm-lab-operator-"),
        entrypoint.path(2).asText());
    assertEquals("io.illm.lab.operator.main.OperatorMain", entrypoint.path(3).asText());
    assertTrue(run.path("Cmd").isMissingNode(), "no Cmd: arguments are not used");
    List<String> env = new ArrayList<>();
    run.path("Env").forEach(e -> env.add(e.asText()));
    assertTrue(env.stream().anyMatch(e -> e.startsWith("JDK_JAVA_OPTIONS=-XX:")), env.toString());
    assertTrue(env.stream().anyMatch(e -> e.contains("-XX:TieredStopAtLevel=1")), env.toString());
    assertTrue(env.contains("LANG=C.UTF-8"), env.toString());
    assertEquals("linux", image.config.path("os").asText());
    assertEquals("amd64", image.config.path("architecture").asText());
  }

  @Test
  void theLabelsNameTheCommitAndTheVersion() {
    JsonNode labels = image.config.path("config").path("Labels");
    assertTrue(
        labels.path("org.opencontainers.image.revision").asText().matches("[0-9a-f]{40}"),
        labels.toString());
    assertEquals("illm-lab-operator", labels.path("org.opencontainers.image.title").asText());
    assertEquals(labels, image.manifest.path("annotations"));
    assertEquals(image.digest, image.digestFileOrEmpty());
  }

  @Test
  void everyLayerIsWhatItsDigestsSayAndHoldsNoTimeOwnerOrModeOfTheBuildMachine()
      throws IOException {
    long created = java.time.Instant.parse(image.config.path("created").asText()).getEpochSecond();
    Set<String> seen = new HashSet<>();
    assertEquals(4, image.layers());
    for (int i = 0; i < image.layers(); i++) {
      JsonNode descriptor = image.manifest.path("layers").path(i);
      var blob = image.blob(descriptor.path("digest").asText());
      assertEquals(descriptor.path("digest").asText(), "sha256:" + OciLayout.sha256(blob));
      assertEquals(descriptor.path("size").asLong(), Files.size(blob));
      try (InputStream in = new GZIPInputStream(Files.newInputStream(blob))) {
        assertEquals(
            image.config.path("rootfs").path("diff_ids").path(i).asText(),
            OciLayout.sha256(in.readAllBytes()));
      }
      String previous = "";
      for (BuiltImage.Entry e : image.layer(i)) {
        TarArchiveEntry h = e.header();
        assertTrue(seen.add(e.path()) || h.isDirectory(), "one layer owns " + e.path());
        assertTrue(e.path().compareTo(previous) > 0, "sorted: " + e.path());
        previous = e.path();
        assertEquals(created, h.getModTime().toInstant().getEpochSecond(), e.path());
        assertEquals("", h.getUserName(), e.path());
        assertEquals(0, h.getMode() & 06000, "no setuid or setgid: " + e.path());
        boolean nonroot =
            e.path().equals("home/nonroot/") || e.path().equals("var/lib/illm-lab/results/");
        assertEquals(nonroot ? 65532 : 0, h.getLongUserId(), e.path());
        assertEquals(nonroot ? 65532 : 0, h.getLongGroupId(), e.path());
      }
    }
  }

  @Test
  void theBaseHasTheJvmsLibrariesFromDebianAUserAndNoShell() throws IOException {
    Map<String, BuiltImage.Entry> files = new HashMap<>();
    for (int i = 0; i < image.layers(); i++) {
      for (BuiltImage.Entry e : image.layer(i)) {
        files.put(e.path(), e);
      }
    }
    for (String needed :
        List.of(
            "lib64/ld-linux-x86-64.so.2",
            "lib/x86_64-linux-gnu/libc.so.6",
            "lib/x86_64-linux-gnu/libz.so.1",
            "usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "opt/java/bin/java",
            "opt/java/lib/server/libjvm.so",
            "etc/passwd",
            "etc/os-release",
            "var/lib/dpkg/status.d/libc6",
            "usr/share/doc/libc6/copyright")) {
      assertTrue(
          files.containsKey(needed) || files.containsKey(needed.replace("usr/lib/", "lib/")),
          needed);
    }
    for (String shell :
        List.of(
            "bin/sh",
            "bin/bash",
            "usr/bin/sh",
            "bin/busybox",
            "opt/java/bin/keytool",
            "opt/java/lib/libawt_xawt.so")) {
      assertFalse(files.containsKey(shell), shell + " is not in the image");
    }
    assertEquals(01777, files.get("tmp/").header().getMode() & 07777);
    assertTrue(new String(files.get("etc/passwd").content()).contains("nonroot:x:65532:65532:"));
  }

  @Test
  void theArchiveHoldsTheLayoutExactly() throws IOException {
    Map<String, byte[]> archived = new HashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(Files.newInputStream(image.archive()))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        if (e.isFile()) {
          archived.put(e.getName(), tar.readAllBytes());
        }
      }
    }
    List<String> expected = new ArrayList<>(List.of("oci-layout", "index.json"));
    try (var blobs = Files.list(image.dir.resolve("oci/blobs/sha256"))) {
      blobs.forEach(b -> expected.add("blobs/sha256/" + b.getFileName()));
    }
    assertEquals(new HashSet<>(expected), archived.keySet());
    for (String name : expected) {
      assertTrue(
          java.util.Arrays.equals(
              Files.readAllBytes(image.dir.resolve("oci").resolve(name)), archived.get(name)),
          name);
    }
  }
}
