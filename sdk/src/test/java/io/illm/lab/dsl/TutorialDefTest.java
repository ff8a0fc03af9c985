package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Category;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.yaml.LabYaml;
import org.junit.jupiter.api.Test;

/** A tutorial block as the DSL writes it, and the rules that check it at build(). */
class TutorialDefTest {

  static final ComponentDef GRAFANA =
      component("grafana", Category.OBSERVABILITY)
          .git("https://github.com/example/lab.git", "apps/grafana", "main");

  private static ExperimentDef tutorialOn(TutorialDef tutorial) {
    return experiment("learn")
        .target(target("app").on(gke()).deploy(GRAFANA))
        .workflow(workflow("walkthrough"))
        .completeOn(CompletionMode.MANUAL)
        .tutorial(tutorial);
  }

  private static String spec(ExperimentDef experiment) {
    String yaml = LabYaml.write(experiment.build());
    return yaml.substring(yaml.indexOf("  tutorial:"));
  }

  @Test
  void writesTheKubeconfigSwitchAndEachServiceInOrder() {
    String yaml =
        spec(
            tutorialOn(
                tutorial()
                    .exposeKubeconfig()
                    .service("grafana", "app", "kube-prometheus-stack-grafana", 80)
                    .service("loki", "app", "loki-gateway", "logs", 8080, "/ready")));
    assertEquals(
        """
          tutorial:
            exposeKubeconfig: true
            services:
              - name: grafana
                target: app
                service: kube-prometheus-stack-grafana
                port: 80
              - name: loki
                target: app
                service: loki-gateway
                namespace: logs
                port: 8080
                path: /ready
        """,
        yaml);
  }

  @Test
  void aServiceOnAnUnknownTargetFailsTheBuildWithTheTargetsKnown() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> tutorialOn(tutorial().service("grafana", "ap", "grafana", 80)).build());
    assertEquals(
        "experiments/learn: spec.tutorial.services[0].target: tutorial.services[].target must"
            + " name a target of this experiment: unknown target \"ap\" (did you mean app?)",
        e.problems().get(0).toString());
  }

  @Test
  void twoServicesOfOneNameFailTheBuild() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                tutorialOn(
                        tutorial()
                            .service("ui", "app", "grafana", 80)
                            .service("ui", "app", "loki", 3100))
                    .build());
    assertTrue(
        e.problems().get(0).toString().contains("spec.tutorial.services[1].name: tutorial service"),
        e.problems().toString());
  }

  @Test
  void aPortOutOfRangeIsReportedAtThePort() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> tutorialOn(tutorial().service("ui", "app", "grafana", 70000)).build());
    assertTrue(
        e.problems()
            .get(0)
            .toString()
            .startsWith("experiments/learn: spec.tutorial.services[0].port"),
        e.problems().toString());
  }
}
