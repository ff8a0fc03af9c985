package io.illm.lab.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The image the build made (target/image), read back as a registry or a runtime would. */
final class BuiltImage {

  final Path dir;
  final String name;
  final JsonNode index;
  final JsonNode manifest;
  final JsonNode config;
  final String digest;

  private BuiltImage(Path dir, String name) throws IOException {
    this.dir = dir;
    this.name = name;
    this.index = OciLayout.JSON.readTree(dir.resolve("oci/index.json").toFile());
    this.digest = index.path("manifests").path(0).path("digest").asText();
    this.manifest = OciLayout.JSON.readTree(blob(digest).toFile());
    this.config =
        OciLayout.JSON.readTree(blob(manifest.path("config").path("digest").asText()).toFile());
  }

  /** The build's image; the test is skipped with one line when it was not built. */
  static BuiltImage ofBuild() throws IOException {
    String dir = System.getProperty("image.dir");
    assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir, "oci")),
        "skipped: no image built (run ./mvnw verify -pl image -am)");
    return new BuiltImage(Path.of(dir), System.getProperty("image.name", "illm-lab-operator"));
  }

  static BuiltImage at(Path dir, String name) throws IOException {
    return new BuiltImage(dir, name);
  }

  Path blob(String digest) {
    return dir.resolve("oci/blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  Path archive() {
    return dir.resolve(name + ".oci.tar");
  }

  Path sbom() {
    return dir.resolve(name + ".cdx.json");
  }

  Path provenance() {
    return dir.resolve(name + ".provenance.json");
  }

  String digestFileOrEmpty() {
    try {
      return Files.readString(dir.resolve(name + ".digest")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** One entry of a layer, with the bytes of a file. */
  record Entry(TarArchiveEntry header, byte[] content) {
    String path() {
      return header.getName();
    }
  }

  /** The entries of layer {@code i}, in order. */
  List<Entry> layer(int i) throws IOException {
    String digest = manifest.path("layers").path(i).path("digest").asText();
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(blob(digest)));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        entries.add(new Entry(e, e.isFile() ? tar.readAllBytes() : new byte[0]));
      }
    }
    return entries;
  }

  int layers() {
    return manifest.path("layers").size();
  }
}
