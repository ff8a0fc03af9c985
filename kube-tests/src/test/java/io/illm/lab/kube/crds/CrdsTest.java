package io.illm.lab.kube.crds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.Kubectl;
import io.illm.lab.kube.RealServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.validate.LabCheckout;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated CRDs on a real kube-apiserver: their structural schemas and CEL rules accepted, and
 * {@code kubectl get experiments} printing the printer columns from a status the server stored.
 */
@ExtendWith(RealServer.class)
class CrdsTest {

  private static final String NS = "crds-test";
  private static ControlPlane plane;
  private static KubernetesClient admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    admin = plane.admin();
    plane.namespaces(NS);
  }

  @Test
  void theLabsCrdsAreEstablishedWithStructuralSchemasAndCompiledCelRules() {
    for (String name : ControlPlane.LAB_CRDS) {
      CustomResourceDefinition crd =
          admin.apiextensions().v1().customResourceDefinitions().withName(name).get();
      assertTrue(ControlPlane.established(crd), name + " is not Established: " + crd.getStatus());
      assertFalse(
          crd.getStatus().getConditions().stream()
              .anyMatch(c -> "NonStructuralSchema".equals(c.getType())),
          name + ": " + crd.getStatus().getConditions());
      CustomResourceDefinition file =
          plane.load(KubeBinaries.ROOT.resolve("generated-crds/" + name + ".yaml"));
      assertEquals(
          celRules(file), celRules(crd), name + ": the server kept every CEL rule of the file");
    }
  }

  @Test
  void kubectlGetExperimentsShowsThePrinterColumns() {
    Experiment experiment =
        LabCheckout.experiment(KubeBinaries.ROOT.resolve("experiments/hello-app/experiment.yaml"));
    experiment.getMetadata().setNamespace(NS);
    admin.resource(experiment).create();
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(io.illm.lab.model.Phase.COMPLETE);
    status.setHypothesisResult(io.illm.lab.model.HypothesisResult.VALIDATED);
    status.setResourcesCleaned(true);
    status.setResultsURL("file:///results/hello-app");
    status.setWorkflowStatus(new io.illm.lab.model.WorkflowStatus());
    status.getWorkflowStatus().setName("hello-app-run");
    status.getWorkflowStatus().setPhase("Succeeded");
    experiment = admin.resources(Experiment.class).inNamespace(NS).withName("hello-app").get();
    experiment.setStatus(status);
    admin.resource(experiment).updateStatus();

    Kubectl.Result wide = plane.kubectl("get", "experiments", "-n", NS, "-o", "wide");
    assertEquals(0, wide.exitCode(), wide.toString());
    List<String> lines = wide.out().strip().lines().toList();
    assertEquals(
        List.of("NAME", "PHASE", "TARGETS", "WORKFLOW", "VERDICT", "CLEANED", "RESULTS", "AGE"),
        Arrays.asList(lines.get(0).trim().split("\\s+")),
        wide.toString());
    assertEquals(
        List.of(
            "hello-app",
            "Complete",
            "app",
            "Succeeded",
            "validated",
            "true",
            "file:///results/hello-app"),
        Arrays.asList(lines.get(1).trim().split("\\s+")).subList(0, 7),
        wide.toString());
    Kubectl.Result narrow = plane.kubectl("get", "exp", "-n", NS);
    assertTrue(narrow.out().startsWith("NAME"), narrow.toString());
    assertFalse(narrow.out().contains("RESULTS"), "Results is priority 1: -o wide only");
  }

  private static List<String> celRules(CustomResourceDefinition crd) {
    StringBuilder rules = new StringBuilder();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      collect(admin.getKubernetesSerialization().asJson(version.getSchema()), rules);
    }
    return rules.toString().lines().sorted().toList();
  }

  private static void collect(String json, StringBuilder into) {
    var matcher =
        java.util.regex.Pattern.compile("\"rule\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    while (matcher.find()) {
      into.append(matcher.group(1)).append('\n');
    }
  }
}
