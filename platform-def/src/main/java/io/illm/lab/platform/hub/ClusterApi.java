package io.illm.lab.platform.hub;

import static io.illm.lab.platform.Tree.list;
import static io.illm.lab.platform.Tree.map;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.platform.kinds.crossplane.CompositeResourceDefinition;
import io.illm.lab.platform.kinds.crossplane.CompositeResourceDefinitionSpec;
import io.illm.lab.platform.kinds.crossplane.compositeresourcedefinitionspec.ClaimNames;
import io.illm.lab.platform.kinds.crossplane.compositeresourcedefinitionspec.Names;
import io.illm.lab.platform.kinds.crossplane.compositeresourcedefinitionspec.Versions;
import io.illm.lab.platform.kinds.crossplane.compositeresourcedefinitionspec.versions.AdditionalPrinterColumns;
import io.illm.lab.platform.kinds.crossplane.compositeresourcedefinitionspec.versions.Schema;
import io.illm.lab.platform.kinds.crossplane.compositeresourcedefinitionspec.versions.schema.OpenAPIV3Schema;
import java.util.List;
import java.util.Map;

/**
 * The lab's cluster API: one claim kind ({@code ClusterClaim}, composite {@code XCluster}) for
 * every provider, the Composition chosen by the claim's {@code compositionSelector} (label {@code
 * provider: gke|eks|aks}). Legacy claim style ({@code apiextensions.crossplane.io/v1}), still
 * served by Crossplane v2. The operator writes the claims ({@code CrossplaneClusters}); every
 * Composition writes the composite's connection secret with the key {@code kubeconfig}.
 */
public final class ClusterApi {

  /** The group of the claim and the composite. */
  public static final String GROUP = "illm.io";

  /** The composite's apiVersion. */
  public static final String API_VERSION = GROUP + "/v1alpha1";

  /** The composite's kind. */
  public static final String COMPOSITE = "XCluster";

  /** The one key of every cluster's connection secret. */
  public static final String KUBECONFIG = "kubeconfig";

  private ClusterApi() {}

  /** The XRD. */
  public static CompositeResourceDefinition xrd() {
    CompositeResourceDefinition xrd = new CompositeResourceDefinition();
    xrd.setMetadata(new ObjectMetaBuilder().withName("xclusters." + GROUP).build());
    CompositeResourceDefinitionSpec spec = new CompositeResourceDefinitionSpec();
    spec.setGroup(GROUP);
    Names names = new Names();
    names.setKind(COMPOSITE);
    names.setPlural("xclusters");
    spec.setNames(names);
    ClaimNames claims = new ClaimNames();
    claims.setKind("ClusterClaim");
    claims.setPlural("clusterclaims");
    spec.setClaimNames(claims);
    spec.setConnectionSecretKeys(List.of(KUBECONFIG));
    spec.setVersions(List.of(version()));
    xrd.setSpec(spec);
    return xrd;
  }

  private static Versions version() {
    Versions version = new Versions();
    version.setName("v1alpha1");
    version.setServed(true);
    version.setReferenceable(true);
    version.setAdditionalPrinterColumns(
        List.of(
            column("Provider", "string", ".spec.provider"),
            column("Machine", "string", ".spec.machineType"),
            column("Nodes", "integer", ".spec.nodeCount"),
            column("Endpoint", "string", ".status.endpoint")));
    OpenAPIV3Schema tree = new OpenAPIV3Schema();
    schema().forEach(tree::setAdditionalProperty);
    Schema schema = new Schema();
    schema.setOpenAPIV3Schema(tree);
    version.setSchema(schema);
    return version;
  }

  private static Map<String, Object> schema() {
    return map(
        "type",
        "object",
        "properties",
        map(
            "spec",
            map(
                "type",
                "object",
                "required",
                list("provider", "machineType", "nodeCount"),
                "properties",
                specFields()),
            "status",
            map(
                "type",
                "object",
                "properties",
                map(
                    "endpoint", text("The API server host (no scheme)."),
                    "clusterName", text("The provider's name of the cluster.")))));
  }

  private static Map<String, Object> specFields() {
    return map(
        "provider",
        map(
            "type",
            "string",
            "enum",
            list("gke", "eks", "aks"),
            "description",
            "Which Composition builds the cluster."),
        "zone",
        text("GKE zone of a zonal cluster, e.g. us-central1-a (gke only)."),
        "region",
        text("Region, e.g. us-east-1 (eks), eastus (aks), us-central1 (gke regional)."),
        "machineType",
        text("Worker machine shape, e.g. e2-medium, m6i.large, Standard_D2s_v5."),
        "nodeCount",
        map("type", "integer", "minimum", 1, "maximum", 100, "description", "Worker nodes."),
        "diskSizeGb",
        map(
            "type",
            "integer",
            "minimum",
            10,
            "default",
            50,
            "description",
            "Boot disk per node in GiB."),
        "preemptible",
        map("type", "boolean", "default", false, "description", "Spot/preemptible workers."),
        "kubernetesVersion",
        text("Kubernetes minor version, e.g. 1.30; empty means the provider's default."));
  }

  private static Map<String, Object> text(String description) {
    return map("type", "string", "description", description);
  }

  private static AdditionalPrinterColumns column(String name, String type, String jsonPath) {
    AdditionalPrinterColumns column = new AdditionalPrinterColumns();
    column.setName(name);
    column.setType(type);
    column.setJsonPath(jsonPath);
    return column;
  }
}
