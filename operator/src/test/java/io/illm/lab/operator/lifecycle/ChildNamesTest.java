package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ComponentRef;
import org.junit.jupiter.api.Test;

class ChildNamesTest {

  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void shortNamesAreExperimentDashTarget() {
    assertEquals("tsdb-app", ChildNames.clusterClaim("tsdb", "app"));
    assertEquals("tsdb-app-prometheus", ChildNames.application("tsdb", "app", "prometheus"));
    assertEquals("tsdb-run", ChildNames.workflow("tsdb"));
  }

  @Test
  void aClaimNameLeavesRoomForCrossplanesPrefixAndSuffixWithinGkes40Characters() {
    String claim = ChildNames.clusterClaim("victoria-metrics-comparison", "loadgen");
    assertEquals(29, ChildNames.CLAIM_MAX);
    assertTrue(claim.length() <= 29, claim);
    assertTrue(("illm-" + claim + "-abcde").length() <= 40, claim);
    assertTrue(claim.matches(DNS_LABEL), claim);
    assertTrue(claim.startsWith("victoria-metrics-"), claim);
  }

  @Test
  void shortenedNamesAreStableAndDistinct() {
    String a = ChildNames.clusterClaim("victoria-metrics-comparison", "loadgen");
    assertEquals(a, ChildNames.clusterClaim("victoria-metrics-comparison", "loadgen"));
    assertNotEquals(a, ChildNames.clusterClaim("victoria-metrics-comparison", "loadgen2"));
  }

  @Test
  void aHeadEndingInADashDoesNotMakeADoubleDash() {
    String name =
        io.illm.lab.model.names.ExperimentNames.fit("abcdefghijklmnopqrst-vwxyz-0123456789", 29);
    assertTrue(name.matches(DNS_LABEL) && !name.contains("--"), name);
    assertTrue(name.length() <= 29, name);
  }

  @Test
  void applicationNamesFitADnsLabel() {
    String name = ChildNames.application("a".repeat(40), "b".repeat(30), "c".repeat(30));
    assertTrue(name.length() <= 63 && name.matches(DNS_LABEL), name);
  }

  @Test
  void aComponentReferenceNamesExactlyOneComponent() {
    assertEquals("k6", ChildNames.component(new ComponentRef(null, "k6", null, null)));
    assertNull(ChildNames.component(new ComponentRef("a", "b", null, null)));
    assertNull(ChildNames.component(new ComponentRef(null, null, null, null)));
  }
}
