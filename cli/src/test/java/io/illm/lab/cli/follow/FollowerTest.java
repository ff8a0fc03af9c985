package io.illm.lab.cli.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.illm.lab.cli.follow.Follower.Deleted;
import io.illm.lab.cli.follow.Follower.Ended;
import io.illm.lab.cli.follow.Follower.Outcome;
import io.illm.lab.cli.follow.Follower.TimedOut;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.operator.engine.Experiments;
import io.illm.lab.validate.LabCheckout;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The follower behind {@code ./lab run} and {@code ./lab submit} on the fabric8 mock API server in
 * CRUD mode; the test writes the statuses an operator would.
 */
@Timeout(30)
@EnableKubernetesMockClient(crud = true)
class FollowerTest {

  private static final String NS = Experiments.NAMESPACE;
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  KubernetesMockServer server;
  KubernetesClient client;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final List<Experiment> shown = new CopyOnWriteArrayList<>();
  private final List<String> requests = new ArrayList<>();

  @BeforeEach
  void createTheExperiment() throws Exception {
    try (InputStream crd =
        new FileInputStream(
            LabCheckout.ROOT
                .resolve("generated-crds/experiments.experiments.illm.io.yaml")
                .toFile())) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
    client.resource(Experiments.twoTargets("tsdb")).create();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @Test
  void showsEachChangeWorthALineAndEndsOnComplete() throws Exception {
    Future<Outcome> following = followInBackground(Follower.untilItEnds(client));
    awaitShown(1);

    patch(s -> s.setPhase(Phase.PROVISIONING));
    awaitShown(2);
    patch(s -> s.setObservedGeneration(3L)); // a write that changes nothing shown
    patch(s -> s.setTargets(new ArrayList<>(List.of(target("app", "Provisioning")))));
    awaitShown(3);
    patch(s -> s.setMessage("app: waiting for the cloud"));
    awaitShown(4);
    patch(s -> s.setPhase(Phase.COMPLETE));

    Outcome outcome = following.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    Ended ended = assertInstanceOf(Ended.class, outcome);
    assertTrue(ended.complete());
    assertEquals(
        List.of("Pending", "Provisioning", "Provisioning", "Provisioning", "Complete"),
        shown.stream().map(e -> Progress.phase(e).toString()).toList());
    assertEquals("app=Provisioning", Progress.targets(shown.get(2).getStatus()));
    assertEquals(Phase.COMPLETE, Progress.phase(ended.experiment()));
  }

  @Test
  void failedEndsTheFollowAsWell() throws Exception {
    Future<Outcome> following = followInBackground(Follower.untilItEnds(client));
    awaitShown(1);

    patch(s -> s.setPhase(Phase.FAILED));

    Ended ended =
        assertInstanceOf(Ended.class, following.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertFalse(ended.complete());
  }

  @Test
  void anExperimentThatHasEndedAlreadyEndsAtOnce() throws Exception {
    patch(s -> s.setPhase(Phase.COMPLETE));

    Outcome outcome = Follower.untilItEnds(client).follow(NS, "tsdb", shown::add);

    assertTrue(assertInstanceOf(Ended.class, outcome).complete());
    assertEquals(1, shown.size());
  }

  @Test
  void aWatchTheServerClosesMidwayIsWatchedAgainAndLaterChangesArrive() throws Exception {
    String version = experiments().get().getMetadata().getResourceVersion();
    // the first watch: a bookmark after 200 ms, then the server closes it (no more to send)
    Experiment bookmark = new Experiment();
    bookmark.getMetadata().setResourceVersion(version);
    server
        .expect()
        .get()
        .withPath(
            "/apis/experiments.illm.io/v1alpha1/namespaces/"
                + NS
                + "/experiments?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dtsdb"
                + "&resourceVersion="
                + version
                + "&timeoutSeconds=600&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(200)
        .andEmit(new WatchEvent(bookmark, "BOOKMARK"))
        .done()
        .once();
    Future<Outcome> following = followInBackground(Follower.untilItEnds(client));
    awaitShown(1);
    await(() -> watches() >= 2, () -> "a second watch after the first was closed: " + requests);

    patch(s -> s.setPhase(Phase.RUNNING));
    awaitShown(2);
    patch(s -> s.setPhase(Phase.COMPLETE));

    assertInstanceOf(Ended.class, following.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertEquals(
        List.of(Phase.PENDING, Phase.RUNNING, Phase.COMPLETE),
        shown.stream().map(Progress::phase).toList());
  }

  @Test
  void theTimeoutEndsAFollowThatSeesNoEnd() throws Exception {
    long start = System.nanoTime();

    Outcome outcome =
        Follower.atMost(client, Duration.ofMillis(400)).follow(NS, "tsdb", shown::add);

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    TimedOut timedOut = assertInstanceOf(TimedOut.class, outcome);
    assertEquals(Duration.ofMillis(400), timedOut.after());
    assertEquals(Phase.PENDING, timedOut.lastSeen().map(Progress::phase).orElseThrow());
    assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0, "took " + took);
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
  }

  @Test
  void theTimeoutDoesNotCutAChangeShort() throws Exception {
    Future<Outcome> following = followInBackground(Follower.atMost(client, PATIENCE));
    awaitShown(1);

    patch(s -> s.setPhase(Phase.COMPLETE));

    assertInstanceOf(Ended.class, following.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
  }

  @Test
  void anExperimentDeletedWhileFollowedEndsTheFollow() throws Exception {
    Future<Outcome> following = followInBackground(Follower.untilItEnds(client));
    awaitShown(1);

    experiments().delete();

    Deleted deleted =
        assertInstanceOf(Deleted.class, following.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertEquals("tsdb", deleted.experiment().getMetadata().getName());
  }

  @Test
  void theKeyChangesWithWhatIsShownOnly() {
    Experiment e = Experiments.twoTargets("tsdb");
    e.setStatus(new ExperimentStatus());
    e.getStatus().setPhase(Phase.RUNNING);
    e.getStatus().setTargets(new ArrayList<>(List.of(target("app", "Ready"))));
    String before = Follower.key(e);

    e.getStatus().setObservedGeneration(7L);
    e.getStatus().setPhaseStartedAt(Instant.now().toString());
    e.getStatus().setStepStartedAt(Instant.now().toString());
    assertEquals(before, Follower.key(e));

    e.getStatus().setStep("Collecting");
    assertNotEquals(before, Follower.key(e));
    String collecting = Follower.key(e);
    e.getStatus().getTargets().get(0).setPhase("Degraded");
    assertNotEquals(collecting, Follower.key(e));
    String degraded = Follower.key(e);
    e.getStatus().setMessage("app: degraded");
    assertNotEquals(degraded, Follower.key(e));
  }

  private Future<Outcome> followInBackground(Follower follower) {
    return background.submit(() -> follower.follow(NS, "tsdb", shown::add));
  }

  private Resource<Experiment> experiments() {
    return client.resources(Experiment.class).inNamespace(NS).withName("tsdb");
  }

  private void patch(Consumer<ExperimentStatus> change) {
    experiments()
        .editStatus(
            e -> {
              if (e.getStatus() == null) {
                e.setStatus(new ExperimentStatus());
              }
              change.accept(e.getStatus());
              return e;
            });
  }

  private void awaitShown(int count) throws InterruptedException {
    await(
        () -> shown.size() >= count,
        () -> count + " shown, got " + shown.stream().map(Follower::key).toList());
  }

  private static void await(Supplier<Boolean> condition, Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        fail("waited in vain for " + what.get());
      }
      Thread.sleep(20);
    }
  }

  /** How many watches of experiments the server was asked for so far. */
  private long watches() {
    RecordedRequest request;
    try {
      while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
        requests.add(request.getPath());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return requests.stream()
        .filter(p -> p.contains("/experiments?") && p.contains("watch=true"))
        .count();
  }

  private static TargetStatus target(String name, String phase) {
    TargetStatus target = new TargetStatus();
    target.setName(name);
    target.setPhase(phase);
    return target;
  }
}
