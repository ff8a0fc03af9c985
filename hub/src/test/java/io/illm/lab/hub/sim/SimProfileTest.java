package io.illm.lab.hub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The levels a spec declares: requests, limits and the workflow's load. */
class SimProfileTest {

  static final double MIB = 1024 * 1024;

  /** A Helm component setting these values, released as {@code name}. */
  static ComponentSpec helm(String name, Map<String, String> values) {
    ComponentSpec spec = new ComponentSpec();
    spec.setSources(
        List.of(
            new ComponentSource(
                "https://charts.example.com",
                "1.0.0",
                null,
                name,
                null,
                new HelmSource(
                    name,
                    null,
                    values.entrySet().stream()
                        .map(e -> new HelmParameter(e.getKey(), e.getValue(), null))
                        .toList()))));
    return spec;
  }

  /** One gke target per component name, with these workflow params. */
  static Experiment experiment(String name, Map<String, String> params, String... components) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(
        java.util.Arrays.stream(components)
            .map(
                c ->
                    new Target(
                        "t-" + c,
                        new ClusterSpec(Provider.GKE, null, null, null, null, null, null, null),
                        List.of(new ComponentRef(c, null, null, null)),
                        null,
                        null))
            .toList());
    spec.setWorkflow(
        new WorkflowSpec(
            "load", new Completion(CompletionMode.WORKFLOW), params.isEmpty() ? null : params));
    Experiment experiment = new Experiment();
    experiment.getMetadata().setName(name);
    experiment.setSpec(spec);
    return experiment;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "256Mi, 268435456",
    "1Gi, 1073741824",
    "100m, 0.1",
    "0.5, 0.5",
    "2, 2",
    "1k, 1000",
    "1.5e3, 1500",
    "lots, 0"
  })
  void kubernetesQuantities(String text, double value) {
    assertEquals(value, SimProfile.quantity(text), 1e-9);
  }

  @Test
  void theLevelLiesBetweenTheDeclaredRequestAndLimitAtTheDeclaredLoad() {
    Map<String, String> vm =
        Map.of(
            "server.resources.requests.memory", "256Mi",
            "server.resources.limits.memory", "512Mi",
            "server.resources.requests.cpu", "100m",
            "server.resources.limits.cpu", "500m");
    SimProfile profile =
        SimProfile.of(
            experiment("x", Map.of("series", "50000"), "vm"),
            name -> Optional.of(helm("victoria-metrics", vm)),
            1);

    SimProfile.Pod pod = profile.pods().get(0);
    assertEquals(0.5, profile.load(), "50,000 series is half the load");
    assertEquals(384 * MIB, pod.memory(), 0.02 * 384 * MIB, "256 + 0.5 x 256 MiB, within 2%");
    assertEquals(512 * MIB, pod.memoryLimit());
    assertEquals(0.3, pod.cores(), 0.02 * 0.3);
    assertEquals("victoria-metrics-0", pod.labels().get("pod"));
    assertEquals("x-t-vm", pod.labels().get("cluster"));
    assertEquals("t-vm", pod.labels().get("target"));
  }

  @Test
  void moreLoadOrAHigherLimitMeansMoreMemoryAndNothingGoesOverTheLimit() {
    Map<String, String> small =
        Map.of("resources.requests.memory", "256Mi", "resources.limits.memory", "512Mi");
    Map<String, String> large =
        Map.of("resources.requests.memory", "256Mi", "resources.limits.memory", "1Gi");
    double light = level(small, Map.of("rate", "500"));
    double heavy = level(small, Map.of("rate", "50000"));
    double roomy = level(large, Map.of("rate", "500"));

    assertTrue(light < heavy, light + " < " + heavy);
    assertTrue(light < roomy, light + " < " + roomy);
    assertTrue(level(small, Map.of("series", "1e12")) <= 0.95 * 512 * MIB);
  }

  @Test
  void withoutDeclaredResourcesOrLoadTheDefaultsApply() {
    SimProfile profile =
        SimProfile.of(experiment("x", Map.of(), "hello-app"), name -> Optional.empty(), 1);

    SimProfile.Pod pod = profile.pods().get(0);
    assertEquals(SimProfile.DEFAULT_LOAD, profile.load());
    assertEquals(112 * MIB, pod.memory(), 0.02 * 112 * MIB, "64 + 0.25 x (256 - 64) MiB");
    assertEquals("hello-app-0", pod.labels().get("pod"), "no release: the component's name");
  }

  private static double level(Map<String, String> values, Map<String, String> params) {
    return SimProfile.of(experiment("x", params, "c"), name -> Optional.of(helm("c", values)), 1)
        .pods()
        .get(0)
        .memory();
  }
}
