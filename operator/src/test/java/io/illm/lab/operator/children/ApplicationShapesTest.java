package io.illm.lab.operator.children;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argocd.ApplicationStatus;
import io.illm.lab.operator.children.argocd.applicationspec.Sources;
import io.illm.lab.operator.children.argocd.applicationspec.sources.helm.Parameters;
import io.illm.lab.operator.children.argocd.applicationstatus.Conditions;
import io.illm.lab.operator.children.argocd.applicationstatus.Health;
import io.illm.lab.operator.children.argocd.applicationstatus.Sync;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationShapesTest {

  private static final String REPO = "https://github.com/example/lab.git";

  private final ApplicationShapes deployments = new ApplicationShapes(Placement.DEFAULT);

  @Test
  void helmParametersAreSortedByNameAndTheReferencesOverrideTheComponents() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("zeta", "from-ref");
    params.put("alpha", "from-ref");
    Application app = app(chartComponent(), params);
    List<Parameters> parameters = app.getSpec().getSources().get(0).getHelm().getParameters();
    assertEquals(
        List.of("alpha", "mid", "retention", "zeta"),
        parameters.stream().map(Parameters::getName).toList());
    assertEquals(
        List.of("from-ref", "source", "1d", "from-ref"),
        parameters.stream().map(Parameters::getValue).toList());
    assertEquals(
        true, parameters.get(3).getForceString(), "forceString of the component's zeta is kept");
  }

  @Test
  void sourcesAreChartRefOrPathWithHelmSettings() {
    List<Sources> sources = app(chartComponent(), Map.of()).getSpec().getSources();
    assertEquals(2, sources.size());
    Sources chart = sources.get(0);
    assertEquals(
        List.of("vm-single", "vm", "$values/values.yaml"),
        List.of(
            chart.getChart(),
            chart.getHelm().getReleaseName(),
            chart.getHelm().getValueFiles().get(0)));
    assertNull(chart.getPath());
    Sources values = sources.get(1);
    assertEquals("values", values.getRef());
    assertNull(values.getPath());
    assertNull(values.getHelm());
    assertEquals("HEAD", values.getTargetRevision(), "an empty revision is HEAD");
  }

  @Test
  void paramsOnAPlainPathSourceAreNotTurnedIntoAHelmBlock() {
    Component plain =
        component("plain", new ComponentSource(REPO, "main", "apps/plain", null, null, null));
    Sources source = app(plain, Map.of("x", "1")).getSpec().getSources().get(0);
    assertEquals("apps/plain", source.getPath());
    assertNull(source.getHelm());
  }

  @Test
  void theApplicationCascadesDeletesSyncsItselfAndCarriesTheLabels() {
    Application app = app(chartComponent(), Map.of());
    assertEquals(
        List.of("resources-finalizer.argocd.argoproj.io"), app.getMetadata().getFinalizers());
    assertEquals(
        Map.of(
            "app.kubernetes.io/managed-by",
            "illm-lab",
            "experiments.illm.io/experiment",
            "exp",
            "experiments.illm.io/target",
            "app",
            "experiments.illm.io/component",
            "vm"),
        app.getMetadata().getLabels());
    assertEquals("argocd", app.getMetadata().getNamespace());
    assertEquals("default", app.getSpec().getProject());
    assertEquals(true, app.getSpec().getSyncPolicy().getAutomated().getPrune());
    assertEquals(true, app.getSpec().getSyncPolicy().getAutomated().getSelfHeal());
    assertTrue(app.getSpec().getSyncPolicy().getSyncOptions().contains("CreateNamespace=true"));
    assertEquals("exp-app", app.getSpec().getDestination().getName());
    assertEquals("exp", app.getSpec().getDestination().getNamespace());
    assertNull(app.getSpec().getDestination().getServer());
  }

  @Test
  void aHubTargetDeploysInCluster() {
    Application app =
        deployments.application(
            "exp",
            new CreateApplication(
                "load",
                "exp-load-vm",
                new ComponentRef("vm", null, null, null),
                ExperimentNames.HUB_CLUSTER,
                "exp"),
            chartComponent());
    assertEquals("https://kubernetes.default.svc", app.getSpec().getDestination().getServer());
    assertNull(app.getSpec().getDestination().getName());
  }

  @Test
  void healthyMeansSyncedAndHealthy() {
    assertEquals(AppState.ABSENT, ApplicationShapes.observe(null).state());
    assertEquals(AppState.PROGRESSING, ApplicationShapes.observe(new Application()).state());
    assertEquals(
        AppState.HEALTHY, ApplicationShapes.observe(withStatus("Healthy", "Synced")).state());
    assertEquals(
        AppState.PROGRESSING,
        ApplicationShapes.observe(withStatus("Healthy", "OutOfSync")).state());
    assertEquals(
        AppState.PROGRESSING,
        ApplicationShapes.observe(withStatus("Progressing", "Synced")).state());
    assertEquals(
        AppState.DEGRADED, ApplicationShapes.observe(withStatus("Degraded", "Synced")).state());
    Application comparisonError = withStatus("Healthy", "Synced");
    Conditions error = new Conditions();
    error.setType("ComparisonError");
    error.setMessage("chart not found");
    comparisonError.getStatus().setConditions(List.of(error));
    assertEquals(AppState.DEGRADED, ApplicationShapes.observe(comparisonError).state());
    assertEquals("chart not found", ApplicationShapes.observe(comparisonError).message());
    Application deleting = withStatus("Healthy", "Synced");
    deleting.setMetadata(
        new ObjectMetaBuilder().withDeletionTimestamp("2026-01-01T00:00:00Z").build());
    assertEquals(AppState.DELETING, ApplicationShapes.observe(deleting).state());
  }

  @Test
  void theClusterSecretCarriesServerAndTlsConfigFromTheKubeconfig() throws Exception {
    ClusterCredentials credentials =
        ClusterCredentials.fromKubeconfig(
                """
        apiVersion: v1
        kind: Config
        current-context: c
        contexts:
          - name: other
            context: {cluster: x, user: x}
          - name: c
            context: {cluster: gke, user: client}
        clusters:
          - name: gke
            cluster: {server: "https://1.2.3.4", certificate-authority-data: Q0E=}
        users:
          - name: client
            user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
        """)
            .orElseThrow();
    Secret secret =
        deployments.clusterSecret(
            "exp", new RegisterCluster("app", "exp-app", "1.2.3.4"), credentials);
    assertEquals("cluster-exp-app", secret.getMetadata().getName());
    assertEquals("argocd", secret.getMetadata().getNamespace());
    assertEquals("cluster", secret.getMetadata().getLabels().get("argocd.argoproj.io/secret-type"));
    assertEquals("exp-app", secret.getStringData().get("name"));
    assertEquals("https://1.2.3.4", secret.getStringData().get("server"));
    JsonNode config = LabYaml.json().readTree(secret.getStringData().get("config"));
    assertEquals("Q0E=", config.at("/tlsClientConfig/caData").asText());
    assertEquals("Q0VSVA==", config.at("/tlsClientConfig/certData").asText());
    assertEquals("S0VZ", config.at("/tlsClientConfig/keyData").asText());
    assertEquals(false, config.at("/tlsClientConfig/insecure").asBoolean(true));
    assertTrue(config.path("bearerToken").isMissingNode());
  }

  @Test
  void aKubeconfigWithoutItsCurrentContextGivesNoCredentials() {
    assertTrue(ClusterCredentials.fromKubeconfig("current-context: nope\ncontexts: []").isEmpty());
    assertTrue(ClusterCredentials.fromKubeconfig(": not yaml [").isEmpty());
  }

  private Application app(Component component, Map<String, String> params) {
    return deployments.application(
        "exp",
        new CreateApplication(
            "app",
            "exp-app-" + component.getMetadata().getName(),
            new ComponentRef(component.getMetadata().getName(), null, null, params),
            "exp-app",
            "exp"),
        component);
  }

  /** A chart whose values come from a second, ref'd Git source; zeta forced to a string. */
  private static Component chartComponent() {
    List<HelmParameter> parameters =
        new ArrayList<>(
            List.of(
                new HelmParameter("zeta", "source", true),
                new HelmParameter("mid", "source", null)));
    Component vm =
        component(
            "vm",
            new ComponentSource(
                "https://charts.example.org",
                "1.0.0",
                null,
                "vm-single",
                null,
                new HelmSource("vm", List.of("$values/values.yaml"), parameters)),
            new ComponentSource(REPO, null, null, null, "values", null));
    vm.getSpec()
        .setParameters(
            List.of(
                new ComponentParameter("retention", null, "1d", null, null),
                new ComponentParameter("no-default", null, null, null, null)));
    return vm;
  }

  private static Component component(String name, ComponentSource... sources) {
    Component component = new Component();
    component.setMetadata(new ObjectMetaBuilder().withName(name).build());
    component.setSpec(
        new ComponentSpec(null, null, null, new ArrayList<>(List.of(sources)), null, null));
    return component;
  }

  private static Application withStatus(String health, String sync) {
    Application app = new Application();
    ApplicationStatus status = new ApplicationStatus();
    Health h = new Health();
    h.setStatus(health);
    Sync s = new Sync();
    s.setStatus(sync);
    status.setHealth(h);
    status.setSync(s);
    app.setStatus(status);
    return app;
  }
}
