package io.illm.lab.operator.adapters.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.model.Component;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The component catalogue against the fabric8 mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesComponentsTest {

  private static final ExperimentId EXPERIMENT = new ExperimentId("lab", "tsdb");

  KubernetesClient client;

  @Test
  void theNamesWithoutAComponentObjectAreMissing() {
    Component prometheus = new Component();
    prometheus.setMetadata(new ObjectMetaBuilder().withName("prometheus").build());
    client.resource(prometheus).create();

    assertEquals(
        Set.of("k6"),
        new KubernetesComponents(client).missing(EXPERIMENT, Set.of("prometheus", "k6")));
  }

  @Test
  void nothingAskedIsNothingMissing() {
    assertEquals(Set.of(), new KubernetesComponents(client).missing(EXPERIMENT, Set.of()));
  }
}
