package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;
import org.junit.jupiter.api.Test;

class CloudClusterTest {

  @Test
  void shapesAreValuesThatTargetsCanShare() {
    CloudCluster small = gke(GkeMachine.E2_STANDARD_2).spot();
    CloudCluster big = small.nodes(5).disk(200);
    assertEquals(
        new ClusterSpec(Provider.GKE, true, null, null, "e2-standard-2", null, null, null),
        small.spec());
    assertEquals(
        new ClusterSpec(Provider.GKE, true, null, null, "e2-standard-2", 5, 200, null), big.spec());
  }

  @Test
  void typedMachinesWriteTheProvidersSpelling() {
    assertEquals("m6i.large", eks(EksMachine.M6I_LARGE).spec().getMachineType());
    assertEquals("Standard_D2s_v5", aks(AksMachine.STANDARD_D2S_V5).spec().getMachineType());
    assertEquals("c3-standard-8", gke(GkeMachine.C3_STANDARD_8).spec().getMachineType());
  }

  @Test
  void theHubHasOnlyItsProvider() {
    assertEquals(
        new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null), hub().spec());
  }
}
