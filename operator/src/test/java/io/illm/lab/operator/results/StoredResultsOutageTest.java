package io.illm.lab.operator.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.adapters.kubernetes.ConfigMapPendingRuns;
import io.illm.lab.operator.adapters.s3.S3ResultsStore;
import io.illm.lab.operator.adapters.s3.S3Server;
import io.illm.lab.operator.adapters.s3.S3Settings;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsState;
import io.illm.lab.operator.ports.ExperimentId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3 store goes down in the middle of a run's write (after the raw files, before summary.json):
 * the port retries, keeps the run on the hub past the deadline and reports it STORED there; once
 * the store is back, PendingUploads moves it and deletes the ConfigMap. Real S3 protocol (s3proxy)
 * and the fabric8 mock API server in CRUD mode.
 */
@EnableKubernetesMockClient(crud = true)
class StoredResultsOutageTest {

  static final ExperimentId ID = new ExperimentId("experiments", "tsdb");

  KubernetesClient client;

  @Test
  void anOutageBeforeSummaryJsonEndsOnTheHubAndTheRunIsUploadedWhenTheStoreIsBack()
      throws Exception {
    try (S3Server server = new S3Server()) {
      S3Settings settings = server.settings("lab");
      AtomicBoolean outage = new AtomicBoolean();
      ExecutionInterceptor stopBeforeSummary =
          new ExecutionInterceptor() {
            @Override
            public void beforeExecution(
                Context.BeforeExecution context, ExecutionAttributes attributes) {
              if (context.request() instanceof PutObjectRequest put
                  && put.key().endsWith("/summary.json")
                  && outage.compareAndSet(false, true)) {
                stopQuietly(server);
              }
            }
          };
      S3ResultsStore store =
          new S3ResultsStore(
              S3ResultsStore.clientBuilder(
                      settings, c -> c.addExecutionInterceptor(stopBeforeSummary))
                  .build(),
              settings);
      ConfigMapPendingRuns hub = new ConfigMapPendingRuns(client, "illm-lab");
      SummarySource.Run run = SampleRuns.run("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
      RunFiles files = RunFiles.of(run);
      Retries retries =
          new Retries(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(200));

      try (StoredResults results =
          new StoredResults(
              store, (id, spec, status, collected) -> run, Optional.of(hub), retries, 1)) {
        results.store(
            ID, new ExperimentSpec(), new ExperimentStatus(), new StoreResults("tsdb", null));
        ResultsObservation done =
            Await.until(
                "the store to end",
                () -> results.observe(ID),
                o -> o.state() != ResultsState.STORING);

        assertEquals(ResultsState.STORED, done.state(), done.toString());
        assertEquals(
            "configmap://illm-lab/illm-results-tsdb-20261127t000100z-6f1c2d3e", done.url());
        assertTrue(
            done.message().startsWith("pending upload: store unavailable for "), done.message());
        assertTrue(
            done.message()
                .contains(
                    "put s3://experiment-results/lab/experiments/tsdb/20261127T000100Z-6f1c2d3e/"),
            done.message());
      }
      assertEquals(List.of("illm-results-tsdb-20261127t000100z-6f1c2d3e"), hub.pending());

      server.restart();
      assertEquals(
          List.of(),
          store.runs("tsdb"),
          "the raw files made it before the outage, the summary did not");

      try (PendingUploads uploads = new PendingUploads(hub, store)) {
        PendingUploads.Pass pass = uploads.uploadAll();
        assertEquals(
            new PendingUploads.Pass(
                List.of("s3://experiment-results/lab/experiments/tsdb/20261127T000100Z-6f1c2d3e/"),
                List.of()),
            pass);
      }
      assertEquals(List.of(), client.configMaps().inNamespace("illm-lab").list().getItems());
      assertEquals(List.of(files.key()), store.runs("tsdb"));
      assertArrayEquals(files.summary(), store.summary(files.key()).orElseThrow());
      for (var raw : files.raw().entrySet()) {
        assertArrayEquals(
            raw.getValue(),
            server
                .blobs()
                .getBlob(S3Server.BUCKET, "lab/" + files.key().rawKey(raw.getKey()))
                .readAllBytes(),
            raw.getKey());
      }
      store.close();
    }
  }

  @Test
  void whileTheStoreIsStillDownTheRunStaysOnTheHub() throws Exception {
    try (S3Server server = new S3Server()) {
      S3ResultsStore store = S3ResultsStore.open(server.settings("lab"));
      ConfigMapPendingRuns hub = new ConfigMapPendingRuns(client, "illm-lab");
      RunFiles files = SampleRuns.files("tsdb", "u1", "2026-11-27T00:01:00Z");
      hub.keep(files, "down");
      server.stop();

      try (PendingUploads uploads = new PendingUploads(hub, store)) {
        PendingUploads.Pass pass = uploads.uploadAll();
        assertEquals(List.of(), pass.uploaded());
        assertEquals(1, pass.failed().size());
        assertTrue(
            pass.failed()
                .get(0)
                .startsWith("configmap://illm-lab/illm-results-tsdb-20261127t000100z-u1: get "),
            pass.failed().get(0));
      }
      assertEquals(List.of("illm-results-tsdb-20261127t000100z-u1"), hub.pending());

      server.restart();
      try (PendingUploads uploads = new PendingUploads(hub, store)) {
        uploads.start(Duration.ofMillis(20));
        Await.until("the periodic upload", hub::pending, List::isEmpty);
      }
      assertArrayEquals(files.summary(), store.summary(files.key()).orElseThrow());
      store.close();
    }
  }

  private static void stopQuietly(S3Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
