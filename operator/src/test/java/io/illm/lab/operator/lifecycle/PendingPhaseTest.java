package io.illm.lab.operator.lifecycle;

import static io.illm.lab.operator.testing.Testing.HASH;
import static io.illm.lab.operator.testing.Testing.T0;
import static io.illm.lab.operator.testing.Testing.twoTargetSpec;
import static io.illm.lab.operator.testing.Testing.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingPhaseTest {

  @Test
  void aNewExperimentRecordsItsRunBeforeCreatingAnything() {
    Decision d =
        Row.row("new experiment", twoTargetSpec(), null, world(), T0, Phase.PROVISIONING, null)
            .check();
    ExperimentStatus s = d.status();
    assertEquals(HASH, s.getSpecHash());
    assertEquals(T0.toString(), s.getStartedAt());
    assertEquals(T0.toString(), s.getPhaseStartedAt());
    assertEquals(
        List.of("tsdb-app", "hub"),
        s.getTargets().stream().map(TargetStatus::getClusterName).toList());
    assertEquals("e2-medium", s.getTargets().get(0).getMachineType());
    assertEquals(1, s.getTargets().get(0).getNodeCount());
    assertEquals(null, s.getTargets().get(1).getMachineType());
    assertEquals(List.of("Event Normal Started"), Testing.describe(d.actions()));
    assertEquals(Duration.ZERO, d.lookAgainIn().orElseThrow());
  }

  @Test
  void withoutTheFinalizerOnlyTheFinalizerIsAdded() {
    Decision d =
        Row.row(
                "no finalizer",
                twoTargetSpec(),
                null,
                Testing.withoutFinalizer(world()),
                T0,
                Phase.PENDING,
                null,
                "AddFinalizer")
            .check();
    assertTrue(d.lookAgainIn().isPresent());
  }

  @Test
  void theInputStatusIsNeverModified() {
    ExperimentStatus before = Testing.status(Phase.PROVISIONING, T0);
    ExperimentStatus copy = StatusCopy.of(before);
    Lifecycle.decide(twoTargetSpec(), before, world(), T0.plusSeconds(5));
    assertEquals(copy, before);
  }
}
