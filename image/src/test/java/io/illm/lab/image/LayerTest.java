package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerTest {

  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path tmp;

  @Test
  void theSameEntriesGiveTheSameBytesWhateverTheOrderAndTheFilesTimes() throws IOException {
    Path a = Files.writeString(tmp.resolve("a"), "alpha");
    Path b = Files.writeString(tmp.resolve("b"), "beta");
    Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2020-05-05T10:00:00Z")));
    byte[] first =
        tar(
            new Layer("x")
                .file("/opt/x/a", a, 0644)
                .file("/opt/y/b", b, 0755)
                .symlink("l", "opt/x/a"));
    Files.setLastModifiedTime(a, FileTime.from(Instant.now()));
    byte[] second =
        tar(
            new Layer("x")
                .symlink("l", "opt/x/a")
                .file("/opt/y/b", b, 0755)
                .file("/opt/x/a", a, 0644));
    assertArrayEquals(first, second);

    ByteArrayOutputStream gz1 = new ByteArrayOutputStream();
    ByteArrayOutputStream gz2 = new ByteArrayOutputStream();
    Layer.gzip(new ByteArrayInputStream(first), gz1);
    Layer.gzip(new ByteArrayInputStream(second), gz2);
    assertArrayEquals(gz1.toByteArray(), gz2.toByteArray());
  }

  @Test
  void everyEntryHasItsParentsTheGivenOwnerAndModeTheOneTimeAndNoNames() throws IOException {
    Layer layer =
        new Layer("x")
            .file("/etc/passwd", "root:x:0:0::/:\n".getBytes(StandardCharsets.UTF_8), 0644)
            .directory("/home/nonroot", 0755, 65532, 65532)
            .directory("/tmp", 01777, 0, 0)
            .symlink("/lib64/ld.so", "/lib/x86_64-linux-gnu/ld.so");
    List<TarArchiveEntry> entries = entries(tar(layer));
    List<String> names = new ArrayList<>();
    entries.forEach(e -> names.add(e.getName()));
    assertEquals(
        List.of("etc/", "etc/passwd", "home/", "home/nonroot/", "lib64/", "lib64/ld.so", "tmp/"),
        names);
    for (TarArchiveEntry e : entries) {
      assertEquals(T.getEpochSecond(), e.getModTime().toInstant().getEpochSecond(), e.getName());
      assertEquals("", e.getUserName(), e.getName());
      assertEquals("", e.getGroupName(), e.getName());
    }
    TarArchiveEntry home = entries.get(3);
    assertEquals(65532, home.getLongUserId());
    assertEquals(65532, home.getLongGroupId());
    assertEquals(0755, home.getMode() & 07777);
    assertEquals(0, entries.get(0).getLongUserId());
    assertEquals(01777, entries.get(6).getMode() & 07777);
    assertEquals("/lib/x86_64-linux-gnu/ld.so", entries.get(5).getLinkName());
  }

  @Test
  void pathsOutsideTheImageAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new Layer("x").file("../etc/x", new byte[0], 0644));
    assertThrows(
        IllegalArgumentException.class, () -> new Layer("x").file("a/../../b", new byte[0], 0644));
    assertThrows(IllegalArgumentException.class, () -> new Layer("x").directory("/", 0755, 0, 0));
  }

  static byte[] tar(Layer layer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    layer.writeTar(out, T);
    return out.toByteArray();
  }

  static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        entries.add(e);
      }
    }
    return entries;
  }
}
