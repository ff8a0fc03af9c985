package io.illm.lab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldPathTest {

  /** What a plain key is, as a regular expression: the hand-written check must agree with it. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  @Test
  void plainKeysAreJoinedWithADotAndOthersQuoted() {
    assertEquals("spec.targets", FieldPath.key("spec", "targets"));
    assertEquals("params", FieldPath.key("", "params"));
    assertEquals("params.max-size_2", FieldPath.key("params", "max-size_2"));
    assertEquals("params['a.b']", FieldPath.key("params", "a.b"));
    assertEquals("params['2x']", FieldPath.key("params", "2x"));
    assertEquals("params['-x']", FieldPath.key("params", "-x"));
    assertEquals("params['']", FieldPath.key("params", ""));
    assertEquals("params['it\\'s']", FieldPath.key("params", "it's"));
    assertEquals("spec.targets[3]", FieldPath.index("spec.targets", 3));
  }

  @Test
  void thePlainCheckAgreesWithItsRegularExpression() {
    // ASCII from space to '~' covers every class boundary the expression draws
    qt().withExamples(5000)
        .forAll(strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 6))
        .check(key -> FieldPath.plain(key) == PLAIN.matcher(key).matches());
  }
}
