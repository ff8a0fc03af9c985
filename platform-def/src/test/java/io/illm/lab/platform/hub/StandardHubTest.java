package io.illm.lab.platform.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.platform.Hub;
import io.illm.lab.platform.HubObject;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The standard hub: every object valid against its kind's upstream schema, in a sound order. */
class StandardHubTest {

  private static final Set<String> CORE =
      Set.of("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");

  private final Hub hub = StandardHub.of(HubParameters.defaults("https://example.org/lab.git"));

  @Test
  void everyObjectMatchesItsUpstreamSchema() {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    List<Problem> problems = new ArrayList<>();
    for (HubObject object : hub.objects()) {
      JsonNode tree = LabYaml.json().valueToTree(object.object());
      assertTrue(
          schemas.knows(tree) || CORE.contains(object.object().getKind()),
          object.label() + " has no schema to be checked against");
      problems.addAll(schemas.check(object.path(), tree));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void aWrongFieldInAHubObjectIsCaught() {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    HubObject crossplane =
        hub.objects().stream()
            .filter(o -> o.path().equals("platform/apps/crossplane.yaml"))
            .findFirst()
            .orElseThrow();
    JsonNode tree = LabYaml.json().valueToTree(crossplane.object());
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec")).put("projekt", "x");
    assertEquals(
        List.of("spec.projekt"),
        schemas.check("crossplane", tree).stream().map(Problem::path).toList());
  }

  @Test
  void kindsComeBeforeWhatUsesThem() {
    List<String> order =
        hub.inSyncOrder().stream().map(o -> o.object().getMetadata().getName()).toList();
    assertTrue(
        order.indexOf("crossplane") < order.indexOf("crossplane-packages"), order.toString());
    assertTrue(order.indexOf("crossplane-packages") < order.indexOf("provider-configs"));
    assertTrue(order.indexOf("cluster-api") < order.indexOf("provider-configs"));
    assertTrue(order.indexOf("kyverno") < order.indexOf("policies"));
    assertTrue(order.indexOf("policies") < order.indexOf("illm-lab-operator"));
    assertTrue(order.indexOf("illm-lab-operator") < order.indexOf("experiments"));
    assertTrue(order.indexOf("argocd") < order.indexOf("crossplane"));
  }

  @Test
  void theHubSyncsTheUsersRepositoryAtItsRevision() {
    String experiments = hub.files("test").get("platform/apps/experiments.yaml");
    assertTrue(experiments.contains("repoURL: https://example.org/lab.git"), experiments);
    assertTrue(experiments.contains("targetRevision: main"), experiments);
    assertTrue(experiments.contains("recurse: true"), experiments);
    assertTrue(hub.files("test").containsKey("platform/bootstrap/argocd-values.yaml"));
  }

  @Test
  void theOperatorIsTheBaseWithTheHubsMetricsAndResultsStore() {
    String app = hub.files("test").get("platform/apps/illm-lab-operator.yaml");
    assertTrue(app.contains("path: platform/hub/operator"), app);
    String overlay = hub.files("test").get("platform/hub/operator/kustomization.yaml");
    assertTrue(overlay.contains("- ../../operator"), overlay);
    assertTrue(overlay.contains("value: " + Services.METRICS_URL), overlay);
    assertTrue(overlay.contains("value: s3://experiment-results/lab"), overlay);
    assertTrue(overlay.contains("name: results-s3"), overlay);
  }

  @Test
  void theHubsArgoCdCarriesTheExperimentHealthCheck() {
    String argocd = hub.files("test").get("platform/apps/argocd.yaml");
    assertTrue(argocd.contains(HealthChecks.EXPERIMENT_KEY), argocd);
    String values = hub.files("test").get("platform/bootstrap/argocd-values.yaml");
    assertTrue(values.contains(HealthChecks.EXPERIMENT_KEY), values);
  }
}
