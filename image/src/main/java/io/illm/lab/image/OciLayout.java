package io.illm.lab.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An OCI image layout (image-spec v1.1: {@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/}) holding one image, and its archive. Every document is compact JSON with its keys
 * in a fixed order, so the same layers and settings give the same digests.
 */
final class OciLayout {

  static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String INDEX = "application/vnd.oci.image.index.v1+json";
  static final String CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  static final ObjectMapper JSON = new ObjectMapper();

  /** A blob of the layout: its media type, digest ({@code sha256:...}) and size. */
  record Blob(String mediaType, String digest, long size) {
    ObjectNode descriptor() {
      ObjectNode d = JSON.createObjectNode();
      d.put("mediaType", mediaType);
      d.put("digest", digest);
      d.put("size", size);
      return d;
    }

    String hex() {
      return digest.substring("sha256:".length());
    }
  }

  /** A layer as written: its compressed blob and the digest of its uncompressed tar. */
  record WrittenLayer(Layer layer, Blob blob, String diffId) {}

  /** What the image runs and how it is labelled. */
  record Settings(
      Instant created,
      String user,
      List<String> env,
      List<String> entrypoint,
      String workingDir,
      Map<String, String> labels,
      String refName) {}

  private final Path dir;
  private final Path blobs;

  OciLayout(Path dir) throws IOException {
    this.dir = dir;
    this.blobs = dir.resolve("blobs").resolve("sha256");
    Files.createDirectories(blobs);
  }

  Path dir() {
    return dir;
  }

  Path blob(Blob blob) {
    return blobs.resolve(blob.hex());
  }

  /** Writes the layer's tar, gzips it into a blob. */
  WrittenLayer add(Layer layer, Instant time) throws IOException {
    Path tar = Files.createTempFile(dir, "layer", ".tar");
    try {
      String diffId;
      try (DigestOutputStream out = digesting(Files.newOutputStream(tar))) {
        layer.writeTar(out, time);
        out.flush();
        diffId = "sha256:" + HexFormat.of().formatHex(out.getMessageDigest().digest());
      }
      Path gz = Files.createTempFile(dir, "layer", ".tar.gz");
      String digest;
      try (InputStream in = Files.newInputStream(tar);
          DigestOutputStream out = digesting(Files.newOutputStream(gz))) {
        Layer.gzip(in, out);
        digest = "sha256:" + HexFormat.of().formatHex(out.getMessageDigest().digest());
      }
      Blob blob = new Blob(LAYER, digest, Files.size(gz));
      Files.move(gz, blob(blob), StandardCopyOption.REPLACE_EXISTING);
      return new WrittenLayer(layer, blob, diffId);
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  /** A blob with {@code bytes}. */
  Blob add(String mediaType, byte[] bytes) throws IOException {
    Blob blob = new Blob(mediaType, sha256(bytes), bytes.length);
    Files.write(blob(blob), bytes);
    return blob;
  }

  /**
   * The image config, its manifest and the index that names it; returns the manifest, whose digest
   * is the image's.
   */
  Blob image(List<WrittenLayer> layers, Settings settings) throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("created", settings.created().toString());
    config.put("architecture", "amd64");
    config.put("os", "linux");
    ObjectNode run = config.putObject("config");
    run.put("User", settings.user());
    ArrayNode env = run.putArray("Env");
    settings.env().forEach(env::add);
    ArrayNode entrypoint = run.putArray("Entrypoint");
    settings.entrypoint().forEach(entrypoint::add);
    run.put("WorkingDir", settings.workingDir());
    ObjectNode labels = run.putObject("Labels");
    settings.labels().forEach(labels::put);
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    layers.forEach(l -> diffIds.add(l.diffId()));
    ArrayNode history = config.putArray("history");
    for (WrittenLayer l : layers) {
      history
          .addObject()
          .put("created", settings.created().toString())
          .put("comment", l.layer().name());
    }
    Blob configBlob = add(CONFIG, JSON.writeValueAsBytes(config));

    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST);
    manifest.set("config", configBlob.descriptor());
    ArrayNode layerArray = manifest.putArray("layers");
    layers.forEach(l -> layerArray.add(l.blob().descriptor()));
    ObjectNode annotations = manifest.putObject("annotations");
    settings.labels().forEach(annotations::put);
    Blob manifestBlob = add(MANIFEST, JSON.writeValueAsBytes(manifest));

    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", INDEX);
    ObjectNode entry = manifestBlob.descriptor();
    entry.putObject("annotations").put("org.opencontainers.image.ref.name", settings.refName());
    index.putArray("manifests").add(entry);
    Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    return manifestBlob;
  }

  /**
   * The layout as one tar (an {@code oci-archive}: what {@code podman load}, {@code skopeo copy
   * oci-archive:} and {@code crane push} read), written as deterministically as the layers.
   */
  void archive(Path tar, Instant time) throws IOException {
    Layer archive = new Layer("oci-archive");
    archive.file("oci-layout", dir.resolve("oci-layout"), 0644);
    archive.file("index.json", dir.resolve("index.json"), 0644);
    try (var files = Files.list(blobs)) {
      for (Path blob : files.sorted().toList()) {
        archive.file("blobs/sha256/" + blob.getFileName(), blob, 0644);
      }
    }
    try (OutputStream out = Files.newOutputStream(tar)) {
      archive.writeTar(out, time);
    }
  }

  static String sha256(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(sha256Digest().digest(bytes));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md = sha256Digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static DigestOutputStream digesting(OutputStream out) {
    return new DigestOutputStream(out, sha256Digest());
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
