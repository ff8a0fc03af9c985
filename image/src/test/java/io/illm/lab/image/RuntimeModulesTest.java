package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The image's JDK modules (image.modules in the pom) are what jdeps finds the operator's runtime
 * classpath needs, plus the providers jdeps cannot see; nothing missing, nothing extra.
 */
class RuntimeModulesTest {

  /** Loaded by name at run time: TLS's elliptic-curve provider. */
  static final List<String> PROVIDERS = List.of("jdk.crypto.ec");

  @Test
  void theImageHasExactlyTheModulesTheOperatorNeeds() throws IOException {
    // the image's runtime classpath as Maven resolved it (jars, or the reactor's class folders)
    List<String> jars = new ArrayList<>();
    Path file = Path.of(System.getProperty("image.classpath", "target/image-classpath.txt"));
    for (String entry : Files.readString(file).strip().split(File.pathSeparator)) {
      if (!entry.isBlank() && Files.exists(Path.of(entry))) {
        jars.add(entry);
      }
    }
    assertTrue(jars.stream().anyMatch(j -> j.contains("operator")), "operator on the path");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--multi-release",
                "17",
                "--ignore-missing-deps",
                "--print-module-deps",
                "-q",
                "--class-path",
                String.join(File.pathSeparator, jars)));
    args.addAll(jars);
    int exit =
        ToolProvider.findFirst("jdeps")
            .orElseThrow()
            .run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                args.toArray(String[]::new));
    assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    TreeSet<String> needed =
        new TreeSet<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).strip().split(",")));
    needed.addAll(PROVIDERS);
    TreeSet<String> configured = new TreeSet<>(Arrays.asList(pomModules().split(",")));
    assertEquals(
        needed, configured, "image.modules in image/pom.xml should be " + String.join(",", needed));
  }

  static String pomModules() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    int start = pom.indexOf("<image.modules>") + "<image.modules>".length();
    return pom.substring(start, pom.indexOf("</image.modules>")).strip();
  }
}
