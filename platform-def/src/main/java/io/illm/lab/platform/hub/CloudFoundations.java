package io.illm.lab.platform.hub;

import static io.illm.lab.platform.Tree.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cloud needs once per hub, before its first cluster: on AWS the lab's network (a VPC, two
 * public subnets in two zones as EKS requires, an internet gateway and the default route), on Azure
 * the lab's resource group. GKE uses the project's default VPC. The Compositions find them by
 * label. Managed resources of the providers, written as trees (checked against the providers'
 * schemas in the tests).
 */
public final class CloudFoundations {

  /** The label the EKS Composition selects the lab's subnets by. */
  public static final Map<String, Object> AWS_NETWORK = Map.of("illm.io/network", "lab");

  private static final String EC2 = "ec2.aws.upbound.io/v1beta1";

  private CloudFoundations() {}

  /** The lab's AWS network in {@code region}: a /16 VPC, two /20 subnets, gateway and route. */
  public static List<GenericKubernetesResource> aws(String region) {
    Map<String, Object> vpc = map("matchLabels", AWS_NETWORK);
    return List.of(
        managed(
            EC2,
            "VPC",
            "illm-lab",
            map(
                "region",
                region,
                "cidrBlock",
                "10.80.0.0/16",
                "enableDnsHostnames",
                true,
                "enableDnsSupport",
                true)),
        subnet(region, "a", "10.80.0.0/20"),
        subnet(region, "b", "10.80.16.0/20"),
        managed(EC2, "InternetGateway", "illm-lab", map("region", region, "vpcIdSelector", vpc)),
        managed(EC2, "RouteTable", "illm-lab", map("region", region, "vpcIdSelector", vpc)),
        managed(
            "ec2.aws.upbound.io/v1beta2",
            "Route",
            "illm-lab-default",
            map(
                "region", region,
                "destinationCidrBlock", "0.0.0.0/0",
                "routeTableIdSelector", vpc,
                "gatewayIdSelector", vpc)),
        association(region, "a"),
        association(region, "b"));
  }

  /** The lab's Azure resource group in {@code location}. */
  public static List<GenericKubernetesResource> azure(String location) {
    GenericKubernetesResource group =
        managed("azure.upbound.io/v1beta1", "ResourceGroup", "illm-lab", map("location", location));
    group.getMetadata().setLabels(Map.of("illm.io/group", "lab"));
    return List.of(group);
  }

  private static GenericKubernetesResource subnet(String region, String zone, String cidr) {
    GenericKubernetesResource subnet =
        managed(
            EC2,
            "Subnet",
            "illm-lab-" + zone,
            map(
                "region",
                region,
                "availabilityZone",
                region + zone,
                "cidrBlock",
                cidr,
                "mapPublicIpOnLaunch",
                true,
                "vpcIdSelector",
                map("matchLabels", AWS_NETWORK),
                "tags",
                map("kubernetes.io/role/elb", "1")));
    subnet.getMetadata().setLabels(labels(Map.of("zone", zone)));
    return subnet;
  }

  private static GenericKubernetesResource association(String region, String zone) {
    return managed(
        EC2,
        "RouteTableAssociation",
        "illm-lab-" + zone,
        map(
            "region",
            region,
            "routeTableIdSelector",
            map("matchLabels", AWS_NETWORK),
            "subnetIdSelector",
            map("matchLabels", labels(Map.of("zone", zone)))));
  }

  private static Map<String, String> labels(Map<String, String> more) {
    Map<String, String> labels = new LinkedHashMap<>();
    AWS_NETWORK.forEach((k, v) -> labels.put(k, v.toString()));
    more.forEach((k, v) -> labels.put("illm.io/" + k, v));
    return labels;
  }

  private static GenericKubernetesResource managed(
      String apiVersion, String kind, String name, Map<String, Object> forProvider) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(apiVersion);
    resource.setKind(kind);
    Map<String, String> labels = new LinkedHashMap<>();
    AWS_NETWORK.forEach((k, v) -> labels.put(k, v.toString()));
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withLabels(labels).build());
    resource.setAdditionalProperty("spec", map("forProvider", forProvider));
    return resource;
  }
}
