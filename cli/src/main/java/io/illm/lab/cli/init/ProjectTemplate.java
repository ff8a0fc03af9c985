package io.illm.lab.cli.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files of a new project: the templates in this package's resources with {@code {{name}}}
 * replaced, and the Maven wrapper of the illm-lab build that made this jar, copied as it is.
 */
final class ProjectTemplate {

  private static final String TEMPLATES = "template/";
  private static final String WRAPPER = "wrapper/";

  /**
   * One file: a template or a wrapper file, and where it goes.
   *
   * @param resource the resource under this package
   * @param target the path in the project; {@code {{packagePath}}} is replaced
   * @param filled whether {@code {{name}}} placeholders are replaced
   * @param executable whether it gets the execute bits
   */
  record File(String resource, String target, boolean filled, boolean executable) {}

  static final List<File> FILES =
      List.of(
          new File(TEMPLATES + "pom.xml.tmpl", "pom.xml", true, false),
          new File(TEMPLATES + "README.md.tmpl", "README.md", true, false),
          new File(TEMPLATES + "gitignore.tmpl", ".gitignore", true, false),
          new File(TEMPLATES + "lab.yml.tmpl", ".github/workflows/lab.yml", true, false),
          new File(
              TEMPLATES + "Apps.java.tmpl",
              "src/main/java/{{packagePath}}/components/Apps.java",
              true,
              false),
          new File(
              TEMPLATES + "GuestbookSmoke.java.tmpl",
              "src/main/java/{{packagePath}}/experiments/GuestbookSmoke.java",
              true,
              false),
          new File(
              TEMPLATES + "GuestbookSmokeTest.java.tmpl",
              "src/test/java/{{packagePath}}/experiments/GuestbookSmokeTest.java",
              true,
              false),
          new File(WRAPPER + "mvnw", "mvnw", false, true),
          new File(WRAPPER + "mvnw.cmd", "mvnw.cmd", false, false),
          new File(
              WRAPPER + ".mvn/wrapper/maven-wrapper.properties",
              ".mvn/wrapper/maven-wrapper.properties",
              false,
              false));

  private ProjectTemplate() {}

  /** The illm-lab version this jar was built as, which the new project depends on. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = read("version.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /** Writes every file under {@code dir}; returns their paths relative to it, in order. */
  static List<String> write(Path dir, Map<String, String> values) {
    List<String> written = new ArrayList<>();
    for (File file : FILES) {
      String target = fill(file.target(), values);
      Path path = dir.resolve(target);
      try (InputStream in = read(file.resource())) {
        byte[] bytes = in.readAllBytes();
        if (file.filled()) {
          bytes =
              fill(new String(bytes, StandardCharsets.UTF_8), values)
                  .getBytes(StandardCharsets.UTF_8);
        }
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
        if (file.executable()) {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
      written.add(target);
    }
    return written;
  }

  /** {@code text} with every {@code {{name}}} of {@code values} replaced. */
  static String fill(String text, Map<String, String> values) {
    String filled = text;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return filled;
  }

  private static InputStream read(String resource) throws IOException {
    InputStream in = ProjectTemplate.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing from the cli jar: " + resource + " (rebuild illm-lab)");
    }
    return in;
  }
}
