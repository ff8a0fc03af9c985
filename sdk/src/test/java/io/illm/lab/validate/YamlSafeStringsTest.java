package io.illm.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The check rejects exactly the strings that do not survive a round trip through LabYaml. */
class YamlSafeStringsTest {

  @Test
  void everyStringTheCheckAcceptsSurvivesARoundTrip() {
    qt().withExamples(3000)
        .forAll(strings().allPossible().ofLengthBetween(0, 12))
        .checkAssert(
            text -> {
              if (YamlSafeStrings.firstUnsafe(text) < 0) {
                assertEquals(text, roundTrip(text), "accepted but changed: " + codePoints(text));
              }
            });
  }

  @Test
  void everyRejectedCharacterReallyChangesOrCannotBeWritten() {
    assertEquals(" ", roundTrip("\u0085"), "NEL comes back as a space");
    assertEquals(0x85, YamlSafeStrings.firstUnsafe("x\u0085"));
    assertEquals(0xD800, YamlSafeStrings.firstUnsafe("x\ud800"));
    assertEquals(-1, YamlSafeStrings.firstUnsafe("emoji \ud83d\ude00 \r\n\u0007\u2028"));
  }

  private static String roundTrip(String text) {
    Map<String, String> map = new TreeMap<>(Map.of("key", text));
    try {
      return String.valueOf(LabYaml.read(LabYaml.write(map), Map.class).get("key"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String codePoints(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> out.append(String.format("U+%04X ", cp)));
    return out.toString();
  }
}
