package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.illm.lab.operator.main.OperatorConfig;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * platform/operator as users apply it: rendered by kubectl's own kustomize (the kubectl
 * tools/build.sh builds), then checked object by object: the Pod meets the restricted Pod Security
 * Standard, the configuration is one the operator accepts, the names that tie the objects together
 * agree, and what has an upstream schema (the ServiceMonitor) passes it.
 */
class InstallManifestsTest {

  static final Path OPERATOR = Tools.ROOT.resolve("platform/operator");
  static Path kubectl;

  @TempDir Path tmp;

  @BeforeAll
  static void tools() throws IOException {
    kubectl = Tools.orSkip("kube", "kubectl");
  }

  static String render(Path dir) throws IOException {
    Tools.Result r =
        Tools.run(Tools.ROOT, Map.of(), 60, kubectl.toString(), "kustomize", dir.toString());
    assertEquals(0, r.exit(), "kubectl kustomize " + dir + ": " + r.err());
    return r.out();
  }

  static List<JsonNode> objects(String yaml) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        LabYaml.reader().readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isEmpty()) {
          objects.add(doc);
        }
      }
    }
    return objects;
  }

  static JsonNode one(List<JsonNode> objects, String kind) {
    List<JsonNode> found =
        objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    assertEquals(1, found.size(), "one " + kind);
    return found.get(0);
  }

  @Test
  void theOperatorsPodMeetsTheRestrictedPodSecurityStandardWithinItsLimits() throws IOException {
    JsonNode pod =
        one(objects(render(OPERATOR.resolve("deploy"))), "Deployment")
            .path("spec")
            .path("template")
            .path("spec");
    assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
    assertEquals(
        "RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText());
    assertFalse(
        pod.path("hostNetwork").asBoolean()
            || pod.path("hostPID").asBoolean()
            || pod.path("hostIPC").asBoolean());
    for (JsonNode volume : pod.path("volumes")) {
      assertTrue(
          volume.has("emptyDir")
              || volume.has("configMap")
              || volume.has("secret")
              || volume.has("projected"),
          "restricted volume types only: " + volume);
    }
    assertEquals(1, pod.path("containers").size());
    JsonNode c = pod.path("containers").path(0);
    JsonNode sc = c.path("securityContext");
    assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true));
    assertTrue(sc.path("readOnlyRootFilesystem").asBoolean());
    assertEquals("[\"ALL\"]", sc.path("capabilities").path("drop").toString());
    assertTrue(sc.path("capabilities").path("add").isMissingNode());
    assertFalse(sc.path("privileged").asBoolean());
    for (String kind : List.of("requests", "limits")) {
      assertEquals("500m", c.path("resources").path(kind).path("cpu").asText(), kind);
      assertEquals("128Mi", c.path("resources").path(kind).path("memory").asText(), kind);
    }
    List<String> mounts = new ArrayList<>();
    c.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
    assertTrue(mounts.contains("/tmp"), "a writable /tmp on a read-only root: " + mounts);
    assertTrue(mounts.contains("/var/lib/illm-lab/results"), mounts.toString());
  }

  @Test
  void theProbesAreTheOperatorsOnItsProbePortAndLeaderElectionIsInItsNamespace()
      throws IOException {
    JsonNode c =
        one(objects(render(OPERATOR.resolve("deploy"))), "Deployment")
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .path(0);
    Map<String, JsonNode> env = new HashMap<>();
    c.path("env").forEach(e -> env.put(e.path("name").asText(), e));
    int probePort =
        env.containsKey("ILLM_PROBE_PORT")
            ? env.get("ILLM_PROBE_PORT").path("value").asInt()
            : 8080;
    assertEquals(probePort, c.path("ports").path(0).path("containerPort").asInt());
    String portName = c.path("ports").path(0).path("name").asText();
    assertEquals("/healthz", c.path("livenessProbe").path("httpGet").path("path").asText());
    assertEquals("/readyz", c.path("readinessProbe").path("httpGet").path("path").asText());
    assertEquals("/healthz", c.path("startupProbe").path("httpGet").path("path").asText());
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertEquals(portName, c.path(probe).path("httpGet").path("port").asText(), probe);
    }
    assertEquals(
        "metadata.namespace",
        env.get("ILLM_LEADER_ELECTION_NAMESPACE")
            .path("valueFrom")
            .path("fieldRef")
            .path("fieldPath")
            .asText());
    assertEquals(
        "metadata.namespace",
        env.get("ILLM_NAMESPACE").path("valueFrom").path("fieldRef").path("fieldPath").asText());
  }

  @Test
  void theConfigurationIsOneTheOperatorAccepts() throws IOException {
    List<JsonNode> objects = objects(render(OPERATOR.resolve("deploy")));
    JsonNode configMap = one(objects, "ConfigMap");
    JsonNode c =
        one(objects, "Deployment")
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .path(0);
    assertEquals(
        configMap.path("metadata").path("name").asText(),
        c.path("envFrom").path(0).path("configMapRef").path("name").asText(),
        "the Deployment reads the generated ConfigMap");
    Map<String, String> env = new HashMap<>();
    configMap
        .path("data")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    for (JsonNode e : c.path("env")) {
      env.put(
          e.path("name").asText(), e.has("value") ? e.path("value").asText() : "illm-lab-system");
    }
    env.put("HOSTNAME", "illm-lab-operator-abc12");
    for (String name : env.keySet()) {
      assertTrue(
          name.startsWith("ILLM_") || name.equals("HOSTNAME"), "an operator variable: " + name);
    }
    OperatorConfig config = OperatorConfig.from(env); // throws, listing every problem, if not
    assertTrue(config.s3().isPresent(), "results go to S3");
    assertEquals("illm-lab-results-s3", config.s3().get().credentialsSecret());
    assertEquals("illm-lab-system", config.settings().leaseNamespace().orElseThrow());
  }

  @Test
  void theServiceReachesThePodsMetricsPort() throws IOException {
    List<JsonNode> objects = objects(render(OPERATOR.resolve("deploy")));
    JsonNode service = one(objects, "Service");
    JsonNode template = one(objects, "Deployment").path("spec").path("template");
    service
        .path("spec")
        .path("selector")
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asText(),
                    template.path("metadata").path("labels").path(e.getKey()).asText(),
                    "selector " + e.getKey()));
    assertEquals(
        template
            .path("spec")
            .path("containers")
            .path(0)
            .path("ports")
            .path(0)
            .path("name")
            .asText(),
        service.path("spec").path("ports").path(0).path("targetPort").asText());
  }

  @Test
  void theServiceMonitorPassesItsUpstreamSchemaAndSelectsTheService() throws IOException {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    Path overlay = Files.createDirectories(tmp.resolve("hub"));
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - "
            + overlay.relativize(OPERATOR.resolve("deploy"))
            + "\ncomponents:\n  - "
            + overlay.relativize(OPERATOR.resolve("monitoring"))
            + "\n");
    List<JsonNode> objects = objects(render(overlay));
    JsonNode monitor = one(objects, "ServiceMonitor");
    assertTrue(schemas.knows(monitor));
    List<Problem> problems = schemas.check("servicemonitor.yaml", monitor);
    assertTrue(problems.isEmpty(), problems.toString());
    JsonNode service = one(objects, "Service");
    monitor
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asText(),
                    service.path("metadata").path("labels").path(e.getKey()).asText()));
    assertEquals(
        service.path("spec").path("ports").path(0).path("name").asText(),
        monitor.path("spec").path("endpoints").path(0).path("port").asText());
    assertEquals("/metrics", monitor.path("spec").path("endpoints").path(0).path("path").asText());
    assertEquals(
        service.path("metadata").path("namespace").asText(),
        monitor.path("spec").path("namespaceSelector").path("matchNames").path(0).asText());
  }

  @Test
  void theCrdsKustomizationListsEveryGeneratedCrd() throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(Tools.ROOT.resolve("generated-crds"))) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .forEach(files::add);
    }
    TreeSet<String> listed = new TreeSet<>();
    LabYaml.readTrustedTree(Files.readString(Tools.ROOT.resolve("generated-crds/Kustomization")))
        .path("resources")
        .forEach(r -> listed.add(r.asText()));
    assertEquals(files, listed);
  }

  @Test
  void theWholeBaseRendersTheSameTwiceWithTheCrdsTheRbacAndTheImage() throws IOException {
    String first = render(OPERATOR);
    assertEquals(first, render(OPERATOR), "kustomize's output is deterministic");
    List<JsonNode> objects = objects(first);
    TreeSet<String> crds = new TreeSet<>();
    objects.stream()
        .filter(o -> o.path("kind").asText().equals("CustomResourceDefinition"))
        .forEach(o -> crds.add(o.path("metadata").path("name").asText()));
    assertEquals(
        new TreeSet<>(List.of("components.experiments.illm.io", "experiments.experiments.illm.io")),
        crds);
    JsonNode account = one(objects, "ServiceAccount");
    JsonNode pod = one(objects, "Deployment").path("spec").path("template").path("spec");
    assertEquals(
        account.path("metadata").path("name").asText(), pod.path("serviceAccountName").asText());
    assertEquals(
        account.path("metadata").path("namespace").asText(),
        one(objects, "Deployment").path("metadata").path("namespace").asText());
    String image = pod.path("containers").path(0).path("image").asText();
    assertTrue(
        image.endsWith("/illm-lab-operator:0.1.0") || image.contains("/illm-lab-operator@sha256:"),
        image);
    for (JsonNode o : objects) {
      assertNotNull(o.path("metadata").path("name").textValue(), o.toString());
    }
  }
}
