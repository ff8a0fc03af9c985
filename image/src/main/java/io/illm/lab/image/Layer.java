package io.illm.lab.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * One image layer, written as a tar whose bytes depend only on what was added: entries sorted by
 * path, every parent directory present, one modification time for all, owners and modes set
 * explicitly (never taken from the build machine), no user or group names.
 */
final class Layer {

  /** Owner of everything not given another: root. */
  static final int ROOT = 0;

  private enum Kind {
    DIRECTORY,
    FILE,
    SYMLINK
  }

  private record Entry(
      Kind kind, int mode, int uid, int gid, Path source, byte[] bytes, String link) {}

  private final String name;
  private final TreeMap<String, Entry> entries = new TreeMap<>();

  Layer(String name) {
    this.name = name;
  }

  /** What the layer holds, for the image's history. */
  String name() {
    return name;
  }

  /** A directory (and its parents, owned by root, 0755). */
  Layer directory(String path, int mode, int uid, int gid) {
    parents(path);
    entries.put(
        directoryName(path), new Entry(Kind.DIRECTORY, 040000 | mode, uid, gid, null, null, null));
    return this;
  }

  /** A file with the contents of {@code source} on the build machine (followed if a link). */
  Layer file(String path, Path source, int mode) {
    parents(path);
    entries.put(clean(path), new Entry(Kind.FILE, 0100000 | mode, ROOT, ROOT, source, null, null));
    return this;
  }

  /** A file with {@code bytes}. */
  Layer file(String path, byte[] bytes, int mode) {
    parents(path);
    entries.put(
        clean(path), new Entry(Kind.FILE, 0100000 | mode, ROOT, ROOT, null, bytes.clone(), null));
    return this;
  }

  /** A symbolic link to {@code target}, written as given (relative or absolute). */
  Layer symlink(String path, String target) {
    parents(path);
    entries.put(clean(path), new Entry(Kind.SYMLINK, 0120777, ROOT, ROOT, null, null, target));
    return this;
  }

  /** Every file under {@code dir} at {@code prefix}, keeping its executable bit and links. */
  Layer tree(String prefix, Path dir) throws IOException {
    List<Path> all;
    try (var walk = Files.walk(dir)) {
      all = walk.sorted().toList();
    }
    for (Path p : all) {
      String rel = dir.relativize(p).toString().replace('\\', '/');
      String path = rel.isEmpty() ? prefix : prefix + "/" + rel;
      if (Files.isSymbolicLink(p)) {
        symlink(path, Files.readSymbolicLink(p).toString());
      } else if (Files.isDirectory(p)) {
        directory(path, 0755, ROOT, ROOT);
      } else {
        file(path, p, Files.isExecutable(p) ? 0755 : 0644);
      }
    }
    return this;
  }

  /** The paths of the layer's entries, in the order they are written. */
  List<String> paths() {
    return new ArrayList<>(entries.keySet());
  }

  /**
   * Writes the uncompressed tar to {@code out}.
   *
   * @param time the modification time of every entry
   */
  void writeTar(OutputStream out, Instant time) throws IOException {
    FileTime mtime = FileTime.from(time.getEpochSecond(), java.util.concurrent.TimeUnit.SECONDS);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      Entry entry = e.getValue();
      TarArchiveEntry header =
          switch (entry.kind()) {
            case DIRECTORY -> new TarArchiveEntry(e.getKey(), TarConstants.LF_DIR);
            case FILE -> new TarArchiveEntry(e.getKey(), TarConstants.LF_NORMAL);
            case SYMLINK -> new TarArchiveEntry(e.getKey(), TarConstants.LF_SYMLINK);
          };
      header.setMode(entry.mode());
      header.setUserId(entry.uid());
      header.setGroupId(entry.gid());
      header.setUserName("");
      header.setGroupName("");
      header.setModTime(mtime);
      if (entry.kind() == Kind.SYMLINK) {
        header.setLinkName(entry.link());
      }
      if (entry.kind() == Kind.FILE) {
        header.setSize(entry.bytes() != null ? entry.bytes().length : Files.size(entry.source()));
      }
      tar.putArchiveEntry(header);
      if (entry.kind() == Kind.FILE) {
        if (entry.bytes() != null) {
          tar.write(entry.bytes());
        } else {
          try (InputStream in = Files.newInputStream(entry.source())) {
            in.transferTo(tar);
          }
        }
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.flush();
  }

  /** Gzips {@code tar} into {@code out}: a fixed header (no name, no time), level 6. */
  static void gzip(InputStream tar, OutputStream out) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
    tar.transferTo(gz);
    gz.finish();
    gz.flush();
  }

  private void parents(String path) {
    String clean = clean(path);
    int slash = clean.lastIndexOf('/');
    while (slash > 0) {
      String parent = clean.substring(0, slash);
      entries.putIfAbsent(
          directoryName(parent), new Entry(Kind.DIRECTORY, 040755, ROOT, ROOT, null, null, null));
      slash = parent.lastIndexOf('/');
    }
  }

  private static String clean(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.contains("//") || p.contains("/../") || p.startsWith("../")) {
      throw new IllegalArgumentException("not a path inside the image: \"" + path + "\"");
    }
    return p;
  }

  private static String directoryName(String path) {
    return clean(path) + "/";
  }
}
