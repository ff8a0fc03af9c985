package io.illm.lab.operator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.operator.testing.Testing;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecHashTest {

  @Test
  void equalSpecsHashEquallyWhateverTheMapOrder() {
    ExperimentSpec a = Testing.twoTargetExperiment("a").getSpec();
    ExperimentSpec b = Testing.twoTargetExperiment("b").getSpec();
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("rate", "100");
    forward.put("duration", "5m");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("duration", "5m");
    backward.put("rate", "100");
    a.setWorkflow(new WorkflowSpec("load-test", null, forward));
    b.setWorkflow(new WorkflowSpec("load-test", null, backward));

    assertEquals(SpecHash.of(a), SpecHash.of(b));
    assertTrue(SpecHash.of(a).matches("sha256:[0-9a-f]{64}"), SpecHash.of(a));
  }

  @Test
  void anEditChangesTheHash() {
    ExperimentSpec spec = Testing.twoTargetExperiment("a").getSpec();
    String before = SpecHash.of(spec);
    spec.getTargets().get(0).setName("app2");

    assertNotEquals(before, SpecHash.of(spec));
  }
}
