package io.illm.lab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Better;
import io.illm.lab.model.Budget;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.Durations;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.ObservabilitySpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.Transport;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.yaml.LabYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random experiments (every optional part present or absent) survive render, compile and run. They
 * are kept valid (criteria name a metric, zone only on gke, retainFor within 168h...) so that the
 * validator, which the generated build() runs, has nothing to refuse.
 */
class JavaSourcePropertiesTest {

  @Test
  void randomExperimentsComeBackByteIdentical() {
    qt().withExamples(10)
        .withShrinkCycles(0)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Experiment input = randomExperiment(new Random(seed));
              try {
                Object built =
                    InMemoryJava.build("gen.Random", JavaSource.experiment("gen", "Random", input));
                assertEquals(LabYaml.write(input), LabYaml.write(built), "seed " + seed);
              } catch (Exception e) {
                throw new AssertionError("seed " + seed, e);
              }
            });
  }

  private static Experiment randomExperiment(Random r) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTitle(maybe(r, text(r)));
    spec.setDescription(maybe(r, text(r)));
    spec.setTags(r.nextBoolean() ? List.of(text(r), text(r)) : null);
    spec.setPublish(maybe(r, r.nextBoolean()));
    boolean metrics = r.nextBoolean();
    if (r.nextBoolean()) {
      List<SuccessCriterion> criteria = new ArrayList<>();
      for (int i = metrics ? r.nextInt(3) : 0; i > 0; i--) {
        criteria.add(
            new SuccessCriterion(
                "m1",
                pick(r, ComparisonOperator.values()),
                r.nextGaussian() * 1e3,
                null,
                maybe(r, text(r))));
      }
      spec.setHypothesis(
          new Hypothesis(
              text(r),
              maybe(r, List.of(text(r))),
              maybe(r, List.of(text(r))),
              criteria.isEmpty() ? null : criteria));
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i <= r.nextInt(3); i++) {
      targets.add(
          new Target(
              "t" + i,
              cluster(r),
              r.nextBoolean()
                  ? List.of(
                      new ComponentRef("c" + i, null, null, maybe(r, Map.of(text(r), text(r)))))
                  : null,
              r.nextBoolean()
                  ? new ObservabilitySpec(r.nextBoolean(), maybe(r, pick(r, Transport.values())))
                  : null,
              i > 0 && r.nextBoolean() ? List.of("t0") : null));
    }
    spec.setTargets(targets);
    spec.setWorkflow(
        new WorkflowSpec(
            "w" + r.nextInt(9),
            new Completion(pick(r, CompletionMode.values())),
            maybe(r, Map.of("p", text(r)))));
    if (metrics) {
      spec.setMetrics(
          new MetricsSpec(
              List.of(
                  new MetricQuery(
                      "m1",
                      text(r),
                      maybe(r, pick(r, QueryType.values())),
                      maybe(r, text(r)),
                      maybe(r, text(r)),
                      maybe(r, "g"),
                      maybe(r, r.nextBoolean()),
                      maybe(r, pick(r, EmptyResult.values())),
                      maybe(r, pick(r, Better.values())))),
              maybe(r, pick(r, EmptyResult.values())),
              maybe(r, 1 + r.nextInt(20))));
    }
    if (r.nextBoolean()) {
      spec.setQualityGate(
          new QualityGate(
              maybe(r, r.nextBoolean()),
              maybe(r, 1 + r.nextInt(5)),
              maybe(r, r.nextDouble()),
              maybe(r, duration(r))));
    }
    if (r.nextBoolean()) {
      // phase deadlines within the 6h default total; the total, when set, at least as long
      spec.setDeadlines(
          new Deadlines(
              phase(r),
              maybe(r, phase(r)),
              maybe(r, phase(r)),
              maybe(r, phase(r)),
              maybe(r, Durations.format(Duration.ofHours(6 + r.nextInt(100))))));
    }
    if (r.nextBoolean()) {
      spec.setCleanup(new CleanupPolicy(cleanup(r), maybe(r, cleanup(r))));
    }
    spec.setBudget(r.nextBoolean() ? new Budget(r.nextInt(10_000) / 100.0) : null);
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder()
            .withName("random")
            .withNamespace(maybe(r, "ns"))
            .withLabels(maybe(r, Map.of("k", "v" + r.nextInt(9))))
            .withAnnotations(maybe(r, Map.of("note", text(r))))
            .build());
    experiment.setSpec(spec);
    return experiment;
  }

  private static ClusterSpec cluster(Random r) {
    Provider provider = pick(r, Provider.values());
    if (provider == Provider.HUB) {
      return new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null);
    }
    String zone = provider == Provider.GKE ? maybe(r, "us-central1-a") : null;
    return new ClusterSpec(
        provider,
        maybe(r, r.nextBoolean()),
        zone,
        zone == null ? maybe(r, "us-east-1") : null,
        maybe(r, "m-" + r.nextInt(9)),
        maybe(r, 1 + r.nextInt(100)),
        maybe(r, 10 + r.nextInt(1000)),
        maybe(r, "1.30"));
  }

  private static CleanupRule cleanup(Random r) {
    return r.nextBoolean()
        ? new CleanupRule(CleanupAction.DELETE, null)
        : new CleanupRule(CleanupAction.RETAIN, maybe(r, duration(r)));
  }

  private static String phase(Random r) {
    return Durations.format(Duration.ofSeconds(1 + r.nextInt(6 * 3600)));
  }

  private static String duration(Random r) {
    // 1s to 166h: positive, and within retainFor's 168h
    return Durations.format(Duration.ofSeconds(1 + r.nextInt(600_000)));
  }

  private static String text(Random r) {
    StringBuilder text = new StringBuilder();
    for (int i = r.nextInt(8); i >= 0; i--) {
      // printable non-ASCII too, but no control characters or NEL (which YAML does not keep)
      text.append(
          r.nextInt(5) == 0 ? (char) (0xa0 + r.nextInt(0x2f00)) : (char) ('a' + r.nextInt(26)));
    }
    return text.toString();
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static <T> T maybe(Random r, T value) {
    return r.nextBoolean() ? value : null;
  }
}
