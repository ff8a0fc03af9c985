package io.illm.lab.operator.children;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.children.crossplane.ClusterClaimSpec;
import io.illm.lab.operator.children.crossplane.ClusterClaimStatus;
import io.illm.lab.operator.children.crossplane.clusterclaimstatus.Conditions;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimShapesTest {

  private final ClaimShapes clusters = new ClaimShapes(Placement.DEFAULT);

  @Test
  void gkeDefaultsToAZonalSpotlessE2Medium() {
    ClusterClaim claim = claim(shape(Provider.GKE)).orElseThrow();
    ClusterClaimSpec spec = claim.getSpec();
    assertEquals(ClusterClaimSpec.Provider.GKE, spec.getProvider());
    assertEquals("us-central1-a", spec.getZone());
    assertNull(spec.getRegion());
    assertEquals("e2-medium", spec.getMachineType());
    assertEquals(1L, spec.getNodeCount());
    assertEquals(50L, spec.getDiskSizeGb());
    assertEquals(false, spec.getPreemptible());
    assertEquals(Map.of("provider", "gke"), spec.getCompositionSelector().getMatchLabels());
    assertEquals("exp-app-kubeconfig", spec.getWriteConnectionSecretToRef().getName());
  }

  @Test
  void aRegionalGkeClusterHasNoZone() {
    ClusterSpec shape = shape(Provider.GKE);
    shape.setRegion("europe-west1");
    ClusterClaimSpec spec = claim(shape).orElseThrow().getSpec();
    assertNull(spec.getZone());
    assertEquals("europe-west1", spec.getRegion());
  }

  @Test
  void eksAndAksGetTheirRegionAndMachineDefaults() {
    ClusterClaimSpec eks = claim(shape(Provider.EKS)).orElseThrow().getSpec();
    ClusterClaimSpec aks = claim(shape(Provider.AKS)).orElseThrow().getSpec();
    assertEquals(
        List.of("us-east-1", "m6i.large", "eks"),
        List.of(
            eks.getRegion(),
            eks.getMachineType(),
            eks.getCompositionSelector().getMatchLabels().get("provider")));
    assertEquals(
        List.of("eastus", "Standard_D2s_v5", "aks"),
        List.of(
            aks.getRegion(),
            aks.getMachineType(),
            aks.getCompositionSelector().getMatchLabels().get("provider")));
    assertNull(eks.getZone());
  }

  @Test
  void theUsersShapeIsKept() {
    ClusterSpec shape =
        new ClusterSpec(Provider.EKS, true, null, "eu-west-1", "c6i.xlarge", 4, 100, "1.31");
    ClusterClaimSpec spec = claim(shape).orElseThrow().getSpec();
    assertEquals(
        List.of("eu-west-1", "c6i.xlarge", "4", "100", "true", "1.31"),
        List.of(
            spec.getRegion(),
            spec.getMachineType(),
            "" + spec.getNodeCount(),
            "" + spec.getDiskSizeGb(),
            "" + spec.getPreemptible(),
            spec.getKubernetesVersion()));
  }

  @Test
  void aHubTargetCreatesNothing() {
    assertEquals(Optional.empty(), claim(shape(Provider.HUB)));
  }

  @Test
  void theClaimIsNamedAndLabelledForItsExperimentAndTarget() {
    ClusterClaim claim = claim(shape(Provider.GKE)).orElseThrow();
    assertEquals("exp-app", claim.getMetadata().getName());
    assertEquals("experiments", claim.getMetadata().getNamespace());
    assertEquals(
        Map.of(
            "app.kubernetes.io/managed-by",
            "illm-lab",
            "experiments.illm.io/experiment",
            "exp",
            "experiments.illm.io/target",
            "app",
            "experiments.illm.io/cluster",
            "exp-app"),
        claim.getMetadata().getLabels());
    assertEquals("illm.io/v1alpha1", claim.getApiVersion());
    assertEquals("ClusterClaim", claim.getKind());
  }

  /** GKE allows 40 characters; Crossplane makes illm-<claim>-xxxxx of the claim name. */
  @Test
  void everyClaimNameFitsGkesLimitWhateverTheExperimentIsCalled() {
    for (String experiment :
        List.of("a", "tsdb-comparison", "x".repeat(63), "long-experiment-name-" + "y".repeat(40))) {
      for (String target : List.of("app", "t".repeat(63))) {
        String name = ExperimentNames.clusterName(experiment, target);
        assertTrue(("illm-" + name + "-abcde").length() <= 40, name);
        assertEquals(
            name,
            clusters
                .claim(experiment, new CreateClusterClaim(target, name, shape(Provider.GKE)))
                .orElseThrow()
                .getMetadata()
                .getName());
      }
    }
  }

  @Test
  void readyWithAnEndpointIsReadyAndSyncedFalseIsAFailure() {
    assertEquals(ClusterState.ABSENT, ClaimShapes.observe(null, false).state());
    assertEquals(
        ClusterState.PROVISIONING, ClaimShapes.observe(withConditions(null), false).state());
    ClusterClaim ready = withConditions("1.2.3.4", condition("Ready", "True", null));
    assertEquals(ClusterState.READY, ClaimShapes.observe(ready, true).state());
    assertEquals("1.2.3.4", ClaimShapes.observe(ready, true).endpoint());
    ClusterClaim readyWithoutEndpoint = withConditions(null, condition("Ready", "True", null));
    assertEquals(
        ClusterState.PROVISIONING, ClaimShapes.observe(readyWithoutEndpoint, false).state());
    ClusterClaim failed = withConditions(null, condition("Synced", "False", "quota exceeded"));
    assertEquals(ClusterState.FAILED, ClaimShapes.observe(failed, false).state());
    assertEquals("quota exceeded", ClaimShapes.observe(failed, false).message());
  }

  private Optional<ClusterClaim> claim(ClusterSpec shape) {
    return clusters.claim("exp", new CreateClusterClaim("app", "exp-app", shape));
  }

  private static ClusterSpec shape(Provider provider) {
    ClusterSpec shape = new ClusterSpec();
    shape.setProvider(provider);
    return shape;
  }

  private static ClusterClaim withConditions(String endpoint, Conditions... conditions) {
    ClusterClaim claim = new ClusterClaim();
    ClusterClaimStatus status = new ClusterClaimStatus();
    status.setEndpoint(endpoint);
    status.setConditions(List.of(conditions));
    claim.setStatus(status);
    return claim;
  }

  private static Conditions condition(String type, String status, String message) {
    Conditions condition = new Conditions();
    condition.setType(type);
    condition.setStatus(status);
    condition.setMessage(message);
    return condition;
  }
}
