package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of the kinds the operator creates and of those platform/ ships for other projects'
 * controllers, from the upstream CRDs (a folder laid out like ../shared/upstream-crds) and, for our
 * own ClusterClaim, from platform/crossplane/xrd.yaml. Each schema is loaded on first use and made
 * strict (see {@link CrdSchema}).
 */
public final class UpstreamSchemas {

  /** Environment variable naming the upstream CRD folder. */
  public static final String ENV = "LAB_UPSTREAM_CRDS";

  /** The lab's XRD, relative to the lab root. */
  public static final String XRD = "platform/crossplane/xrd.yaml";

  /** The CRD file of each kind, as {@code group/Kind}, relative to the upstream folder. */
  static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("argoproj.io/Application", "argo-cd/application-crd.yaml"),
          Map.entry("argoproj.io/Workflow", "argo-workflows/argoproj.io_workflows.yaml"),
          Map.entry(
              "apiextensions.crossplane.io/CompositeResourceDefinition",
              "crossplane/apiextensions.crossplane.io_compositeresourcedefinitions.yaml"),
          Map.entry(
              "apiextensions.crossplane.io/Composition",
              "crossplane/apiextensions.crossplane.io_compositions.yaml"),
          Map.entry(
              "compute.gcp.upbound.io/Network",
              "provider-upjet-gcp/compute.gcp.upbound.io_networks.yaml"),
          Map.entry(
              "container.gcp.upbound.io/Cluster",
              "provider-upjet-gcp/container.gcp.upbound.io_clusters.yaml"),
          Map.entry(
              "container.gcp.upbound.io/NodePool",
              "provider-upjet-gcp/container.gcp.upbound.io_nodepools.yaml"),
          Map.entry(
              "eks.aws.upbound.io/Cluster", "provider-upjet-aws/eks.aws.upbound.io_clusters.yaml"),
          Map.entry(
              "eks.aws.upbound.io/NodeGroup",
              "provider-upjet-aws/eks.aws.upbound.io_nodegroups.yaml"),
          Map.entry(
              "containerservice.azure.upbound.io/KubernetesCluster",
              "provider-upjet-azure/containerservice.azure.upbound.io_kubernetesclusters.yaml"),
          Map.entry(
              "containerservice.azure.upbound.io/KubernetesClusterNodePool",
              "provider-upjet-azure/containerservice.azure.upbound.io_kubernetesclusternodepools.yaml"),
          // what platform/ ships beside the operator: its ServiceMonitor and the admission policy
          Map.entry(
              "monitoring.coreos.com/ServiceMonitor",
              "prometheus-operator/monitoring.coreos.com_servicemonitors.yaml"),
          Map.entry("kyverno.io/ClusterPolicy", "kyverno/kyverno.io_clusterpolicies.yaml"));

  private final Path upstream;
  private final Path labRoot;
  private final Map<String, CrdSchema> compiled = new ConcurrentHashMap<>();

  /** Schemas from {@code upstream} (the upstream CRD folder) and the XRD under {@code labRoot}. */
  public UpstreamSchemas(Path upstream, Path labRoot) {
    this.upstream = upstream;
    this.labRoot = labRoot;
  }

  /**
   * The upstream folder: {@code $LAB_UPSTREAM_CRDS}, else the first {@code shared/upstream-crds}
   * beside {@code start} or one of its parents (the lab's checkout sits next to ../shared).
   */
  public static Optional<Path> locate(Path start) {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env)).filter(Files::isDirectory);
    }
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("upstream-crds");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether a schema is known for this object (core kinds such as Secret have none). */
  public boolean knows(JsonNode object) {
    String key = key(object);
    return FILES.containsKey(key) || "illm.io/ClusterClaim".equals(key);
  }

  /**
   * Every structural problem of {@code object} against its kind's schema, reported against {@code
   * label}; none for kinds without a CRD.
   */
  public List<Problem> check(String label, JsonNode object) {
    if (!knows(object)) {
      return List.of();
    }
    String apiVersion = object.path("apiVersion").asText();
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    String key = key(object) + "/" + version;
    Path file =
        "illm.io/ClusterClaim".equals(key(object))
            ? labRoot.resolve(XRD)
            : upstream.resolve(FILES.get(key(object)));
    if (!Files.isRegularFile(file)) {
      return List.of(
          Problem.error(
              label,
              "",
              "not checked: its schema " + file + " does not exist",
              "run in the lab checkout (--root) with the upstream CRDs beside it (--schemas)"));
    }
    CrdSchema schema = compiled.computeIfAbsent(key, k -> load(key(object), version));
    return schema.check(label, object);
  }

  private CrdSchema load(String groupKind, String version) {
    if ("illm.io/ClusterClaim".equals(groupKind)) {
      return CrdSchema.of(claimSchema(read(labRoot.resolve(XRD)), version));
    }
    JsonNode crd = read(upstream.resolve(FILES.get(groupKind)));
    return CrdSchema.of(versionOf(crd, version).path("schema").path("openAPIV3Schema"));
  }

  /**
   * The claim's schema as Crossplane serves it: the XRD's, plus the fields Crossplane adds to every
   * claim (composition selection, connection secret, the bound composite).
   */
  static JsonNode claimSchema(JsonNode xrd, String version) {
    ObjectNode schema = versionOf(xrd, version).path("schema").path("openAPIV3Schema").deepCopy();
    ObjectNode spec =
        schema
            .withObjectProperty("properties")
            .withObjectProperty("spec")
            .withObjectProperty("properties");
    spec.putObject("compositionSelector")
        .put("type", "object")
        .putObject("properties")
        .putObject("matchLabels")
        .put("type", "object")
        .putObject("additionalProperties")
        .put("type", "string");
    spec.putObject("compositionRef")
        .put("type", "object")
        .putObject("properties")
        .putObject("name")
        .put("type", "string");
    spec.putObject("writeConnectionSecretToRef")
        .put("type", "object")
        .putObject("properties")
        .putObject("name")
        .put("type", "string");
    spec.putObject("resourceRef")
        .put("type", "object")
        .put("x-kubernetes-preserve-unknown-fields", true);
    ObjectNode status = schema.withObjectProperty("properties").withObjectProperty("status");
    ObjectNode condition =
        status
            .withObjectProperty("properties")
            .putObject("conditions")
            .put("type", "array")
            .putObject("items")
            .put("type", "object")
            .putObject("properties");
    for (String field : List.of("type", "status", "reason", "message", "lastTransitionTime")) {
      condition.putObject(field).put("type", "string");
    }
    return schema;
  }

  private static JsonNode versionOf(JsonNode crd, String version) {
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (version.equals(v.path("name").asText())) {
        return v;
      }
    }
    throw new IllegalStateException(
        crd.path("metadata").path("name").asText() + " does not serve " + version);
  }

  private static JsonNode read(Path file) {
    try {
      return LabYaml.readTrustedTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return group + "/" + object.path("kind").asText();
  }
}
