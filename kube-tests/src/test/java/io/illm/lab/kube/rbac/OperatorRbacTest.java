package io.illm.lab.kube.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.kube.AuditLog;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.OperatorRbac;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's RBAC as shipped in platform/operator/rbac/, proven on a real API server with the
 * RBAC authorizer: as its ServiceAccount the operator runs a hello-app lifecycle (instant timings,
 * leader election on), keeps runs in ConfigMaps and reads the S3 Secret without a single 403; and
 * without any one rule, a named check of {@link Probes} fails (docs/rbac.md lists which). With
 * {@code -Drbac.verbs=true} it removes one verb of one rule at a time instead.
 */
@ExtendWith(RealServer.class)
class OperatorRbacTest {

  private static RealLab lab;
  private static AuditLog audit;
  private static List<String> baseline;
  private static Duration variantPatience;

  /**
   * Runs the probes with every rule first: how long its lifecycle takes to Complete sets how long a
   * variant's step may take before it counts as stuck (three times as long, 4 to 20 s), so a rule's
   * absence is found in seconds on a quiet machine and not mistaken on a busy one.
   */
  @BeforeAll
  static void start(ControlPlane plane) {
    lab = RealLab.start(plane, SimTimings.INSTANT);
    audit = new AuditLog(plane.auditLog());
    Probes probes = new Probes(lab, Duration.ofSeconds(60));
    baseline = probes.run("all", Optional.empty());
    variantPatience =
        clamp(probes.completedIn().multipliedBy(3), Duration.ofSeconds(4), Duration.ofSeconds(20));
    System.out.println(
        "RBAC-RESULT baseline Complete in "
            + probes.completedIn()
            + "; patience "
            + variantPatience);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void withTheShippedRulesEveryCheckPassesAndNothingIsForbidden() {
    String user = user("all");
    assertEquals(List.of(), baseline, "checks failed with every rule");
    assertEquals(List.of(), audit.forbidden(user), "requests refused with every rule");
    System.out.println(
        "allowed requests of the operator:\n  " + String.join("\n  ", audit.allowed(user)));
  }

  @TestFactory
  Stream<DynamicTest> withoutAnyOneRuleANamedCheckFails() {
    List<OperatorRbac.Rule> rules =
        Boolean.getBoolean("rbac.verbs") ? lab.rbac().verbs() : lab.rbac().rules();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      OperatorRbac.Rule rule = rules.get(i);
      String suffix = "r" + i;
      tests.add(
          DynamicTest.dynamicTest(
              "without " + rule,
              () -> {
                List<String> failed =
                    new Probes(lab, variantPatience).run(suffix, Optional.of(rule));
                System.out.println("RBAC-RESULT without " + rule + " => " + failed);
                assertFalse(failed.isEmpty(), "every check passed without " + rule);
              }));
    }
    return tests.stream();
  }

  private static Duration clamp(Duration value, Duration min, Duration max) {
    return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
  }

  private static String user(String suffix) {
    return "system:serviceaccount:" + OperatorRbac.NAMESPACE + ":" + OperatorRbac.account(suffix);
  }
}
