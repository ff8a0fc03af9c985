package io.illm.lab.cli.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TutorialServiceStatus;
import io.illm.lab.model.TutorialStatus;
import io.illm.lab.operator.testing.Testing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a tutorial's learner is shown by ./lab run and ./lab submit. */
class TutorialsTest {

  private static final String FETCH =
      "kubectl get secret tsdb-app-tutorial-kubeconfig -n experiments"
          + " -o jsonpath='{.data.kubeconfig}'"
          + " | base64 -d > app.kubeconfig";

  private static Experiment tutorial(Phase phase, boolean grafanaReady) {
    Experiment e = Testing.twoTargetExperiment("tsdb");
    ExperimentStatus s = new ExperimentStatus();
    s.setPhase(phase);
    s.setTutorial(
        new TutorialStatus(
            new ArrayList<>(
                List.of(
                    new TutorialServiceStatus(
                        "grafana", "app", "grafana.tsdb.svc:80", grafanaReady),
                    new TutorialServiceStatus(
                        "k6", "load", "k6-api.k6.svc:6565/v1/status", false))),
            new ArrayList<>(
                List.of(
                    new KubeconfigSecret(
                        "app", "tsdb-app-tutorial-kubeconfig", Testing.CLAIMS_NAMESPACE)))));
    e.setStatus(s);
    return e;
  }

  @Test
  void onceReadyTheServicesAndTheKubeconfigCommandAreShown() {
    assertEquals(
        List.of(
            "tutorial: services to open (in-cluster addresses; kubectl port-forward reaches them):",
            "  grafana  app  grafana.tsdb.svc:80  ready",
            "  k6       load  k6-api.k6.svc:6565/v1/status  not ready yet",
            "tutorial: kubeconfig of app: " + FETCH),
        Tutorials.lines(tutorial(Phase.READY, true)));
  }

  @Test
  void beforeReadyAndOnceCleanedNothingIsShown() {
    assertEquals(List.of(), Tutorials.lines(tutorial(Phase.PROVISIONING, false)));
    Experiment cleaned = tutorial(Phase.COMPLETE, false);
    cleaned.getStatus().setResourcesCleaned(true);
    assertEquals(List.of(), Tutorials.lines(cleaned));
    assertEquals(List.of(), Tutorials.lines(Testing.twoTargetExperiment("plain")));
    assertEquals(
        4,
        Tutorials.lines(tutorial(Phase.COMPLETE, false)).size(),
        "ended but retained: the Secrets are still there to fetch");
  }

  @Test
  void theJsonHasEveryServiceAndEachCommand() {
    String json = Progress.oneLine(Progress.json(tutorial(Phase.RUNNING, true), null, at()));
    assertTrue(
        json.contains(
            "\"tutorial\":{\"services\":[{\"name\":\"grafana\",\"target\":\"app\",\"endpoint\":"
                + "\"grafana.tsdb.svc:80\",\"ready\":true},"),
        json);
    assertTrue(
        json.contains(
            "\"kubeconfigs\":[{\"target\":\"app\",\"secret\":\"tsdb-app-tutorial-kubeconfig\","
                + "\"namespace\":\"experiments\","
                + "\"command\":\"kubectl get secret tsdb-app-tutorial-kubeconfig -n experiments"),
        json);
    String plain =
        Progress.oneLine(Progress.json(Testing.twoTargetExperiment("plain"), null, at()));
    assertTrue(plain.contains("\"tutorial\":null"), plain);
  }

  @Test
  void theNoticeShowsTheBlockOnceAndAgainWhenAServiceBecomesReady() {
    Tutorials.Notice notice = new Tutorials.Notice();
    assertEquals(4, notice.next(tutorial(Phase.READY, false)).size());
    assertEquals(List.of(), notice.next(tutorial(Phase.READY, false)));
    assertEquals(4, notice.next(tutorial(Phase.RUNNING, true)).size());
  }

  @Test
  void aSecretRecordedWithoutANamespaceIsFetchedFromTheExperimentsAsBefore() {
    Experiment e = tutorial(Phase.READY, true);
    e.getStatus().getTutorial().getKubeconfigSecrets().get(0).setNamespace(null);
    assertEquals(
        "tutorial: kubeconfig of app: " + FETCH.replace("-n experiments", "-n lab"),
        Tutorials.lines(e).get(3));
  }

  private static Timeline at() {
    return new Timeline.Server(
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-11-27T00:00:00Z"), java.time.ZoneOffset.UTC));
  }
}
