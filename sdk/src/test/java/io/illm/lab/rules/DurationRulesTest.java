package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.QualityGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationRulesTest {

  private final List<Problem> problems = new ArrayList<>();
  private final DurationRules durations = new DurationRules(problems);

  @Test
  void aSoundDurationIsRead() {
    assertEquals(Optional.of(Duration.ofMinutes(90)), durations.read("p", "1h30m"));
    assertEquals(Optional.empty(), durations.read("p", null));
    assertNoProblems(problems);
  }

  @Test
  void textThatIsNoDurationSaysWhatIs() {
    assertEquals(Optional.empty(), durations.read("p", "ten minutes"));
    assertEquals(
        "a duration such as 90s, 15m, 2h or 1h30m",
        assertError(problems, "p", "\"ten minutes\" is not a duration").hint());
  }

  @Test
  void zeroOverflowAndLongerThanAYearAreProblems() {
    durations.read("zero", "0s");
    durations.read("overflow", "99999999999999999999h");
    durations.read("long", "8785h");
    assertError(problems, "zero", "longer than 0s");
    assertError(problems, "overflow", "out of range");
    assertEquals(
        "at most 8784h (366 days)", assertError(problems, "long", "longer than a year").hint());
    assertEquals(Optional.of(ExperimentRules.MAX_DURATION), durations.read("max", "8784h"));
  }

  @Test
  void everyDurationOfASpecIsChecked() {
    var spec = Specs.valid();
    spec.getDeadlines().setTotal("1 day");
    spec.getCleanup().getOnComplete().setRetainFor("2 hours");
    spec.setQualityGate(new QualityGate(null, null, null, "5min"));
    List<Problem> found = ExperimentRules.check(Specs.NAME, spec);
    assertError(found, "spec.deadlines.total", "is not a duration");
    assertError(found, "spec.cleanup.onComplete.retainFor", "is not a duration");
    assertError(found, "spec.qualityGate.recollectDelay", "is not a duration");
  }
}
