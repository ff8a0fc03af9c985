package io.illm.lab.kube.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.Kubectl;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.YamlDocuments;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub as code on a real kube-apiserver with the upstream CRDs installed: every object {@code
 * ./lab synth} wrote under platform/ (the Applications, the AppProject, Crossplane's packages,
 * Compositions, XRD, ProviderConfigs and foundation resources, the Kyverno policy, the workflow
 * RBAC) and every experiments/&lt;name&gt;/workflow-template.yaml, server-side applied with {@code
 * --dry-run=server}: the API server validates each against the upstream structural schema and its
 * CEL rules, and rejects none. A kind that no installed CRD and no built-in API serves fails the
 * test by name.
 *
 * <p>This class starts a control plane of its own rather than the shared one, without the lab's
 * CRDs: it installs the upstream Application and WorkflowTemplate CRDs (Argo CD v2.13.1, Argo
 * Workflows v3.7.6) under the names of the operator's CRD subsets, which the shared control plane
 * of the other classes keeps. platform/hub/operator (the kustomization the illm-lab-operator
 * Application syncs: the base under platform/operator with two env patches) is left to
 * InstallOnRealServerTest, which applies that base with kubectl apply -k.
 */
class HubOnRealServerTest {

  private static final Path ROOT = KubeBinaries.ROOT;
  private static final Pattern GROUP = Pattern.compile("(?m)^  group: (\\S+)$");
  private static final Pattern KIND = Pattern.compile("(?m)^    kind: (\\S+)$");

  /** Files under platform/ that ArgoCD does not apply as objects: Helm values, a kustomization. */
  private static final Set<String> NOT_OBJECTS =
      Set.of("platform/bootstrap/argocd-values.yaml", "platform/hub/operator/kustomization.yaml");

  private static Path upstream;
  private static ControlPlane plane;
  private static final List<Path> installed = new ArrayList<>();

  @BeforeAll
  static void start() {
    upstream = LabCheckout.upstreamOrSkip();
    plane = ControlPlane.start(false);
  }

  @AfterAll
  static void stop() {
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void everyHubObjectAndWorkflowTemplateIsAcceptedUnderTheUpstreamCrds() throws IOException {
    Map<String, List<JsonNode>> objects = objects();
    Set<String> kinds = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    objects.values().stream()
        .flatMap(List::stream)
        .forEach(
            o -> {
              kinds.add(groupKind(o));
              if (o.at("/metadata/namespace").isTextual()) {
                namespaces.add(o.at("/metadata/namespace").asText());
              }
            });
    installUpstreamCrds(kinds);
    plane.namespaces(namespaces.toArray(String[]::new));

    List<String> unserved = new ArrayList<>(kinds);
    unserved.removeAll(served());
    assertEquals(List.of(), unserved, "kinds of the hub no installed CRD or built-in API serves");

    List<String> args = new ArrayList<>(List.of("apply", "--server-side", "--dry-run=server"));
    args.add("--field-manager=argocd-controller");
    int count = 0;
    for (Map.Entry<String, List<JsonNode>> file : objects.entrySet()) {
      args.add("-f");
      args.add(json(file.getKey(), file.getValue()).toString());
      count += file.getValue().size();
    }
    Kubectl.Result applied = plane.kubectl(args.toArray(String[]::new));
    // the API server's warnings (a finalizer name without a path, XRD v1's deprecation) are
    // printed, not failures; anything else kubectl says on stderr is a rejection
    List<String> warnings =
        applied.err().lines().filter(l -> l.startsWith("Warning: ")).distinct().toList();
    List<String> rejections =
        applied.err().lines().filter(l -> !l.isBlank() && !l.startsWith("Warning: ")).toList();
    assertEquals(List.of(), rejections, "objects the API server rejected");
    assertEquals(0, applied.exitCode(), applied.toString());
    long accepted = applied.out().lines().filter(l -> l.endsWith("(server dry run)")).count();
    assertEquals(count, accepted, applied.out());

    long templates =
        objects.keySet().stream().filter(p -> p.endsWith("/workflow-template.yaml")).count();
    long applications =
        objects.values().stream()
            .flatMap(List::stream)
            .filter(o -> "argoproj.io/Application".equals(groupKind(o)))
            .count();
    assertTrue(templates >= 5, "the experiments' WorkflowTemplates: " + templates);
    assertTrue(applications >= 20, "the hub's Applications: " + applications);
    System.out.printf(
        "hub on a real API server: %d objects of %d kinds accepted (%d Applications, %d"
            + " WorkflowTemplates) under %d upstream CRDs; the server warned:%n%s%n",
        count,
        kinds.size(),
        applications,
        templates,
        installed.size(),
        String.join("\n", warnings));
  }

  @Test
  void theUpstreamSchemasAreTheOnesEnforced() throws IOException {
    Map<String, List<JsonNode>> objects = objects();
    installUpstreamCrds(Set.of("argoproj.io/Application", "argoproj.io/WorkflowTemplate"));
    installUpstreamCrds(Set.of("pkg.crossplane.io/Provider"));
    plane.namespaces("argocd", "argo-workflows");

    ObjectNode template =
        (ObjectNode) objects.get("experiments/hello-app/workflow-template.yaml").get(0).deepCopy();
    ((ObjectNode) template.at("/spec/templates/0")).put("name", 42);
    rejected(template, "spec.templates[0].name");

    ObjectNode application =
        (ObjectNode) objects.get("platform/apps/argocd.yaml").get(0).deepCopy();
    ((ObjectNode) application.get("spec")).put("destination", "nowhere");
    rejected(application, "spec.destination");

    ObjectNode provider =
        (ObjectNode)
            objects
                .get("platform/crossplane/packages/provider-provider-aws-ec2.yaml")
                .get(0)
                .deepCopy();
    ((ObjectNode) provider.get("spec")).remove("package");
    rejected(provider, "spec.package");
  }

  private static void rejected(JsonNode object, String field) throws IOException {
    Path file = json("broken", List.of(object));
    // no client-side check: the rejection is the API server's
    Kubectl.Result applied =
        plane.kubectl(
            "apply",
            "--server-side",
            "--dry-run=server",
            "--validate=false",
            "-f",
            file.toString());
    assertNotEquals(0, applied.exitCode(), "a broken " + groupKind(object) + " was accepted");
    assertTrue(applied.err().contains(field), applied.toString());
  }

  /** Installs (server-side apply) the upstream CRD of each kind that has one, once. */
  private static void installUpstreamCrds(Set<String> kinds) throws IOException {
    Map<String, Path> crds = upstreamCrds();
    for (String kind : kinds) {
      Path file = crds.get(kind);
      if (file == null || installed.contains(file)) {
        continue;
      }
      Kubectl.Result applied =
          plane.kubectl("apply", "--server-side", "--force-conflicts", "-f", file.toString());
      assertEquals(0, applied.exitCode(), file + ": " + applied);
      CustomResourceDefinition crd = plane.load(file);
      String name = crd.getMetadata().getName();
      // not kubectl wait: it fails at once on a CRD whose status has no conditions yet
      CustomResourceDefinition served =
          plane
              .admin()
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .withName(name)
              .waitUntilCondition(
                  c ->
                      c != null
                          && c.getStatus() != null
                          && c.getStatus().getConditions() != null
                          && c.getStatus().getConditions().stream()
                              .anyMatch(
                                  k ->
                                      "Established".equals(k.getType())
                                          && "True".equals(k.getStatus())),
                  50,
                  java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(specFields(crd), specFields(served), name + " is the upstream CRD");
      installed.add(file);
    }
  }

  private static List<Set<String>> specFields(CustomResourceDefinition crd) {
    List<Set<String>> fields = new ArrayList<>();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
      fields.add(
          spec == null || spec.getProperties() == null
              ? Set.of()
              : new TreeSet<>(spec.getProperties().keySet()));
    }
    return fields;
  }

  /** group/kind to the upstream CRD file that defines it. */
  private static Map<String, Path> upstreamCrds() throws IOException {
    Map<String, Path> crds = new TreeMap<>();
    for (Path file : yamlFiles(upstream)) {
      String text = Files.readString(file);
      Matcher group = GROUP.matcher(text);
      Matcher kind = KIND.matcher(text);
      if (text.contains("kind: CustomResourceDefinition") && group.find() && kind.find()) {
        crds.put(group.group(1) + "/" + kind.group(1), file);
      }
    }
    return crds;
  }

  /** group/kind of every API the server serves, built in or from a CRD, as kubectl lists them. */
  private static Set<String> served() {
    Kubectl.Result resources = plane.kubectl("api-resources", "--no-headers");
    assertEquals(0, resources.exitCode(), resources.toString());
    Set<String> served = new TreeSet<>();
    for (String line : resources.out().lines().toList()) {
      String[] t = line.trim().split("\\s+");
      for (int i = 1; i + 1 < t.length; i++) {
        if (t[i].equals("true") || t[i].equals("false")) {
          String apiVersion = t[i - 1];
          String group = apiVersion.contains("/") ? apiVersion.split("/")[0] : "";
          served.add(group + "/" + t[i + 1]);
          break;
        }
      }
    }
    return served;
  }

  /**
   * Every object the hub applies, by the file it comes from: platform/ (not platform/operator, the
   * base docs/install.md applies, which InstallOnRealServerTest covers) and the experiments'
   * WorkflowTemplates.
   */
  private static Map<String, List<JsonNode>> objects() throws IOException {
    Map<String, List<JsonNode>> objects = new TreeMap<>();
    List<String> notObjects = new ArrayList<>();
    for (Path file : yamlFiles(ROOT.resolve("platform"))) {
      String path = ROOT.relativize(file).toString();
      if (path.startsWith("platform/operator/")) {
        continue;
      }
      List<JsonNode> documents = YamlDocuments.read(file, path).documents();
      if (documents.stream()
          .allMatch(
              d ->
                  d.path("apiVersion").isTextual()
                      && !d.path("apiVersion").asText().startsWith("kustomize.config.k8s.io/"))) {
        objects.put(path, documents);
      } else {
        notObjects.add(path);
      }
    }
    assertEquals(new TreeSet<>(NOT_OBJECTS), new TreeSet<>(notObjects), "files not objects");
    for (Path experiment : LabCheckout.experiments()) {
      Path template = experiment.resolveSibling("workflow-template.yaml");
      if (Files.exists(template)) {
        String path = ROOT.relativize(template).toString();
        objects.put(path, YamlDocuments.read(template, path).documents());
      }
    }
    assertTrue(objects.size() > NOT_OBJECTS.size(), "the hub is written under " + ROOT);
    return objects;
  }

  private static String groupKind(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return group + "/" + object.path("kind").asText();
  }

  /** The objects as a JSON list file of the control plane's folder, for kubectl -f. */
  private static Path json(String label, List<JsonNode> objects) throws IOException {
    ObjectNode list = LabYaml.json().createObjectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.putArray("items").addAll(objects);
    Path file = Files.createTempFile(plane.dir(), label.replaceAll("[^A-Za-z0-9.-]", "_"), ".json");
    Files.writeString(file, LabYaml.json().writeValueAsString(list));
    return file;
  }

  private static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
