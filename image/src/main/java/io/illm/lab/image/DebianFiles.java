package io.illm.lab.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared libraries a set of ELF files needs, taken from the build machine's Debian packages:
 * found with {@code ldd}, attributed to their package with {@code dpkg-query}, and checked byte for
 * byte against the package's own checksums ({@code /var/lib/dpkg/info/PKG.md5sums}), so the image
 * holds the packages' files, unchanged.
 */
final class DebianFiles {

  /** A Debian package, as dpkg knows it. */
  record Package(
      String name, String version, String architecture, String source, String sourceVersion) {

    /** The package URL (purl spec, type deb). */
    String purl(String distro) {
      return "pkg:deb/debian/"
          + name
          + "@"
          + encode(version)
          + "?arch="
          + architecture
          + "&distro="
          + distro;
    }

    /**
     * A stanza for {@code /var/lib/dpkg/status.d/NAME}, where scanners look in distroless images.
     */
    String stanza() {
      StringBuilder s = new StringBuilder();
      s.append("Package: ").append(name).append('\n');
      if (!source.equals(name) || !sourceVersion.equals(version)) {
        s.append("Source: ").append(source);
        if (!sourceVersion.equals(version)) {
          s.append(" (").append(sourceVersion).append(')');
        }
        s.append('\n');
      }
      s.append("Version: ").append(version).append('\n');
      s.append("Architecture: ").append(architecture).append('\n');
      s.append("Status: install ok installed\n");
      return s.toString();
    }

    private static String encode(String version) {
      return version.replace("%", "%25").replace("+", "%2B").replace(":", "%3A");
    }
  }

  /** A path the image gets: a file, or a symbolic link to another path. */
  record Item(String path, Path source, String link, Package owner) {}

  private static final Pattern LDD =
      Pattern.compile("^\\s*(?:\\S+ => )?(/\\S+) \\(0x[0-9a-f]+\\)$");
  private static final Pattern NOT_FOUND = Pattern.compile("^\\s*(\\S+) => not found$");

  private final Map<String, Item> items = new TreeMap<>();
  private final Map<String, Package> packages = new TreeMap<>();

  /**
   * The libraries {@code elfs} need from outside {@code runtime} (whose own libraries are found
   * through {@code $ORIGIN}), with the links through which they are found.
   */
  static DebianFiles neededBy(Path runtime, List<Path> elfs) throws IOException {
    TreeSet<String> needed = new TreeSet<>();
    for (Path elf : elfs) {
      // the runtime's libraries find libjvm.so through the launcher, which loaded it first
      Commands.Result r =
          Commands.tryRun(
              List.of("ldd", elf.toString()),
              null,
              Map.of(
                  "LD_LIBRARY_PATH", runtime.resolve("lib/server") + ":" + runtime.resolve("lib")));
      if (r.exit() != 0) {
        throw new IOException("ldd " + elf + " exited " + r.exit() + ": " + r.out());
      }
      String out = r.out();
      for (String line : out.split("\n")) {
        Matcher missing = NOT_FOUND.matcher(line);
        if (missing.matches()) {
          throw new IllegalStateException(elf + " needs " + missing.group(1) + ", not found");
        }
        Matcher m = LDD.matcher(line);
        if (m.matches() && !Path.of(m.group(1)).startsWith(runtime)) {
          needed.add(m.group(1));
        }
      }
    }
    DebianFiles files = new DebianFiles();
    for (String path : needed) {
      files.addWithLinks(path);
    }
    return files;
  }

  /**
   * The package that installed {@code file}, after checking the file against that package's
   * checksums (the JDK's jmods, which jlink reads).
   */
  Package verifyPackaged(Path file) throws IOException {
    String path = file.toAbsolutePath().normalize().toString();
    Package owner =
        owner(path)
            .orElseThrow(() -> new IllegalStateException(path + " belongs to no Debian package"));
    Map<String, String> sums = md5sums(owner);
    String expected = sums.getOrDefault(path.substring(1), sums.get(usrAlias(path).substring(1)));
    if (expected == null || !expected.equals(md5(file))) {
      throw new IllegalStateException(path + " differs from what " + owner.name() + " installed");
    }
    return owner;
  }

  /** A file of a package (its copyright notice, the OS release) added as it is. */
  void addFile(String path) throws IOException {
    Path real = Path.of(path).toRealPath();
    // e.g. /usr/share/doc/libgcc-s1 is a link into gcc-12-base's folder
    Package owner = owner(path).orElse(null);
    if (owner == null) {
      owner = owner(real.toString()).orElse(null);
    }
    items.put(path, new Item(path, real, null, owner));
  }

  private void addWithLinks(String path) throws IOException {
    Path p = Path.of(path);
    if (Files.isSymbolicLink(p)) {
      String target = Files.readSymbolicLink(p).toString();
      items.put(path, new Item(path, null, target, owner(path).orElse(null)));
      String resolved =
          target.startsWith("/") ? target : p.getParent().resolve(target).normalize().toString();
      addWithLinks(resolved);
    } else {
      Package owner =
          owner(path)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          path
                              + " belongs to no Debian package: the image takes packaged files only"));
      items.put(path, new Item(path, p.toRealPath(), null, owner));
    }
  }

  /** Every path, sorted. */
  List<Item> items() {
    return new ArrayList<>(items.values());
  }

  /** The packages the files come from, by name. */
  Map<String, Package> packages() {
    return packages;
  }

  /**
   * Checks every file against the md5sums its package shipped.
   *
   * @throws IllegalStateException naming the first file that differs
   */
  void verify() throws IOException {
    for (Item item : items.values()) {
      if (item.source() == null || item.owner() == null) {
        continue;
      }
      Map<String, String> sums = md5sums(item.owner());
      String expected = sums.get(item.path().substring(1));
      if (expected == null) {
        expected = sums.get(usrAlias(item.path()).substring(1));
      }
      if (expected == null) {
        continue; // conffiles and links are not in md5sums
      }
      String actual = md5(item.source());
      if (!expected.equals(actual)) {
        throw new IllegalStateException(
            item.path() + " differs from what " + item.owner().name() + " installed");
      }
    }
  }

  /** The package owning {@code path} (trying its merged-/usr alias), recorded for the SBOM. */
  Optional<Package> owner(String path) throws IOException {
    Optional<String> name = search(path);
    if (name.isEmpty()) {
      name = search(usrAlias(path));
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(packageNamed(name.get()));
  }

  /** The package called {@code name} (as dpkg-query names it, with or without :arch). */
  Package packageNamed(String name) throws IOException {
    String bare = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    Package known = packages.get(bare);
    if (known != null) {
      return known;
    }
    String out =
        Commands.run(
            List.of(
                "dpkg-query",
                "-W",
                "-f=${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n",
                name));
    String[] f = out.strip().split("\t");
    Package pkg = new Package(f[0], f[1], f[2], f[3], f[4]);
    packages.put(pkg.name(), pkg);
    return pkg;
  }

  private static Optional<String> search(String path) throws IOException {
    Commands.Result r = Commands.tryRun(List.of("dpkg-query", "-S", path));
    if (r.exit() != 0) {
      return Optional.empty();
    }
    for (String line : r.out().split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0 && line.substring(colon + 2).equals(path)) {
        String owners = line.substring(0, colon);
        // "diversion by", or several owners: take the first
        return Optional.of(owners.split(",\\s*")[0]);
      }
    }
    return Optional.empty();
  }

  private static String usrAlias(String path) {
    if (path.startsWith("/usr/")) {
      return path.substring("/usr".length());
    }
    return "/usr" + path;
  }

  private final Map<String, Map<String, String>> md5sums = new LinkedHashMap<>();

  private Map<String, String> md5sums(Package pkg) throws IOException {
    Map<String, String> sums = md5sums.get(pkg.name());
    if (sums != null) {
      return sums;
    }
    sums = new TreeMap<>();
    for (String file :
        List.of(pkg.name() + ":" + pkg.architecture() + ".md5sums", pkg.name() + ".md5sums")) {
      Path p = Path.of("/var/lib/dpkg/info", file);
      if (Files.isRegularFile(p)) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          int space = line.indexOf("  ");
          if (space > 0) {
            sums.put(line.substring(space + 2), line.substring(0, space));
          }
        }
        break;
      }
    }
    md5sums.put(pkg.name(), sums);
    return sums;
  }

  static String md5(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
