package io.illm.lab.operator.adapters.crossplane;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.adapters.kubernetes.ChildCache;
import io.illm.lab.operator.adapters.kubernetes.KubernetesCalls;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.ClusterCredentials;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.TutorialSecrets;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteKubeconfig;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Action.UnregisterCluster;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.ports.Clusters;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster port on a Kubernetes API server: Crossplane {@code ClusterClaim}s in the claims
 * namespace (shaped by {@link ClaimShapes}), their ArgoCD cluster Secrets in the ArgoCD namespace
 * (shaped by {@link ApplicationShapes#clusterSecret}) with the credentials read from the kubeconfig
 * Crossplane writes into the claim's connection secret, and a tutorial's copies of that kubeconfig
 * for the learner beside it, in the claims namespace ({@link TutorialSecrets}).
 */
public final class CrossplaneClusters implements Clusters {

  /** The key of the connection secret that holds the kubeconfig. */
  public static final String KUBECONFIG_KEY = "kubeconfig";

  private final KubernetesClient client;
  private final Placement placement;
  private final ClaimShapes claims;
  private final ApplicationShapes argocd;
  private final ChildCache cache;

  /** Reads every observation afresh from the API server. */
  public CrossplaneClusters(KubernetesClient client, Placement placement) {
    this(client, placement, ChildCache.NONE);
  }

  /** Observes the claims and cluster Secrets from {@code cache} when it has them, else afresh. */
  public CrossplaneClusters(KubernetesClient client, Placement placement, ChildCache cache) {
    this.client = client;
    this.cache = cache;
    this.placement = placement;
    this.claims = new ClaimShapes(placement);
    this.argocd = new ApplicationShapes(placement);
  }

  @Override
  public Map<String, ClusterObservation> observe(ExperimentId experiment) {
    var found =
        cache
            .children(ClusterClaim.class, experiment.name())
            .orElseGet(
                () ->
                    KubernetesCalls.call(
                        "listing the cluster claims of " + experiment,
                        () ->
                            claimsOf()
                                .withLabels(ChildLabels.of(experiment.name()))
                                .list()
                                .getItems()));
    Set<String> registered = registeredClusters(experiment);
    Map<String, ClusterObservation> out = new TreeMap<>();
    for (ClusterClaim claim : found) {
      String name = claim.getMetadata().getName();
      out.put(name, ClaimShapes.observe(claim, registered.contains(name)));
    }
    for (String cluster : registered) {
      out.putIfAbsent(cluster, new ClusterObservation(ClusterState.ABSENT, null, null, true));
    }
    return out;
  }

  @Override
  public void create(ExperimentId experiment, CreateClusterClaim action) {
    claims
        .claim(experiment.name(), action)
        .ifPresent(
            claim ->
                KubernetesCalls.createUnlessExists(
                    "creating cluster claim " + action.name(),
                    () -> client.resource(claim).create()));
  }

  @Override
  public void delete(ExperimentId experiment, DeleteClusterClaim action) {
    KubernetesCalls.run(
        "deleting cluster claim " + action.name(),
        () -> claimsOf().withName(action.name()).delete());
  }

  /**
   * Registers the cluster from the kubeconfig in the claim's connection secret, server-side applied
   * as the lab's field manager (the one child the operator rewrites); a secret not (yet) written or
   * without usable credentials is a PortException, so the engine tries again.
   */
  @Override
  public void register(ExperimentId experiment, RegisterCluster action) {
    String connection = ClaimShapes.connectionSecret(action.clusterName());
    Secret source =
        KubernetesCalls.call(
            "reading connection secret " + connection,
            () -> client.secrets().inNamespace(placement.claims()).withName(connection).get());
    ClusterCredentials credentials =
        ClusterCredentials.fromKubeconfig(kubeconfig(source, connection))
            .orElseThrow(
                () ->
                    new PortException(
                        "connection secret "
                            + placement.claims()
                            + "/"
                            + connection
                            + ": key "
                            + KUBECONFIG_KEY
                            + " has no current context (is the kubeconfig complete?)"));
    Secret secret = argocd.clusterSecret(experiment.name(), action, credentials);
    KubernetesCalls.apply("registering cluster " + action.clusterName(), client, secret);
  }

  @Override
  public void unregister(ExperimentId experiment, UnregisterCluster action) {
    String name = ExperimentNames.clusterSecretName(action.clusterName());
    KubernetesCalls.run(
        "unregistering cluster " + action.clusterName(),
        () -> client.secrets().inNamespace(placement.argocd()).withName(name).delete());
  }

  @Override
  public String kubeconfigNamespace() {
    return placement.claims();
  }

  @Override
  public Map<String, String> kubeconfigSecrets(ExperimentId experiment, Set<String> names) {
    Map<String, String> selector = TutorialSecrets.selector(experiment.name());
    Map<String, String> out = new TreeMap<>();
    for (String name : names) {
      Secret secret =
          KubernetesCalls.call(
              "reading tutorial kubeconfig secret " + placement.claims() + "/" + name,
              () -> client.secrets().inNamespace(placement.claims()).withName(name).get());
      Map<String, String> labels =
          secret == null || secret.getMetadata().getLabels() == null
              ? Map.of()
              : secret.getMetadata().getLabels();
      String cluster = labels.get(ChildLabels.CLUSTER);
      if (cluster != null && labels.entrySet().containsAll(selector.entrySet())) {
        out.put(cluster, name);
      }
    }
    return out;
  }

  /** Copies the kubeconfig of the claim's connection secret as it is; an existing copy is kept. */
  @Override
  public void exposeKubeconfig(ExperimentId experiment, ExposeKubeconfig action) {
    String connection = ClaimShapes.connectionSecret(action.clusterName());
    Secret source =
        KubernetesCalls.call(
            "reading connection secret " + connection,
            () -> client.secrets().inNamespace(placement.claims()).withName(connection).get());
    Secret secret =
        TutorialSecrets.secret(
            experiment.name(), placement.claims(), action, kubeconfig(source, connection));
    KubernetesCalls.createUnlessExists(
        "writing tutorial kubeconfig secret " + action.secret(),
        () -> client.resource(secret).create());
  }

  @Override
  public void deleteKubeconfig(ExperimentId experiment, DeleteKubeconfig action) {
    KubernetesCalls.run(
        "deleting tutorial kubeconfig secret " + action.secret(),
        () -> client.secrets().inNamespace(placement.claims()).withName(action.secret()).delete());
  }

  private Set<String> registeredClusters(ExperimentId experiment) {
    Map<String, String> labels = ChildLabels.of(experiment.name());
    labels.put(ApplicationShapes.SECRET_TYPE, "cluster");
    var secrets =
        cache
            .children(Secret.class, experiment.name())
            .orElseGet(
                () ->
                    KubernetesCalls.call(
                        "listing the cluster secrets of " + experiment,
                        () ->
                            client
                                .secrets()
                                .inNamespace(placement.argocd())
                                .withLabels(labels)
                                .list()
                                .getItems()));
    Set<String> clusters = new TreeSet<>();
    for (Secret secret : secrets) {
      String cluster = secret.getMetadata().getLabels().get(ChildLabels.CLUSTER);
      if (cluster != null) {
        clusters.add(cluster);
      }
    }
    return clusters;
  }

  private NonNamespaceOperation<
          ClusterClaim, KubernetesResourceList<ClusterClaim>, Resource<ClusterClaim>>
      claimsOf() {
    return client.resources(ClusterClaim.class).inNamespace(placement.claims());
  }

  private String kubeconfig(Secret secret, String name) {
    if (secret == null) {
      throw new PortException(
          "connection secret " + placement.claims() + "/" + name + " does not exist yet");
    }
    if (secret.getData() != null && secret.getData().get(KUBECONFIG_KEY) != null) {
      try {
        return new String(
            Base64.getDecoder().decode(secret.getData().get(KUBECONFIG_KEY)),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new PortException(
            "connection secret "
                + placement.claims()
                + "/"
                + name
                + ": key "
                + KUBECONFIG_KEY
                + " is not base64 ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    if (secret.getStringData() != null && secret.getStringData().get(KUBECONFIG_KEY) != null) {
      return secret.getStringData().get(KUBECONFIG_KEY);
    }
    throw new PortException(
        "connection secret " + placement.claims() + "/" + name + " has no key " + KUBECONFIG_KEY);
  }
}
