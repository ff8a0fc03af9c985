package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/dsl.md shows only Java that compiles: its blocks are this module's sources, or parts of
 * them.
 */
class DslGuideTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path SOURCES = ROOT.resolve("dsl-examples/src/main/java");

  /** The tests of the examples: the guide's JUnit example is one of them. */
  private static final Path TESTS = ROOT.resolve("dsl-examples/src/test/java");

  private static List<String> javaBlocks() throws IOException {
    String guide = Files.readString(ROOT.resolve("docs/dsl.md"));
    Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(guide);
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      found.add(blocks.group(1));
    }
    return found;
  }

  /** Without white space: the formatter may break a line where the guide does not. */
  private static String squashed(String text) {
    return text.replaceAll("\\s+", "");
  }

  @Test
  void theCompleteExampleIsHelloAppVerbatim() throws IOException {
    String helloApp =
        Files.readString(SOURCES.resolve("io/illm/lab/examples/experiments/HelloApp.java"));
    assertEquals(helloApp, javaBlocks().get(0));
  }

  @Test
  void everyOtherJavaBlockIsAnExcerptOfACompiledSource() throws IOException {
    String all;
    try (Stream<Path> files = Stream.concat(Files.walk(SOURCES), Files.walk(TESTS))) {
      all =
          squashed(
              files
                  .filter(f -> f.toString().endsWith(".java"))
                  .map(
                      f -> {
                        try {
                          return Files.readString(f);
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      })
                  .collect(Collectors.joining("\n")));
    }
    List<String> blocks = javaBlocks();
    assertTrue(blocks.size() > 3, "blocks: " + blocks.size());
    for (String block : blocks) {
      assertTrue(all.contains(squashed(block)), "not in dsl-examples' sources or tests:\n" + block);
    }
  }
}
