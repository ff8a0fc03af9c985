package io.illm.lab.model.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExperimentNamesTest {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  @Test
  void namesThatFitAreKeptAsTheyAre() {
    assertEquals("tsdb-app", ExperimentNames.clusterName("tsdb", "app"));
    assertEquals("tsdb-app-loki", ExperimentNames.applicationName("tsdb", "app", "loki"));
    assertEquals("tsdb-run", ExperimentNames.workflowName("tsdb"));
    assertEquals("cluster-tsdb-app", ExperimentNames.clusterSecretName("tsdb", "app"));
  }

  @Test
  void aClusterNameFitsGkesLimitAfterCrossplanesDecoration() {
    assertEquals(29, ExperimentNames.MAX_CLUSTER_NAME);
    String fits = ExperimentNames.clusterName("a".repeat(20), "b".repeat(8)); // exactly 29
    assertEquals("a".repeat(20) + "-" + "b".repeat(8), fits);
    String name = ExperimentNames.clusterName("tsdb-comparison-long", "loadgenerator");
    assertEquals(29, name.length(), name);
    assertTrue(("illm-" + name + "-xxxxx").length() <= 40);
    assertTrue(name.startsWith("tsdb-comparison-long"), name);
    assertTrue(DNS_LABEL.matcher(name).matches(), name);
  }

  @Test
  void shorteningIsDeterministicAndKeepsDifferentNamesApart() {
    String a = ExperimentNames.clusterName("tsdb-comparison-long", "loadgenerator-a");
    String b = ExperimentNames.clusterName("tsdb-comparison-long", "loadgenerator-b");
    assertEquals(a, ExperimentNames.clusterName("tsdb-comparison-long", "loadgenerator-a"));
    assertNotEquals(a, b);
  }

  @Test
  void aShortenedPrefixNeverEndsInADash() {
    // the cut falls right after "abcdefghij-klmnopqrs-": the dash must not be kept before the hash
    String name = ExperimentNames.fit("abcdefghij-klmnopqrs-tuvwxyz-0123456789", 29);
    assertTrue(DNS_LABEL.matcher(name).matches(), name);
    assertTrue(!name.contains("--"), name);
  }

  @Test
  void longNamesStayWithin63() {
    String exp = "e".repeat(63);
    String target = "t".repeat(63);
    for (String name :
        new String[] {
          ExperimentNames.applicationName(exp, target, "component"),
          ExperimentNames.workflowName(exp)
        }) {
      assertEquals(63, name.length(), name);
      assertTrue(DNS_LABEL.matcher(name).matches(), name);
    }
    assertTrue(ExperimentNames.clusterSecretName(exp, target).length() <= 8 + 29);
  }
}
