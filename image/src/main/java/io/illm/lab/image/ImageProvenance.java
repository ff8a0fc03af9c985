package io.illm.lab.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The image's provenance: an in-toto Statement (v1) with a SLSA Provenance v1 predicate naming the
 * image by digest, the source commit, the build command and every input with its digest (the jars
 * from the Maven repository, the JDK's jmods, the Debian files). It carries no time and no machine
 * path, so the same commit built the same way gives the same statement.
 */
final class ImageProvenance {

  static final String STATEMENT = "https://in-toto.io/Statement/v1";
  static final String SLSA = "https://slsa.dev/provenance/v1";
  static final String BUILD_TYPE = "https://illm.io/lab/image-build/v1";

  private ImageProvenance() {}

  static void write(
      ImageBuild.Spec spec,
      String digest,
      Path jmods,
      List<DebianFiles.Package> jdk,
      DebianFiles libs,
      List<Path> jars,
      Path out)
      throws IOException {
    ObjectNode statement = OciLayout.JSON.createObjectNode();
    statement.put("_type", STATEMENT);
    ObjectNode subject = statement.putArray("subject").addObject();
    subject.put("name", spec.name());
    subject.putObject("digest").put("sha256", digest.substring("sha256:".length()));
    statement.put("predicateType", SLSA);
    ObjectNode predicate = statement.putObject("predicate");
    ObjectNode definition = predicate.putObject("buildDefinition");
    definition.put("buildType", BUILD_TYPE);
    ObjectNode external = definition.putObject("externalParameters");
    external.put("source", spec.source());
    external.put("revision", spec.revision());
    external.put("treeState", spec.dirty() ? "dirty" : "clean");
    external.put("command", spec.command());
    ObjectNode internal = definition.putObject("internalParameters");
    internal.put(
        "jdk",
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    ArrayNode modules = internal.putArray("jlinkModules");
    spec.modules().forEach(modules::add);
    internal.put("created", spec.created().toString());
    ArrayNode jvm = internal.putArray("jvmOptions");
    spec.jvmOptions().forEach(jvm::add);
    ArrayNode env = internal.putArray("env");
    spec.env().forEach(env::add);
    internal.put("mainClass", spec.mainClass());

    ArrayNode deps = definition.putArray("resolvedDependencies");
    ObjectNode source = deps.addObject();
    source.put("uri", "git+" + spec.source());
    source.putObject("digest").put("gitCommit", spec.revision());
    for (Path jar : jars) {
      if (ImageBuild.isProject(jar)) {
        continue; // built from the source above in the same build
      }
      ObjectNode d = deps.addObject();
      d.put("uri", purl(spec.repository(), jar));
      d.put("name", jar.getFileName().toString());
      d.putObject("digest").put("sha256", OciLayout.sha256(jar));
    }
    for (DebianFiles.Package pkg : jdk) {
      for (String module : spec.modules()) {
        Path jmod = jmods.resolve(module + ".jmod");
        ObjectNode d = deps.addObject();
        d.put("uri", pkg.purl(ImageSbom.distro(libs)));
        d.put("name", "jmods/" + module + ".jmod");
        d.putObject("digest").put("sha256", OciLayout.sha256(jmod));
      }
    }
    for (DebianFiles.Item item : libs.items()) {
      if (item.source() == null) {
        continue;
      }
      ObjectNode d = deps.addObject();
      d.put(
          "uri",
          item.owner() == null ? "file:" + item.path() : item.owner().purl(ImageSbom.distro(libs)));
      d.put("name", item.path());
      d.putObject("digest").put("sha256", OciLayout.sha256(item.source()));
    }

    ObjectNode run = predicate.putObject("runDetails");
    run.putObject("builder").put("id", spec.builder());
    // no runDetails.metadata: its times and invocation id would differ between equal builds
    Files.write(out, OciLayout.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(statement));
  }

  /** {@code pkg:maven/GROUP/ARTIFACT@VERSION} from the jar's place in the Maven repository. */
  static String purl(Path repository, Path jar) {
    Path abs = jar.toAbsolutePath().normalize();
    Path repo = repository.toAbsolutePath().normalize();
    if (!abs.startsWith(repo)) {
      return "file:" + jar.getFileName();
    }
    Path rel = repo.relativize(abs);
    int n = rel.getNameCount();
    if (n < 4) {
      return "file:" + jar.getFileName();
    }
    String version = rel.getName(n - 2).toString();
    String artifact = rel.getName(n - 3).toString();
    String group = rel.subpath(0, n - 3).toString().replace('/', '.');
    return "pkg:maven/" + group + "/" + artifact + "@" + version;
  }
}
