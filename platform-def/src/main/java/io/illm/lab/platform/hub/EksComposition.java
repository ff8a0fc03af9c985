package io.illm.lab.platform.hub;

import static io.illm.lab.platform.Tree.map;
import static io.illm.lab.platform.author.Compositions.back;
import static io.illm.lab.platform.author.Compositions.connectionKey;
import static io.illm.lab.platform.author.Compositions.from;
import static io.illm.lab.platform.author.Compositions.map;
import static io.illm.lab.platform.author.Compositions.resource;
import static io.illm.lab.platform.author.Compositions.toText;
import static io.illm.lab.platform.author.Compositions.trimPrefix;

import io.illm.lab.platform.author.Compositions;
import io.illm.lab.platform.kinds.crossplane.Composition;
import io.illm.lab.platform.kinds.pt.resources.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EKS: per cluster, its IAM roles (the control plane's and the nodes', with AWS's managed policies
 * attached), the cluster in the lab's subnets ({@code illm.io/network: lab}, declared once per hub
 * by {@link CloudFoundations#aws}), a managed node group of the claimed shape, and a ClusterAuth,
 * whose connection secret is a kubeconfig with a token for the provider's identity (the cluster's
 * creator, made its admin), refreshed every 10 minutes: that is the composite's connection secret.
 */
final class EksComposition {

  /** The label that tells a composite's two roles apart for the selectors. */
  static final String ROLE = "illm.io/role";

  private static final Map<String, String> NODE_POLICIES =
      Map.of(
          "worker", "AmazonEKSWorkerNodePolicy",
          "cni", "AmazonEKS_CNI_Policy",
          "registry", "AmazonEC2ContainerRegistryReadOnly");

  private EksComposition() {}

  static Composition composition() {
    List<Resources> resources = new ArrayList<>();
    resources.add(role("cluster-role", "eks-cluster", "eks.amazonaws.com"));
    resources.add(attachment("cluster-policy", "eks-cluster", "AmazonEKSClusterPolicy"));
    resources.add(role("node-role", "eks-nodes", "ec2.amazonaws.com"));
    new java.util.TreeMap<>(NODE_POLICIES)
        .forEach((name, policy) -> resources.add(attachment("node-" + name, "eks-nodes", policy)));
    resources.add(cluster());
    resources.add(nodeGroup());
    resources.add(auth());
    return ClusterCompositions.named("eks", resources);
  }

  private static Resources role(String name, String role, String service) {
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\""
            + service
            + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    return resource(
        name,
        map(
            "apiVersion",
            "iam.aws.upbound.io/v1beta1",
            "kind",
            "Role",
            "metadata",
            map("labels", map(ROLE, role)),
            "spec",
            map("forProvider", map("assumeRolePolicy", trust))),
        List.of(),
        List.of());
  }

  private static Resources attachment(String name, String role, String policy) {
    return resource(
        name,
        map(
            "apiVersion",
            "iam.aws.upbound.io/v1beta1",
            "kind",
            "RolePolicyAttachment",
            "spec",
            map(
                "forProvider",
                map(
                    "policyArn",
                    "arn:aws:iam::aws:policy/" + policy,
                    "roleSelector",
                    map("matchControllerRef", true, "matchLabels", map(ROLE, role))))),
        List.of(),
        List.of());
  }

  private static Resources cluster() {
    return resource(
        "cluster",
        map(
            "apiVersion",
            "eks.aws.upbound.io/v1beta2",
            "kind",
            "Cluster",
            "spec",
            map(
                "forProvider",
                map(
                    "roleArnSelector",
                    map("matchControllerRef", true, "matchLabels", map(ROLE, "eks-cluster")),
                    "accessConfig",
                    map(
                        "authenticationMode",
                        "API_AND_CONFIG_MAP",
                        "bootstrapClusterCreatorAdminPermissions",
                        true),
                    "vpcConfig",
                    map(
                        "endpointPublicAccess",
                        true,
                        "subnetIdSelector",
                        map("matchLabels", CloudFoundations.AWS_NETWORK))))),
        List.of(
            from("spec.region", "spec.forProvider.region"),
            from("spec.kubernetesVersion", "spec.forProvider.version"),
            back("status.atProvider.endpoint", "status.endpoint", trimPrefix("https://")),
            back("metadata.annotations[crossplane.io/external-name]", "status.clusterName")),
        List.of());
  }

  private static Resources nodeGroup() {
    return resource(
        "nodegroup",
        map(
            "apiVersion",
            "eks.aws.upbound.io/v1beta2",
            "kind",
            "NodeGroup",
            "spec",
            map(
                "forProvider",
                map(
                    "clusterNameSelector",
                    map("matchControllerRef", true),
                    "nodeRoleArnSelector",
                    map("matchControllerRef", true, "matchLabels", map(ROLE, "eks-nodes")),
                    "subnetIdSelector",
                    map("matchLabels", CloudFoundations.AWS_NETWORK),
                    "scalingConfig",
                    map("minSize", 1, "maxSize", 100)))),
        List.of(
            from("spec.region", "spec.forProvider.region"),
            from("spec.nodeCount", "spec.forProvider.scalingConfig.desiredSize"),
            from("spec.machineType", "spec.forProvider.instanceTypes[0]"),
            from("spec.diskSizeGb", "spec.forProvider.diskSize"),
            from(
                "spec.preemptible",
                "spec.forProvider.capacityType",
                toText(),
                map(Map.of("true", "SPOT", "false", "ON_DEMAND")))),
        List.of());
  }

  private static Resources auth() {
    return resource(
        "auth",
        map(
            "apiVersion",
            "eks.aws.upbound.io/v1beta1",
            "kind",
            "ClusterAuth",
            "spec",
            map(
                "forProvider",
                map(
                    "clusterNameSelector",
                    map("matchControllerRef", true),
                    "refreshPeriod",
                    "10m0s"),
                "writeConnectionSecretToRef",
                map("namespace", Compositions.SECRETS_NAMESPACE))),
        List.of(
            from("spec.region", "spec.forProvider.region"), ClusterCompositions.secretName("eks")),
        List.of(connectionKey(ClusterApi.KUBECONFIG, ClusterApi.KUBECONFIG)));
  }
}
