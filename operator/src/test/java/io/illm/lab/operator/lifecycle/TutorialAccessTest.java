package io.illm.lab.operator.lifecycle;

import static io.illm.lab.operator.testing.Testing.APP_CLAIM;
import static io.illm.lab.operator.testing.Testing.APP_KUBECONFIG;
import static io.illm.lab.operator.testing.Testing.APP_PROM;
import static io.illm.lab.operator.testing.Testing.CLAIMS_NAMESPACE;
import static io.illm.lab.operator.testing.Testing.LOAD_K6;
import static io.illm.lab.operator.testing.Testing.T0;
import static io.illm.lab.operator.testing.Testing.app;
import static io.illm.lab.operator.testing.Testing.at;
import static io.illm.lab.operator.testing.Testing.deleted;
import static io.illm.lab.operator.testing.Testing.readyCluster;
import static io.illm.lab.operator.testing.Testing.status;
import static io.illm.lab.operator.testing.Testing.tutorialSpec;
import static io.illm.lab.operator.testing.Testing.withoutEvents;
import static io.illm.lab.operator.testing.Testing.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TutorialServiceStatus;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tutorial's learner access: kubeconfig Secrets from Ready on, the services, and cleanup. */
class TutorialAccessTest {

  private static final Duration M1 = Duration.ofMinutes(1);

  private static Observation clusterReady() {
    return world().withCluster(APP_CLAIM, readyCluster(true));
  }

  private static Observation exposed(Observation world) {
    return world.withCluster(
        APP_CLAIM, world.cluster(APP_CLAIM).withKubeconfigSecret(APP_KUBECONFIG));
  }

  @Test
  void atReadyTheCloudTargetsKubeconfigIsWrittenAndRecordedBeforeItExists() {
    Decision d = Lifecycle.decide(tutorialSpec(), status(Phase.READY, T0), clusterReady(), at(M1));

    assertEquals(
        List.of("CreateApplication " + APP_PROM, "ExposeKubeconfig " + APP_KUBECONFIG),
        withoutEvents(d.actions()));
    assertEquals(
        List.of(new KubeconfigSecret("app", APP_KUBECONFIG, CLAIMS_NAMESPACE)),
        d.status().getTutorial().getKubeconfigSecrets(),
        "one Secret, for the gke target only (the hub target has none), beside the claims");
  }

  @Test
  void theServicesHaveTheirEndpointsAndAreReadyOnceTheirTargetIsHealthy() {
    Decision d =
        Lifecycle.decide(
            tutorialSpec(),
            status(Phase.READY, T0),
            exposed(clusterReady()).withApplication(APP_PROM, app(AppState.HEALTHY)),
            at(M1));

    assertEquals(
        List.of(
            new TutorialServiceStatus("grafana", "app", "grafana.tsdb.svc:80", true),
            new TutorialServiceStatus("k6", "load", "k6-api.k6.svc:6565/v1/status", false)),
        d.status().getTutorial().getServices());
    assertEquals(List.of("CreateApplication " + LOAD_K6), withoutEvents(d.actions()));
  }

  @Test
  void aSecretSomeoneDeletedWhileRunningIsWrittenAgain() {
    ExperimentStatus running = status(Phase.RUNNING, T0);
    running.getTargets().forEach(t -> t.setPhase("Healthy"));
    Decision d =
        Lifecycle.decide(
            tutorialSpec(),
            running,
            clusterReady()
                .withApplication(APP_PROM, app(AppState.HEALTHY))
                .withApplication(LOAD_K6, app(AppState.HEALTHY)),
            at(M1));

    assertTrue(
        withoutEvents(d.actions()).contains("ExposeKubeconfig " + APP_KUBECONFIG),
        d.actions().toString());
  }

  @Test
  void withoutATutorialNothingIsWrittenAndTheStatusHasNoTutorial() {
    Decision d =
        Lifecycle.decide(Testing.twoTargetSpec(), status(Phase.READY, T0), clusterReady(), at(M1));

    assertEquals(List.of("CreateApplication " + APP_PROM), withoutEvents(d.actions()));
    assertNull(d.status().getTutorial());
  }

  @Test
  void deletionMidRunDeletesTheSecretAndKeepsTheFinalizerUntilItIsGone() {
    ExperimentStatus ready =
        Lifecycle.decide(tutorialSpec(), status(Phase.READY, T0), clusterReady(), at(M1)).status();
    Observation world = deleted(exposed(clusterReady()));
    Decision first = Lifecycle.decide(tutorialSpec(), ready, world, at(M1.multipliedBy(2)));
    assertTrue(
        withoutEvents(first.actions()).contains("DeleteKubeconfig " + APP_KUBECONFIG),
        first.actions().toString());
    assertFalse(
        first.actions().stream().anyMatch(a -> a instanceof Action.RemoveFinalizer),
        "the finalizer stays while the Secret exists");

    Observation onlySecretLeft =
        deleted(world().withCluster(APP_CLAIM, Observation.ClusterObservation.ABSENT))
            .withCluster(
                APP_CLAIM,
                Observation.ClusterObservation.ABSENT.withKubeconfigSecret(APP_KUBECONFIG));
    Decision second =
        Lifecycle.decide(tutorialSpec(), first.status(), onlySecretLeft, at(M1.multipliedBy(3)));
    assertEquals(List.of("DeleteKubeconfig " + APP_KUBECONFIG), withoutEvents(second.actions()));

    Decision last =
        Lifecycle.decide(tutorialSpec(), second.status(), deleted(world()), at(M1.multipliedBy(4)));
    assertTrue(
        last.actions().stream().anyMatch(a -> a instanceof Action.RemoveFinalizer),
        last.actions().toString());
    assertNull(last.status().getTutorial().getKubeconfigSecrets(), "none left to fetch");
    assertTrue(
        last.status().getTutorial().getServices().stream().noneMatch(s -> s.getReady()),
        "nothing left to open");
  }
}
