package io.illm.lab.operator.adapters.crossplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.model.Provider;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.adapters.kubernetes.ChildCrds;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.children.crossplane.ClusterClaimStatus;
import io.illm.lab.operator.children.crossplane.clusterclaimstatus.Conditions;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteKubeconfig;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Action.UnregisterCluster;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster port against the fabric8 mock API server in CRUD mode; the test plays Crossplane. */
@EnableKubernetesMockClient(crud = true)
class CrossplaneClustersTest {

  static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: c
      contexts: [{name: c, context: {cluster: k, user: u}}]
      clusters: [{name: k, cluster: {server: "https://1.2.3.4", certificate-authority-data: Q0E=}}]
      users: [{name: u, user: {token: secret-token}}]
      """;

  private static final ExperimentId EXPERIMENT = new ExperimentId("lab", "tsdb");
  private static final String CLAIM = "tsdb-app";

  KubernetesClient client;
  private CrossplaneClusters clusters;

  @BeforeEach
  void wire() {
    ChildCrds.apply(client);
    clusters = new CrossplaneClusters(client, Placement.DEFAULT);
  }

  @Test
  void creatingTwiceCreatesOneClaimAndLeavesTheFirst() {
    clusters.create(EXPERIMENT, create(CLAIM, Provider.GKE));
    ClusterClaim first = claim(CLAIM);
    clusters.create(EXPERIMENT, create(CLAIM, Provider.EKS));

    assertEquals(
        1,
        client.resources(ClusterClaim.class).inNamespace("experiments").list().getItems().size());
    assertEquals(first.getSpec().getProvider(), claim(CLAIM).getSpec().getProvider());
    assertEquals(
        "tsdb", claim(CLAIM).getMetadata().getLabels().get("experiments.illm.io/experiment"));
  }

  @Test
  void aHubTargetCreatesNoClaim() {
    clusters.create(EXPERIMENT, create("tsdb-load", Provider.HUB));

    assertEquals(
        List.of(),
        client.resources(ClusterClaim.class).inNamespace("experiments").list().getItems());
  }

  @Test
  void observeMapsEveryStateOfTheClaim() {
    assertEquals(Map.of(), clusters.observe(EXPERIMENT));

    clusters.create(EXPERIMENT, create(CLAIM, Provider.GKE));
    assertEquals(ClusterState.PROVISIONING, observed().state());

    setStatus(null, condition("Synced", "False", "quota exceeded"));
    assertEquals(
        new ClusterObservation(ClusterState.FAILED, null, "quota exceeded", false), observed());

    setStatus("34.1.2.3", condition("Synced", "True", null), condition("Ready", "True", null));
    assertEquals(new ClusterObservation(ClusterState.READY, "34.1.2.3", null, false), observed());

    ClusterClaim held = claim(CLAIM);
    held.getMetadata().setFinalizers(new ArrayList<>(List.of("finalizer.crossplane.io")));
    client.resource(held).update();
    clusters.delete(EXPERIMENT, new DeleteClusterClaim(CLAIM));
    assertEquals(ClusterState.DELETING, observed().state());

    ClusterClaim deleting = claim(CLAIM);
    deleting.getMetadata().setFinalizers(List.of());
    client.resource(deleting).update();
    assertEquals(Map.of(), clusters.observe(EXPERIMENT));
  }

  @Test
  void claimsOfOtherExperimentsAreNotObserved() {
    clusters.create(new ExperimentId("lab", "other"), create("other-app", Provider.GKE));

    assertEquals(Map.of(), clusters.observe(EXPERIMENT));
  }

  @Test
  void deleteThenObserveIsGoneAndDeletingAMissingClaimIsFine() {
    clusters.create(EXPERIMENT, create(CLAIM, Provider.GKE));

    clusters.delete(EXPERIMENT, new DeleteClusterClaim(CLAIM));
    clusters.delete(EXPERIMENT, new DeleteClusterClaim(CLAIM));

    assertEquals(Map.of(), clusters.observe(EXPERIMENT));
  }

  @Test
  void registeringWritesTheArgoCdSecretFromTheConnectionSecret() {
    clusters.create(EXPERIMENT, create(CLAIM, Provider.GKE));
    writeConnectionSecret(CLAIM);

    clusters.register(EXPERIMENT, new RegisterCluster("app", CLAIM, "34.1.2.3"));
    clusters.register(EXPERIMENT, new RegisterCluster("app", CLAIM, "34.1.2.3"));

    assertTrue(observed().registered());
    Secret secret =
        client
            .secrets()
            .inNamespace("argocd")
            .withName(ExperimentNames.clusterSecretName(CLAIM))
            .get();
    assertEquals("https://34.1.2.3", secret.getStringData().get("server"));
    assertTrue(
        secret.getStringData().get("config").contains("secret-token"),
        secret.getStringData().get("config"));
  }

  @Test
  void aRegistrationWithoutItsClaimIsObservedAbsentAndRegistered() {
    writeConnectionSecret(CLAIM);
    clusters.register(EXPERIMENT, new RegisterCluster("app", CLAIM, "34.1.2.3"));

    assertEquals(
        Map.of(CLAIM, new ClusterObservation(ClusterState.ABSENT, null, null, true)),
        clusters.observe(EXPERIMENT));

    clusters.unregister(EXPERIMENT, new UnregisterCluster(CLAIM));
    clusters.unregister(EXPERIMENT, new UnregisterCluster(CLAIM));

    assertEquals(Map.of(), clusters.observe(EXPERIMENT));
  }

  @Test
  void registeringBeforeCrossplaneWroteTheConnectionSecretIsTransient() {
    PortException e =
        assertThrows(
            PortException.class,
            () -> clusters.register(EXPERIMENT, new RegisterCluster("app", CLAIM, "34.1.2.3")));

    assertTrue(e.getMessage().contains("experiments/tsdb-app-kubeconfig"), e.getMessage());
  }

  @Test
  void anApiServerThatDoesNotAnswerIsAPortException() {
    try (KubernetesClient unreachable =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:1")
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      CrossplaneClusters down = new CrossplaneClusters(unreachable, Placement.DEFAULT);

      PortException e = assertThrows(PortException.class, () -> down.observe(EXPERIMENT));
      assertTrue(
          e.getMessage().startsWith("listing the cluster claims of lab/tsdb"), e.getMessage());
      assertThrows(PortException.class, () -> down.create(EXPERIMENT, create(CLAIM, Provider.GKE)));
    }
  }

  @Test
  void aTutorialKubeconfigIsTheConnectionSecretsCopyBesideItUntilDeleted() {
    writeConnectionSecret(CLAIM);
    String name = ExperimentNames.tutorialKubeconfigSecretName("tsdb", "app");
    ExposeKubeconfig expose = new ExposeKubeconfig("app", CLAIM, name);

    clusters.exposeKubeconfig(EXPERIMENT, expose);
    clusters.exposeKubeconfig(EXPERIMENT, expose);

    assertEquals("experiments", clusters.kubeconfigNamespace());
    assertNull(
        client.secrets().inNamespace("lab").withName(name).get(),
        "not in the experiment's namespace: the operator may not write Secrets there");
    Secret secret = client.secrets().inNamespace("experiments").withName(name).get();
    assertEquals(
        KUBECONFIG,
        new String(
            Base64.getDecoder().decode(secret.getData().get(KubeconfigSecret.KEY)),
            StandardCharsets.UTF_8));
    assertEquals("app", secret.getMetadata().getLabels().get("experiments.illm.io/target"));
    assertEquals(Map.of(CLAIM, name), clusters.kubeconfigSecrets(EXPERIMENT, Set.of(name)));
    assertEquals(
        Map.of(),
        clusters.kubeconfigSecrets(new ExperimentId("lab", "other"), Set.of(name)),
        "another experiment's are not its, even by name");
    assertEquals(
        Map.of(),
        clusters.kubeconfigSecrets(EXPERIMENT, Set.of(ClaimShapes.connectionSecret(CLAIM))),
        "the connection Secret beside it is not a tutorial's");

    clusters.deleteKubeconfig(EXPERIMENT, new DeleteKubeconfig(name));
    clusters.deleteKubeconfig(EXPERIMENT, new DeleteKubeconfig(name));

    assertEquals(Map.of(), clusters.kubeconfigSecrets(EXPERIMENT, Set.of(name)));
    assertNotNull(
        client
            .secrets()
            .inNamespace("experiments")
            .withName(ClaimShapes.connectionSecret(CLAIM))
            .get(),
        "the connection Secret stays");
  }

  @Test
  void aTutorialKubeconfigBeforeCrossplaneWroteTheConnectionSecretIsTransient() {
    PortException e =
        assertThrows(
            PortException.class,
            () ->
                clusters.exposeKubeconfig(
                    EXPERIMENT,
                    new ExposeKubeconfig("app", CLAIM, "tsdb-app-tutorial-kubeconfig")));

    assertTrue(e.getMessage().contains("does not exist yet"), e.getMessage());
    assertEquals(
        Map.of(), clusters.kubeconfigSecrets(EXPERIMENT, Set.of("tsdb-app-tutorial-kubeconfig")));
  }

  private ClusterObservation observed() {
    return clusters.observe(EXPERIMENT).get(CLAIM);
  }

  private ClusterClaim claim(String name) {
    return client.resources(ClusterClaim.class).inNamespace("experiments").withName(name).get();
  }

  /** What Crossplane does: writes the claim's status through the status subresource. */
  private void setStatus(String endpoint, Conditions... conditions) {
    ClusterClaim claim = claim(CLAIM);
    ClusterClaimStatus status = new ClusterClaimStatus();
    status.setEndpoint(endpoint);
    status.setConditions(List.of(conditions));
    claim.setStatus(status);
    client.resource(claim).updateStatus();
  }

  private void writeConnectionSecret(String claim) {
    String encoded =
        Base64.getEncoder().encodeToString(KUBECONFIG.getBytes(StandardCharsets.UTF_8));
    client
        .resource(
            new SecretBuilder()
                .withMetadata(
                    new ObjectMetaBuilder()
                        .withName(ClaimShapes.connectionSecret(claim))
                        .withNamespace("experiments")
                        .build())
                .withData(Map.of(CrossplaneClusters.KUBECONFIG_KEY, encoded))
                .build())
        .create();
  }

  static Conditions condition(String type, String status, String message) {
    Conditions condition = new Conditions();
    condition.setType(type);
    condition.setStatus(status);
    condition.setMessage(message);
    return condition;
  }

  static CreateClusterClaim create(String name, Provider provider) {
    ClusterSpec shape = new ClusterSpec();
    shape.setProvider(provider);
    return new CreateClusterClaim("app", name, shape);
  }
}
