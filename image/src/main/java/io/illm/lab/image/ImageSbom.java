package io.illm.lab.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The image's CycloneDX SBOM: the Java libraries as cyclonedx-maven-plugin lists them (with their
 * hashes and licences), plus what the base adds (the Debian packages whose files the image holds,
 * the JDK the runtime was linked from) under one container component named by the image's digest.
 */
final class ImageSbom {

  private ImageSbom() {}

  static void write(
      ImageBuild.Spec spec,
      String digest,
      DebianFiles libs,
      List<DebianFiles.Package> jdk,
      List<OciLayout.WrittenLayer> layers,
      Path out)
      throws IOException {
    ObjectNode bom = (ObjectNode) OciLayout.JSON.readTree(spec.javaBom().toFile());
    if (!"CycloneDX".equals(bom.path("bomFormat").asText())) {
      throw new IllegalStateException(spec.javaBom() + " is not a CycloneDX BOM");
    }
    // the same image, the same serial number (a name-based UUID of its digest)
    bom.put(
        "serialNumber",
        "urn:uuid:" + UUID.nameUUIDFromBytes(digest.getBytes(StandardCharsets.UTF_8)));
    ObjectNode metadata = bom.withObject("/metadata");
    String moduleRef = metadata.path("component").path("bom-ref").asText();
    String ref = "pkg:oci/" + spec.name() + "@" + digest.replace(":", "%3A");
    ObjectNode image = OciLayout.JSON.createObjectNode();
    image.put("type", "container");
    image.put("bom-ref", ref);
    image.put("name", spec.name());
    image.put("version", spec.version());
    image.put(
        "description",
        "the operator's OCI image: a jlinked JDK on Debian libraries, then its jars");
    image.putArray("hashes").addObject().put("alg", "SHA-256").put("content", digest.substring(7));
    image.put("purl", ref);
    ArrayNode properties = image.putArray("properties");
    properties.addObject().put("name", "illm-lab:revision").put("value", spec.revision());
    for (int i = 0; i < layers.size(); i++) {
      properties
          .addObject()
          .put("name", "illm-lab:layer:" + i)
          .put("value", layers.get(i).blob().digest() + " " + layers.get(i).layer().name());
    }
    metadata.set("component", image);

    String distro = distro(libs);
    ArrayNode components = bom.withArray("/components");
    List<String> added = new ArrayList<>();
    ObjectNode os = components.addObject();
    os.put("type", "operating-system");
    os.put("bom-ref", "os:" + distro);
    os.put("name", "debian");
    os.put("version", distro.substring("debian-".length()));
    os.put(
        "description",
        "the release the base's files come from (only the packages below are in the image)");
    added.add("os:" + distro);
    List<DebianFiles.Package> packages = new ArrayList<>(libs.packages().values());
    for (DebianFiles.Package pkg : packages) {
      added.add(deb(components, pkg, distro, "files used by the JVM: " + files(libs, pkg)));
    }
    for (DebianFiles.Package pkg : jdk) {
      added.add(
          deb(
              components,
              pkg,
              distro,
              "the Java runtime at "
                  + ImageBuild.JAVA_HOME
                  + ": jlink of its jmods "
                  + String.join(",", spec.modules())));
    }

    boolean rooted = false;
    for (JsonNode dep : bom.withArray("/dependencies")) {
      if (dep.path("ref").asText().equals(moduleRef)) {
        ((ObjectNode) dep).put("ref", ref);
        ArrayNode on = ((ObjectNode) dep).withArray("dependsOn");
        added.forEach(on::add);
        rooted = true;
      }
    }
    if (!rooted) {
      ObjectNode dep = bom.withArray("/dependencies").addObject();
      dep.put("ref", ref);
      ArrayNode on = dep.putArray("dependsOn");
      added.forEach(on::add);
    }
    for (String r : added) {
      bom.withArray("/dependencies").addObject().put("ref", r).putArray("dependsOn");
    }
    Files.write(out, OciLayout.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bom));
  }

  private static String deb(
      ArrayNode components, DebianFiles.Package pkg, String distro, String description) {
    String purl = pkg.purl(distro);
    ObjectNode c = components.addObject();
    c.put("type", "library");
    c.put("bom-ref", purl);
    c.put("name", pkg.name());
    c.put("version", pkg.version());
    c.put("description", description);
    c.put("purl", purl);
    if (!pkg.source().equals(pkg.name())) {
      c.putArray("properties")
          .addObject()
          .put("name", "debian:source")
          .put("value", pkg.source() + " " + pkg.sourceVersion());
    }
    return purl;
  }

  private static String files(DebianFiles libs, DebianFiles.Package pkg) {
    List<String> files = new ArrayList<>();
    for (DebianFiles.Item item : libs.items()) {
      if (item.owner() != null && item.owner().name().equals(pkg.name())) {
        files.add(item.path());
      }
    }
    return String.join(" ", files);
  }

  /**
   * {@code debian-12} (the purl distro qualifier) from the os-release the base copies; the build
   * takes Debian's packages only (the release workflow builds in a Debian container).
   */
  static String distro(DebianFiles libs) throws IOException {
    for (DebianFiles.Item item : libs.items()) {
      if (item.path().equals("/usr/lib/os-release")) {
        String id = "";
        String version = "";
        for (String line : Files.readAllLines(item.source())) {
          if (line.startsWith("ID=")) {
            id = line.substring("ID=".length()).replace("\"", "");
          } else if (line.startsWith("VERSION_ID=")) {
            version = line.substring("VERSION_ID=".length()).replace("\"", "");
          }
        }
        if (!id.equals("debian") || version.isEmpty()) {
          throw new IllegalStateException(
              "the image's base is taken from Debian's packages; this machine is "
                  + id
                  + " "
                  + version
                  + " (build on Debian 12, e.g. in a debian:bookworm container)");
        }
        return id + "-" + version;
      }
    }
    throw new IllegalStateException("no /usr/lib/os-release on this machine: not a Debian release");
  }
}
