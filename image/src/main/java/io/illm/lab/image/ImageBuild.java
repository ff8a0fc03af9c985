package io.illm.lab.image;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds the operator's OCI image from what Maven resolved, with no daemon and no registry: a
 * jlinked runtime of the JDK that runs the build, the Debian libraries it needs, a non-root user,
 * then the jars. Also writes the image's SBOM and its provenance. Run by the image module's pom
 * (docs/install.md, ADR-018); the same inputs give the same bytes.
 */
public final class ImageBuild {

  /** Where the image's files go and who runs them. */
  static final String JAVA_HOME = "/opt/java";

  static final String LIB = "/app/lib";
  static final int NONROOT = 65532;
  static final String HOME = "/home/nonroot";
  static final String RESULTS = "/var/lib/illm-lab/results";

  /**
   * The class list and the classpath argument file from which the Deployment's init container dumps
   * a class-data sharing archive at start (docs/install.md "Class-data sharing", ADR-041): the
   * archive itself is not in the image, since JDK 17 does not dump the same bytes twice.
   */
  static final String CLASS_DATA = "/app/cds";

  /**
   * Native libraries of java.desktop (AWT, fonts, images, sound) and tools that are left out of the
   * runtime: the operator is headless and uses only java.beans of that module, and they would pull
   * X11, fontconfig and sound libraries into the image.
   */
  static final List<String> LEFT_OUT =
      List.of(
          "bin/keytool",
          "lib/libawt.so",
          "lib/libawt_headless.so",
          "lib/libawt_xawt.so",
          "lib/libfontmanager.so",
          "lib/libjavajpeg.so",
          "lib/libjawt.so",
          "lib/libjsound.so",
          "lib/liblcms.so",
          "lib/libmlib_image.so",
          "lib/libsplashscreen.so");

  /** What to build (the image module's pom passes each as --name=value). */
  record Spec(
      String name,
      String version,
      Instant created,
      Path classpath,
      Path repository,
      Path javaBom,
      Path out,
      List<String> modules,
      String mainClass,
      List<String> jvmOptions,
      List<String> env,
      String source,
      String revision,
      boolean dirty,
      String builder,
      String command,
      Path classList) {}

  /** What was built: the image's digest and where its files are. */
  record Built(String digest, Path layout, Path archive, Path sbom, Path provenance, long size) {}

  private ImageBuild() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new TreeMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    Spec spec = spec(options);
    Built built = build(spec, System.out);
    // what this build was given, so a test can build the same image again (ImageIT)
    // (with the commit it found, so a later commit does not change what is built again)
    options.put("revision", spec.revision());
    options.put("tree-state", spec.dirty() ? "dirty" : "clean");
    List<String> lines = new ArrayList<>();
    options.forEach((k, v) -> lines.add("--" + k + "=" + v));
    Files.write(spec.out().resolveSibling(spec.out().getFileName() + ".args"), lines);
    System.out.println("image " + built.digest() + " (" + built.size() / 1024 / 1024 + " MiB)");
  }

  static Spec spec(Map<String, String> o) throws IOException {
    Path base = Path.of(require(o, "basedir"));
    String revision = o.getOrDefault("revision", "");
    boolean dirty = "dirty".equals(o.get("tree-state"));
    if (revision.isBlank()) {
      Commands.Result rev = Commands.tryRun(List.of("git", "rev-parse", "HEAD"), base);
      revision = rev.exit() == 0 ? rev.out().strip() : "unknown";
      Commands.Result status =
          Commands.tryRun(List.of("git", "status", "--porcelain", "--untracked-files=no"), base);
      dirty = status.exit() == 0 && !status.out().isBlank();
    }
    return new Spec(
        require(o, "name"),
        require(o, "version"),
        instant(require(o, "created")),
        Path.of(require(o, "classpath")),
        Path.of(require(o, "repository")),
        Path.of(require(o, "java-bom")),
        Path.of(require(o, "out")),
        split(require(o, "modules"), ","),
        require(o, "main"),
        split(o.getOrDefault("jvm-options", ""), " "),
        split(o.getOrDefault("env", ""), " "),
        o.getOrDefault("source", "unknown"),
        revision,
        dirty,
        o.getOrDefault("builder", "local"),
        o.getOrDefault("command", "./mvnw -B package -pl image -am -DskipTests"),
        o.containsKey("class-list") ? Path.of(o.get("class-list")) : null);
  }

  /** Builds the image of {@code spec} into {@code spec.out()}, replacing what was there. */
  static Built build(Spec spec, PrintStream log) throws IOException {
    deleteTree(spec.out());
    Files.createDirectories(spec.out());
    Path work = spec.out().resolve("work");
    Path runtime = work.resolve("runtime");
    Files.createDirectories(work);

    DebianFiles debian = new DebianFiles();
    Path jmods = Path.of(System.getProperty("java.home"), "jmods");
    if (!Files.isDirectory(jmods)) {
      throw new IllegalStateException(
          "no jmods in "
              + jmods.getParent()
              + ": build with a full JDK (on Debian: apt-get install openjdk-17-jdk-headless)");
    }
    List<DebianFiles.Package> jdk = new ArrayList<>();
    for (String module : spec.modules()) {
      DebianFiles.Package owner = debian.verifyPackaged(jmods.resolve(module + ".jmod"));
      if (!jdk.contains(owner)) {
        jdk.add(owner);
      }
    }
    jlink(spec.modules(), jmods, runtime, log);
    for (String left : LEFT_OUT) {
      Files.deleteIfExists(runtime.resolve(left));
    }

    List<Path> elfs = new ArrayList<>();
    elfs.add(runtime.resolve("bin/java"));
    try (Stream<Path> walk = Files.walk(runtime.resolve("lib"))) {
      walk.filter(p -> p.toString().endsWith(".so")).sorted().forEach(elfs::add);
    }
    DebianFiles libs = DebianFiles.neededBy(runtime, elfs);
    libs.verify();
    for (DebianFiles.Package pkg : List.copyOf(libs.packages().values())) {
      libs.addFile("/usr/share/doc/" + pkg.name() + "/copyright");
    }
    libs.addFile("/usr/lib/os-release");

    Layer base = baseLayer(libs, jdk);
    Layer java =
        new Layer("runtime: jlink " + String.join(",", spec.modules())).tree("opt/java", runtime);

    List<Path> jars = classpath(spec.classpath());
    Layer dependencies = new Layer("dependencies: the operator's libraries");
    Layer application = new Layer("application: the operator and the sdk");
    List<String> classpath = new ArrayList<>();
    for (Path jar : jars) {
      String path = LIB + "/" + jar.getFileName();
      if (classpath.contains(path)) {
        throw new IllegalStateException("two jars named " + jar.getFileName());
      }
      classpath.add(path);
      (isProject(jar) ? application : dependencies).file(path, jar, 0644);
    }

    if (spec.classList() != null) {
      application.file(CLASS_DATA + "/operator.classlist", spec.classList(), 0644);
      application.file(
          CLASS_DATA + "/classpath.args",
          ("-cp " + String.join(":", classpath) + "\n").getBytes(StandardCharsets.UTF_8),
          0644);
    }
    OciLayout layout = new OciLayout(spec.out().resolve("oci"));
    List<OciLayout.WrittenLayer> written = new ArrayList<>();
    for (Layer layer : List.of(base, java, dependencies, application)) {
      written.add(layout.add(layer, spec.created()));
    }
    List<String> entrypoint = new ArrayList<>();
    entrypoint.add(JAVA_HOME + "/bin/java");
    entrypoint.add("-cp");
    entrypoint.add(String.join(":", classpath));
    entrypoint.add(spec.mainClass());
    List<String> env = new ArrayList<>();
    env.add("PATH=" + JAVA_HOME + "/bin");
    env.add("JAVA_HOME=" + JAVA_HOME);
    env.add("LANG=C.UTF-8");
    env.addAll(spec.env());
    if (!spec.jvmOptions().isEmpty()) {
      // the java launcher reads it; a Deployment replaces it whole to change the JVM's options
      env.add("JDK_JAVA_OPTIONS=" + String.join(" ", spec.jvmOptions()));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.created", spec.created().toString());
    labels.put(
        "org.opencontainers.image.description",
        "illm-lab operator: experiment-as-code for Kubernetes benchmarking labs");
    labels.put("org.opencontainers.image.revision", spec.revision());
    labels.put("org.opencontainers.image.source", spec.source());
    labels.put("org.opencontainers.image.title", spec.name());
    labels.put("org.opencontainers.image.version", spec.version());
    OciLayout.Blob manifest =
        layout.image(
            written,
            new OciLayout.Settings(
                spec.created(),
                NONROOT + ":" + NONROOT,
                env,
                entrypoint,
                "/",
                labels,
                spec.name() + ":" + spec.version()));
    Path archive = spec.out().resolve(spec.name() + ".oci.tar");
    layout.archive(archive, spec.created());
    Files.writeString(spec.out().resolve(spec.name() + ".digest"), manifest.digest() + "\n");

    long size = 0;
    for (OciLayout.WrittenLayer w : written) {
      size += w.blob().size();
    }
    Path sbom = spec.out().resolve(spec.name() + ".cdx.json");
    ImageSbom.write(spec, manifest.digest(), libs, jdk, written, sbom);
    Path provenance = spec.out().resolve(spec.name() + ".provenance.json");
    ImageProvenance.write(spec, manifest.digest(), jmods, jdk, libs, jars, provenance);
    deleteTree(work);
    for (OciLayout.WrittenLayer w : written) {
      log.printf(
          "layer %s %6.1f MiB  %s%n",
          w.blob().hex().substring(0, 12), w.blob().size() / 1048576.0, w.layer().name());
    }
    return new Built(manifest.digest(), layout.dir(), archive, sbom, provenance, size);
  }

  /** The OS part: the Debian files, the user, writable places, what scanners read. */
  static Layer baseLayer(DebianFiles libs, List<DebianFiles.Package> jdk) throws IOException {
    Layer base = new Layer("base: Debian libraries for the JVM, user nonroot (" + NONROOT + ")");
    for (DebianFiles.Item item : libs.items()) {
      if (item.path().equals("/usr/lib/os-release")) {
        base.file("/etc/os-release", item.source(), 0644);
      } else if (item.link() != null) {
        base.symlink(item.path(), item.link());
      } else {
        base.file(item.path(), item.source(), Files.isExecutable(item.source()) ? 0755 : 0644);
      }
    }
    base.file(
        "/etc/passwd",
        lines(
            "root:x:0:0:root:/root:/sbin/nologin",
            "nonroot:x:" + NONROOT + ":" + NONROOT + ":nonroot:" + HOME + ":/sbin/nologin"),
        0644);
    base.file("/etc/group", lines("root:x:0:", "nonroot:x:" + NONROOT + ":"), 0644);
    base.file(
        "/etc/nsswitch.conf", lines("passwd: files", "group: files", "hosts: files dns"), 0644);
    base.directory("/root", 0700, Layer.ROOT, Layer.ROOT);
    base.directory("/tmp", 01777, Layer.ROOT, Layer.ROOT);
    base.directory(HOME, 0755, NONROOT, NONROOT);
    base.directory(RESULTS, 0755, NONROOT, NONROOT);
    List<DebianFiles.Package> all = new ArrayList<>(libs.packages().values());
    all.addAll(jdk);
    all.sort(Comparator.comparing(DebianFiles.Package::name));
    for (DebianFiles.Package pkg : all) {
      base.file(
          "/var/lib/dpkg/status.d/" + pkg.name(),
          pkg.stanza().getBytes(StandardCharsets.UTF_8),
          0644);
    }
    return base;
  }

  /**
   * Runs the JDK's jlink in a process of its own: jlink generates java.lang.invoke classes with the
   * VM it runs in, and in-process their bytes depend on what that VM loaded before (a Maven or test
   * JVM), while a fresh jlink process writes the same runtime every time.
   */
  static void jlink(List<String> modules, Path jmods, Path out, PrintStream log)
      throws IOException {
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    if (!Files.isExecutable(jlink)) {
      throw new IllegalStateException("no " + jlink + ": build with a full JDK");
    }
    String printed =
        Commands.run(
            List.of(
                jlink.toString(),
                "--module-path",
                jmods.toString(),
                "--add-modules",
                String.join(",", modules),
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--compress=2",
                "--output",
                out.toString()));
    if (!printed.isBlank()) {
      log.print(printed);
    }
  }

  /** The jars of the classpath file Maven wrote (dependency:build-classpath), in its order. */
  static List<Path> classpath(Path file) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String entry : Files.readString(file).strip().split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path p = Path.of(entry);
      if (isProject(p) && !p.toString().contains("/target/")) {
        throw new IllegalStateException(
            p
                + " comes from a Maven repository, not this build: build the image with the"
                + " reactor (./mvnw package -pl image -am)");
      }
      if (!entry.endsWith(".jar") || !Files.isRegularFile(p)) {
        throw new IllegalStateException(
            entry + " is not a jar: build with `package` so the reactor's modules are jars");
      }
      jars.add(p);
    }
    return jars;
  }

  static boolean isProject(Path jar) {
    return jar.getFileName().toString().startsWith("illm-lab-");
  }

  private static byte[] lines(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String require(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  private static List<String> split(String s, String sep) {
    return Arrays.stream(s.trim().split(sep)).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  /** Maven's project.build.outputTimestamp: ISO-8601 or seconds since the epoch. */
  static Instant instant(String s) {
    if (s.matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(s));
    }
    return OffsetDateTime.parse(s).toInstant();
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
