package io.illm.lab.cli.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.illm.lab.cli.follow.ExperimentWatch.Change;
import io.illm.lab.cli.follow.ExperimentWatch.Updated;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.engine.Experiments;
import io.illm.lab.validate.LabCheckout;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watch behind {@code ./lab run} and {@code ./lab submit} on the fabric8 mock API server in
 * CRUD mode, whose first watch is made to end with a 410 Gone error event (what a real API server
 * sends when the watch's resourceVersion is too old to resume from).
 */
@Timeout(30)
class ExperimentWatchTest {

  /**
   * The informer's first watch, after creating the CRD (version 1) and the experiment (version 2).
   */
  private static final String FIRST_WATCH =
      "/apis/experiments.illm.io/v1alpha1/namespaces/lab/experiments"
          + "?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dtsdb&resourceVersion=2&timeoutSeconds=600&watch=true";

  private static final String LIST =
      "/apis/experiments.illm.io/v1alpha1/namespaces/lab/experiments?fieldSelector=";

  private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
  private final List<String> seen = new ArrayList<>();
  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void startApiServer() throws Exception {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(expectations),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
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
    client.close();
    server.destroy();
  }

  @Test
  void aWatchEndedByGoneListsAgainAndStillSeesLaterChanges() throws Exception {
    theFirstWatchEndsGone();

    try (ExperimentWatch watch = new ExperimentWatch(client, Experiments.NAMESPACE, "tsdb")) {
      assertInstanceOf(Updated.class, watch.next());
      while (lists() < 1) {
        Thread.sleep(10); // the informer lists again once the watch is Gone
      }
      client
          .resources(Experiment.class)
          .inNamespace(Experiments.NAMESPACE)
          .withName("tsdb")
          .editStatus(
              e -> {
                e.setStatus(new ExperimentStatus());
                e.getStatus().setPhase(Phase.RUNNING);
                return e;
              });

      Change change;
      do {
        change = watch.next();
      } while (!(change instanceof Updated u && u.experiment().getStatus() != null));
      assertEquals(Phase.RUNNING, ((Updated) change).experiment().getStatus().getPhase());
    }
  }

  /** The informer's first watch ends after 100 ms with a 410 Gone error event. */
  private void theFirstWatchEndsGone() {
    Status gone =
        new StatusBuilder()
            .withStatus("Failure")
            .withReason("Expired")
            .withCode(410)
            .withMessage("too old resource version")
            .build();
    server
        .expect()
        .get()
        .withPath(FIRST_WATCH)
        .andUpgradeToWebSocket()
        .open()
        .waitFor(100)
        .andEmit(new WatchEvent(gone, "ERROR"))
        .done()
        .once();
  }

  /** How many lists of experiments the server answered after the first one. */
  private int lists() throws InterruptedException {
    RecordedRequest request;
    while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      seen.add(request.getPath());
    }
    return (int) seen.stream().filter(p -> p.startsWith(LIST) && !p.contains("watch=true")).count()
        - 1;
  }
}
