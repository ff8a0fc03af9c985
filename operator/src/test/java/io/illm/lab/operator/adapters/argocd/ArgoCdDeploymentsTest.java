package io.illm.lab.operator.adapters.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.operator.adapters.kubernetes.ChildCrds;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argocd.ApplicationStatus;
import io.illm.lab.operator.children.argocd.applicationstatus.Conditions;
import io.illm.lab.operator.children.argocd.applicationstatus.Health;
import io.illm.lab.operator.children.argocd.applicationstatus.Sync;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.DeleteApplication;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import io.illm.lab.operator.testing.Testing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deployment port against the fabric8 mock API server in CRUD mode; the test plays ArgoCD. */
@EnableKubernetesMockClient(crud = true)
class ArgoCdDeploymentsTest {

  private static final ExperimentId EXPERIMENT = new ExperimentId("lab", "tsdb");
  private static final String APP = "tsdb-app-prometheus";

  KubernetesClient client;
  private ArgoCdDeployments deployments;

  @BeforeEach
  void wire() {
    ChildCrds.apply(client);
    client.resource(Testing.gitComponent("prometheus")).create();
    deployments = new ArgoCdDeployments(client, Placement.DEFAULT);
  }

  @Test
  void creatingTwiceCreatesOneApplicationFromTheComponent() {
    deployments.create(EXPERIMENT, create(APP, "prometheus"));
    deployments.create(EXPERIMENT, create(APP, "prometheus"));

    List<Application> apps =
        client.resources(Application.class).inNamespace("argocd").list().getItems();
    assertEquals(1, apps.size());
    assertEquals(
        "https://example.invalid/lab.git", apps.get(0).getSpec().getSources().get(0).getRepoURL());
    assertEquals("tsdb-app", apps.get(0).getSpec().getDestination().getName());
  }

  @Test
  void aComponentNotInTheCatalogueIsTransientAndCreatesNothing() {
    PortException e =
        assertThrows(
            PortException.class, () -> deployments.create(EXPERIMENT, create(APP, "grafana")));

    assertTrue(e.getMessage().contains("component grafana does not exist"), e.getMessage());
    assertEquals(Map.of(), deployments.observe(EXPERIMENT));
  }

  @Test
  void observeMapsEveryStateOfTheApplication() {
    assertEquals(Map.of(), deployments.observe(EXPERIMENT));

    deployments.create(EXPERIMENT, create(APP, "prometheus"));
    assertEquals(AppState.PROGRESSING, observed().state());

    setStatus("Healthy", "OutOfSync", null);
    assertEquals(AppState.PROGRESSING, observed().state());

    setStatus("Degraded", "Synced", null);
    assertEquals(AppState.DEGRADED, observed().state());

    setStatus("Missing", "Unknown", "repository not found");
    assertEquals(new AppObservation(AppState.DEGRADED, "repository not found"), observed());

    setStatus("Healthy", "Synced", null);
    assertEquals(new AppObservation(AppState.HEALTHY, null), observed());

    deployments.delete(EXPERIMENT, new DeleteApplication(APP));
    assertEquals(AppState.DELETING, observed().state()); // held by the resources finalizer

    removeFinalizers();
    assertEquals(Map.of(), deployments.observe(EXPERIMENT));
  }

  @Test
  void deletingAMissingApplicationIsFine() {
    deployments.delete(EXPERIMENT, new DeleteApplication(APP));

    assertEquals(Map.of(), deployments.observe(EXPERIMENT));
  }

  @Test
  void applicationsOfOtherExperimentsAreNotObserved() {
    deployments.create(
        new ExperimentId("lab", "other"), create("other-app-prometheus", "prometheus"));

    assertEquals(Map.of(), deployments.observe(EXPERIMENT));
  }

  private AppObservation observed() {
    return deployments.observe(EXPERIMENT).get(APP);
  }

  /** What ArgoCD does: writes the Application's status (no status subresource on Applications). */
  private void setStatus(String health, String sync, String comparisonError) {
    Application app = client.resources(Application.class).inNamespace("argocd").withName(APP).get();
    ApplicationStatus status = new ApplicationStatus();
    Health h = new Health();
    h.setStatus(health);
    status.setHealth(h);
    Sync s = new Sync();
    s.setStatus(sync);
    status.setSync(s);
    if (comparisonError != null) {
      Conditions condition = new Conditions();
      condition.setType("ComparisonError");
      condition.setMessage(comparisonError);
      status.setConditions(List.of(condition));
    }
    app.setStatus(status);
    client.resource(app).update();
  }

  private void removeFinalizers() {
    Application app = client.resources(Application.class).inNamespace("argocd").withName(APP).get();
    app.getMetadata().setFinalizers(List.of());
    client.resource(app).update();
  }

  static CreateApplication create(String name, String component) {
    return new CreateApplication(
        "app", name, new ComponentRef(component, null, null, null), "tsdb-app", "monitoring");
  }
}
