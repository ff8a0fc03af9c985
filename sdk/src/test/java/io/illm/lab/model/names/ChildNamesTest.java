package io.illm.lab.model.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The child objects' names the operator creates (derived from experiment and target). */
class ChildNamesTest {

  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void shortNamesAreExperimentDashTarget() {
    assertEquals("tsdb-app", ExperimentNames.clusterName("tsdb", "app"));
    assertEquals(
        "tsdb-app-prometheus", ExperimentNames.applicationName("tsdb", "app", "prometheus"));
    assertEquals("tsdb-run", ExperimentNames.workflowName("tsdb"));
  }

  @Test
  void aClaimNameLeavesRoomForCrossplanesPrefixAndSuffixWithinGkes40Characters() {
    String claim = ExperimentNames.clusterName("victoria-metrics-comparison", "loadgen");
    assertEquals(29, ExperimentNames.MAX_CLUSTER_NAME);
    assertTrue(claim.length() <= 29, claim);
    assertTrue(("illm-" + claim + "-abcde").length() <= 40, claim);
    assertTrue(claim.matches(DNS_LABEL), claim);
    assertTrue(claim.startsWith("victoria-metrics-"), claim);
  }

  @Test
  void shortenedNamesAreStableAndDistinct() {
    String a = ExperimentNames.clusterName("victoria-metrics-comparison", "loadgen");
    assertEquals(a, ExperimentNames.clusterName("victoria-metrics-comparison", "loadgen"));
    assertNotEquals(a, ExperimentNames.clusterName("victoria-metrics-comparison", "loadgen2"));
  }

  @Test
  void aHeadEndingInADashDoesNotMakeADoubleDash() {
    String name = ExperimentNames.fit("abcdefghijklmnopqrst-vwxyz-0123456789", 29);
    assertTrue(name.matches(DNS_LABEL) && !name.contains("--"), name);
    assertTrue(name.length() <= 29, name);
  }

  @Test
  void applicationNamesFitADnsLabel() {
    String name = ExperimentNames.applicationName("a".repeat(40), "b".repeat(30), "c".repeat(30));
    assertTrue(name.length() <= 63 && name.matches(DNS_LABEL), name);
  }
}
