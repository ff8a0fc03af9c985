package io.illm.lab.platform.hub;

import static io.illm.lab.platform.Tree.list;
import static io.illm.lab.platform.Tree.map;
import static io.illm.lab.platform.author.Compositions.back;
import static io.illm.lab.platform.author.Compositions.composition;
import static io.illm.lab.platform.author.Compositions.connectionKey;
import static io.illm.lab.platform.author.Compositions.format;
import static io.illm.lab.platform.author.Compositions.from;
import static io.illm.lab.platform.author.Compositions.map;
import static io.illm.lab.platform.author.Compositions.resource;
import static io.illm.lab.platform.author.Compositions.toText;

import io.illm.lab.platform.author.Compositions;
import io.illm.lab.platform.kinds.crossplane.Composition;
import io.illm.lab.platform.kinds.pt.resources.Resources;
import io.illm.lab.platform.kinds.pt.resources.resources.Patches;
import java.util.List;
import java.util.Map;

/**
 * The GKE and AKS Compositions of the cluster API: a cluster and a node pool of the claimed shape,
 * the cluster's own connection secret (key {@code kubeconfig}, client certificate) passed on as the
 * composite's. EKS is {@link EksComposition}.
 */
public final class ClusterCompositions {

  private ClusterCompositions() {}

  /** The Composition of provider {@code provider} (gke, eks or aks). */
  public static Composition of(String provider) {
    return switch (provider) {
      case "gke" -> gke();
      case "eks" -> EksComposition.composition();
      case "aks" -> aks();
      default -> throw new IllegalArgumentException("no Composition for " + provider);
    };
  }

  /** The composite's connection secret name: its uid with a suffix, unique per cluster. */
  static Patches secretName(String suffix) {
    return from("metadata.uid", "spec.writeConnectionSecretToRef.name", format("%s-" + suffix));
  }

  static Composition named(String provider, List<Resources> resources) {
    return composition(
        "xclusters." + provider + ".illm.io",
        Map.of("provider", provider),
        ClusterApi.API_VERSION,
        ClusterApi.COMPOSITE,
        resources);
  }

  /**
   * GKE: a zonal (zone) or regional (region) cluster on the project's default VPC (the original's
   * per-cluster networks leaked, seed-inventory §11.1.2), its default pool kept with one node
   * (removing it raced with the node pool), client certificates issued for the kubeconfig.
   */
  static Composition gke() {
    Map<String, Object> cluster =
        map(
            "apiVersion",
            "container.gcp.upbound.io/v1beta2",
            "kind",
            "Cluster",
            "spec",
            map(
                "forProvider",
                map(
                    "initialNodeCount",
                    1,
                    "deletionProtection",
                    false,
                    "loggingService",
                    "none",
                    "monitoringService",
                    "none",
                    "releaseChannel",
                    map("channel", "REGULAR"),
                    "masterAuth",
                    map("clientCertificateConfig", map("issueClientCertificate", true))),
                "writeConnectionSecretToRef",
                map("namespace", Compositions.SECRETS_NAMESPACE)));
    Map<String, Object> pool =
        map(
            "apiVersion",
            "container.gcp.upbound.io/v1beta2",
            "kind",
            "NodePool",
            "spec",
            map(
                "forProvider",
                map(
                    "clusterSelector",
                    map("matchControllerRef", true),
                    "management",
                    map("autoRepair", true, "autoUpgrade", true),
                    "nodeConfig",
                    map(
                        "oauthScopes",
                        list("https://www.googleapis.com/auth/cloud-platform"),
                        "shieldedInstanceConfig",
                        map("enableSecureBoot", true, "enableIntegrityMonitoring", true)))));
    return named("gke", List.of(gkeCluster(cluster), gkePool(pool)));
  }

  private static Resources gkeCluster(Map<String, Object> base) {
    return resource(
        "cluster",
        base,
        List.of(
            from("spec.zone", "spec.forProvider.location"),
            from("spec.region", "spec.forProvider.location"),
            from("spec.kubernetesVersion", "spec.forProvider.minMasterVersion"),
            secretName("gke"),
            back("status.atProvider.endpoint", "status.endpoint"),
            back("metadata.annotations[crossplane.io/external-name]", "status.clusterName")),
        List.of(connectionKey(ClusterApi.KUBECONFIG, ClusterApi.KUBECONFIG)));
  }

  private static Resources gkePool(Map<String, Object> base) {
    return resource(
        "nodepool",
        base,
        List.of(
            from("spec.zone", "spec.forProvider.location"),
            from("spec.region", "spec.forProvider.location"),
            from("spec.nodeCount", "spec.forProvider.nodeCount"),
            from("spec.machineType", "spec.forProvider.nodeConfig.machineType"),
            from("spec.diskSizeGb", "spec.forProvider.nodeConfig.diskSizeGb"),
            from("spec.preemptible", "spec.forProvider.nodeConfig.spot")),
        List.of());
  }

  /**
   * AKS: a cluster with a one-node system pool and a user pool of the claimed shape (AKS cannot
   * make the default pool spot), in the lab's resource group ({@code illm.io/group: lab}, {@link
   * CloudFoundations#azure}); its admin kubeconfig (client certificate) is the connection secret.
   */
  static Composition aks() {
    Map<String, Object> cluster =
        map(
            "apiVersion",
            "containerservice.azure.upbound.io/v1beta2",
            "kind",
            "KubernetesCluster",
            "spec",
            map(
                "forProvider",
                map(
                    "dnsPrefix",
                    "illm",
                    "resourceGroupNameSelector",
                    map("matchLabels", map("illm.io/group", "lab")),
                    "identity",
                    map("type", "SystemAssigned"),
                    "defaultNodePool",
                    map(
                        "name",
                        "system",
                        "nodeCount",
                        1,
                        "vmSize",
                        "Standard_B2s",
                        "onlyCriticalAddonsEnabled",
                        true)),
                "writeConnectionSecretToRef",
                map("namespace", Compositions.SECRETS_NAMESPACE)));
    Map<String, Object> pool =
        map(
            "apiVersion",
            "containerservice.azure.upbound.io/v1beta2",
            "kind",
            "KubernetesClusterNodePool",
            "spec",
            map(
                "forProvider",
                map(
                    "kubernetesClusterIdSelector",
                    map("matchControllerRef", true),
                    "evictionPolicy",
                    "Delete")));
    return named("aks", List.of(aksCluster(cluster), aksPool(pool)));
  }

  private static Resources aksCluster(Map<String, Object> base) {
    return resource(
        "cluster",
        base,
        List.of(
            from("spec.region", "spec.forProvider.location"),
            from("spec.kubernetesVersion", "spec.forProvider.kubernetesVersion"),
            secretName("aks"),
            back("status.atProvider.fqdn", "status.endpoint"),
            back("metadata.annotations[crossplane.io/external-name]", "status.clusterName")),
        List.of(connectionKey(ClusterApi.KUBECONFIG, ClusterApi.KUBECONFIG)));
  }

  private static Resources aksPool(Map<String, Object> base) {
    return resource(
        "nodepool",
        base,
        List.of(
            from("spec.nodeCount", "spec.forProvider.nodeCount"),
            from("spec.machineType", "spec.forProvider.vmSize"),
            from("spec.diskSizeGb", "spec.forProvider.osDiskSizeGb"),
            from(
                "spec.preemptible",
                "spec.forProvider.priority",
                toText(),
                map(Map.of("true", "Spot", "false", "Regular")))),
        List.of());
  }
}
