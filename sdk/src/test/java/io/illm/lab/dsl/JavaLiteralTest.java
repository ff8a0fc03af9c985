package io.illm.lab.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Any Java string, rendered by {@link JavaSource#str} and compiled, is the same string again. */
class JavaLiteralTest {

  @Test
  void randomStringsSurviveRenderingAndCompilation() throws Exception {
    Random random = new Random(20261126);
    List<String> values =
        new ArrayList<>(
            List.of("", "\\u000a", "\\\\u0022", "*/", "\u2028\u2029", "\ud800", "\udfff"));
    for (int i = 0; i < 300; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        // mostly the awkward ranges: controls, quotes and backslashes, then any UTF-16 unit
        value.append(
            switch (random.nextInt(4)) {
              case 0 -> (char) random.nextInt(0x20);
              case 1 -> "\"\\u".charAt(random.nextInt(3));
              case 2 -> (char) (0x20 + random.nextInt(0x60));
              default -> (char) random.nextInt(0x10000);
            });
      }
      values.add(value.toString());
    }
    StringBuilder source =
        new StringBuilder(
            "package gen;\npublic final class Literals {\n"
                + "  public static Object build() {\n    return new String[] {\n");
    for (String value : values) {
      source.append("      ").append(JavaSource.str(value)).append(",\n");
    }
    source.append("    };\n  }\n}\n");
    Object compiled = InMemoryJava.build("gen.Literals", source.toString());
    assertArrayEquals(values.toArray(), (Object[]) compiled);
  }
}
