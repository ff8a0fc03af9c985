package io.illm.lab.hub.controllers;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.operator.adapters.crossplane.CrossplaneClusters;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.children.crossplane.ClusterClaimStatus;
import io.illm.lab.operator.children.crossplane.clusterclaimstatus.Conditions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Crossplane, simulated, for {@code ClusterClaim}s: on a new claim it adds Crossplane's finalizer
 * and says Synced, not yet Ready; after {@link SimTimings#clusterReady()} it writes the connection
 * secret (a kubeconfig for a cluster that does not exist) and sets Ready with an endpoint under
 * {@code .simulated.invalid}, or, with the claim's {@link #fail failure switch} on, Synced=False
 * with reason ReconcileError. A deleted claim keeps its finalizer for {@link
 * SimTimings#clusterGone()}, then loses it together with its connection secret, and is gone.
 */
public final class SimCrossplane extends SimController<ClusterClaim> {

  /** The finalizer Crossplane puts on claims. */
  public static final String FINALIZER = "finalizer.apiextensions.crossplane.io";

  private final KubernetesClient client;
  private final Placement placement;
  private final SimTimings timings;

  SimCrossplane(
      KubernetesClient client,
      Placement placement,
      SimClock clock,
      SimTimings timings,
      SimLanes lanes) {
    super(client.resources(ClusterClaim.class), placement.claims(), clock, lanes);
    this.client = client;
    this.placement = placement;
    this.timings = timings;
  }

  @Override
  void react(ClusterClaim claim) {
    String name = claim.getMetadata().getName();
    if (claim.getMetadata().getDeletionTimestamp() != null) {
      once(
          "delete",
          claim,
          timings.clusterGone(),
          () -> {
            client
                .secrets()
                .inNamespace(placement.claims())
                .withName(ClaimShapes.connectionSecret(name))
                .delete();
            edit(
                name,
                c -> {
                  c.getMetadata()
                      .setFinalizers(without(c.getMetadata().getFinalizers(), FINALIZER));
                  return c;
                });
          });
      return;
    }
    once(
        "adopt",
        claim,
        Duration.ZERO,
        () -> {
          edit(
              name,
              c -> {
                SimControllers.mark(c);
                c.getMetadata().setFinalizers(with(c.getMetadata().getFinalizers(), FINALIZER));
                return c;
              });
          editStatus(
              name,
              c -> {
                c.setStatus(
                    status(
                        null,
                        condition("Synced", "True", "ReconcileSuccess", null),
                        condition(
                            "Ready",
                            "False",
                            "Creating",
                            SimControllers.message("creating the cluster"))));
                return c;
              });
        });
    once("provision", claim, timings.clusterReady(), () -> provisioned(name));
  }

  private void provisioned(String name) {
    ClusterClaim claim = current(name);
    if (claim == null || claim.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    var failure = failure(name);
    if (failure.isPresent()) {
      editStatus(
          name,
          c -> {
            c.setStatus(
                status(
                    null,
                    condition("Synced", "False", "ReconcileError", failure.get()),
                    condition("Ready", "False", "Creating", failure.get())));
            return c;
          });
      return;
    }
    String endpoint = name + ".simulated.invalid";
    client.resource(connectionSecret(name, endpoint)).createOr(s -> s.update());
    editStatus(
        name,
        c -> {
          c.setStatus(
              status(
                  endpoint,
                  condition("Synced", "True", "ReconcileSuccess", null),
                  condition(
                      "Ready",
                      "True",
                      "Available",
                      SimControllers.message("the cluster is available"))));
          return c;
        });
  }

  /**
   * The Secret Crossplane writes for a claim: a kubeconfig whose credentials say they are
   * simulated.
   */
  private Secret connectionSecret(String claim, String endpoint) {
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        current-context: %1$s
        contexts: [{name: %1$s, context: {cluster: %1$s, user: %1$s}}]
        clusters: [{name: %1$s, cluster: {server: "https://%2$s", certificate-authority-data: %3$s}}]
        users: [{name: %1$s, user: {token: simulated-token}}]
        """
            .formatted(claim, endpoint, base64("simulated certificate authority"));
    return SimControllers.mark(
        new SecretBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(ClaimShapes.connectionSecret(claim))
                    .withNamespace(placement.claims())
                    .build())
            .withData(Map.of(CrossplaneClusters.KUBECONFIG_KEY, base64(kubeconfig)))
            .build());
  }

  private ClusterClaimStatus status(String endpoint, Conditions... conditions) {
    ClusterClaimStatus status = new ClusterClaimStatus();
    status.setEndpoint(endpoint);
    status.setConditions(new ArrayList<>(List.of(conditions)));
    return status;
  }

  private Conditions condition(String type, String value, String reason, String message) {
    Conditions condition = new Conditions();
    condition.setType(type);
    condition.setStatus(value);
    condition.setReason(reason);
    condition.setMessage(message);
    condition.setLastTransitionTime(now());
    return condition;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> with(List<String> finalizers, String finalizer) {
    List<String> out = finalizers == null ? new ArrayList<>() : new ArrayList<>(finalizers);
    if (!out.contains(finalizer)) {
      out.add(finalizer);
    }
    return out;
  }

  static List<String> without(List<String> finalizers, String finalizer) {
    List<String> out = finalizers == null ? new ArrayList<>() : new ArrayList<>(finalizers);
    out.remove(finalizer);
    return out;
  }
}
