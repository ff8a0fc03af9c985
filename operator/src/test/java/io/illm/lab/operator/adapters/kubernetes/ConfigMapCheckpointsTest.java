package io.illm.lab.operator.adapters.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.engine.Experiments;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.operator.metrics.Checkpoints.Saved;
import io.illm.lab.operator.metrics.MetricSpecs;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.ports.ExperimentId;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ConfigMapCheckpointsTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private static final ExperimentId ID = new ExperimentId(Experiments.NAMESPACE, "tsdb");
  private static final String BODY =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
          + "[{\"metric\":{\"pod\":\"a\"},\"value\":[1764201600,\"42\"]}]}}";

  KubernetesClient client;
  private Experiment experiment;
  private QueryPlan plan;

  @BeforeEach
  void experiment() throws Exception {
    try (InputStream crd =
        getClass()
            .getResourceAsStream("/META-INF/fabric8/experiments.experiments.illm.io-v1.yml")) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
    experiment = client.resource(Experiments.twoTargets("tsdb")).create();
    plan =
        QueryPlan.of(
            "tsdb",
            MetricSpecs.spec(MetricSpecs.perTarget(MetricSpecs.range("cpu", "rate(x[1m])"))),
            T0,
            T0.plusSeconds(600),
            3);
  }

  @Test
  void finishedWindowsComeBackAsTheyWereKeptOwnedByTheExperiment() {
    ConfigMapCheckpoints checkpoints = new ConfigMapCheckpoints(client);
    Answer answer = Answer.parse(200, BODY);
    checkpoints.save(ID, plan, 1, 0, Map.of("cpu/app", answer));
    checkpoints.save(ID, plan, 1, 2, Map.of("cpu/app", answer));

    Saved saved = checkpoints.load(ID).orElseThrow();
    assertEquals(plan, saved.plan());
    assertEquals(1, saved.attempt());
    assertEquals(List.of(0, 2), List.copyOf(saved.windows().keySet()));
    assertEquals(answer, saved.windows().get(2).get("cpu/app"));
    ConfigMap kept =
        client.configMaps().inNamespace(ID.namespace()).withName("tsdb-metrics-w2").get();
    assertEquals(
        experiment.getMetadata().getUid(), kept.getMetadata().getOwnerReferences().get(0).getUid());
  }

  @Test
  void aNewAttemptHidesTheOlderOnesWindowsAndClearDropsEverything() {
    ConfigMapCheckpoints checkpoints = new ConfigMapCheckpoints(client);
    Answer answer = Answer.parse(200, BODY);
    checkpoints.save(ID, plan, 1, 0, Map.of("cpu/app", answer));
    checkpoints.save(ID, plan, 1, 1, Map.of("cpu/app", answer));
    checkpoints.save(ID, plan, 2, 0, Map.of("cpu/app", answer));

    Saved saved = checkpoints.load(ID).orElseThrow();
    assertEquals(2, saved.attempt());
    assertEquals(List.of(0), List.copyOf(saved.windows().keySet()));

    checkpoints.clear(ID);
    assertTrue(checkpoints.load(ID).isEmpty());
    assertEquals(List.of(), client.configMaps().inNamespace(ID.namespace()).list().getItems());
  }

  @Test
  void aWindowTooLargeIsNotKeptAndNothingIsKeptForAnExperimentThatIsGone() {
    new ConfigMapCheckpoints(client, 64)
        .save(ID, plan, 1, 0, Map.of("cpu/app", Answer.parse(200, BODY)));
    assertTrue(new ConfigMapCheckpoints(client).load(ID).isEmpty());

    ExperimentId gone = new ExperimentId(Experiments.NAMESPACE, "gone");
    new ConfigMapCheckpoints(client).save(gone, plan, 1, 0, Map.of());
    assertTrue(new ConfigMapCheckpoints(client).load(gone).isEmpty());
  }
}
