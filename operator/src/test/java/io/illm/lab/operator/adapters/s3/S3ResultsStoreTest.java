package io.illm.lab.operator.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.operator.results.ResultsStoreException;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.operator.testing.Testing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The S3 store against a real S3 protocol server (s3proxy) in the test's process. */
@EnableKubernetesMockClient(crud = true)
class S3ResultsStoreTest {

  static KubernetesClient client;

  static S3Server server;

  @BeforeAll
  static void start() throws Exception {
    server = new S3Server();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aRunIsReadBackByteForByteAsJsonUnderThePrefix() {
    S3Settings settings = server.settings("lab");
    try (S3ResultsStore store = S3ResultsStore.open(settings)) {
      RunFiles run = Testing.files("tsdb", "6f1c2d3e-9", "2026-11-27T00:01:00Z");
      store.put(run);
      store.put(run);

      assertArrayEquals(run.summary(), store.summary(run.key()).orElseThrow());
      assertEquals(
          "s3://experiment-results/lab/experiments/tsdb/20261127T000100Z-6f1c2d3e/",
          store.location(run.key()));
      var head =
          server
              .blobs()
              .blobMetadata(
                  S3Server.BUCKET,
                  "lab/experiments/tsdb/20261127T000100Z-6f1c2d3e/raw/cpu/vm.json");
      assertEquals("application/json", head.contentType());
      assertEquals(List.of(run.key()), store.runs("tsdb"));
      assertTrue(store.experiments().contains("tsdb"), store.experiments().toString());
    }
  }

  @Test
  void summaryJsonIsWrittenLast() {
    List<String> puts = new ArrayList<>();
    S3Settings settings = server.settings("order");
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest put) {
              puts.add(put.key().substring(put.key().lastIndexOf("/202") + 1));
            }
          }
        };
    try (S3ResultsStore store =
        new S3ResultsStore(
            S3ResultsStore.clientBuilder(settings, c -> c.addExecutionInterceptor(recorder))
                .build(),
            settings)) {
      store.put(Testing.files("tsdb", "u1", "2026-11-27T00:01:00Z"));
    }
    assertEquals(
        List.of(
            "20261127T000100Z-u1/raw/cpu/prom.json",
            "20261127T000100Z-u1/raw/cpu/vm.json",
            "20261127T000100Z-u1/summary.json"),
        puts);
  }

  @Test
  void runsWithoutSummaryAreNotListedAndAMissingSummaryIsEmpty() {
    S3Settings settings = server.settings("partial");
    try (S3ResultsStore store = S3ResultsStore.open(settings)) {
      RunFiles run = Testing.files("half", "u1", "2026-11-27T00:01:00Z");
      store.put(new RunFiles(run.key(), run.summary(), run.raw()));
      server.blobs().removeBlob(S3Server.BUCKET, "partial/" + run.key().summaryKey());
      assertEquals(List.of(), store.runs("half"));
      assertEquals(Optional.empty(), store.summary(run.key()).map(b -> "present"));
    }
  }

  @Test
  void aMissingBucketIsNotRetriedAndSaysWhatToFix() {
    S3Settings base = server.settings("x");
    S3Settings settings =
        new S3Settings(
            "no-such-bucket",
            "",
            base.endpoint(),
            base.region(),
            true,
            base.accessKeyId(),
            base.secretAccessKey(),
            null);
    try (S3ResultsStore store = S3ResultsStore.open(settings)) {
      var e =
          assertThrows(
              ResultsStoreException.class,
              () -> store.put(Testing.files("tsdb", "u1", "2026-11-27T00:01:00Z")));
      assertFalse(e.retryable(), e.getMessage());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "put s3://no-such-bucket/experiments/tsdb/20261127T000100Z-u1/raw/cpu/prom.json:"
                      + " HTTP 404 NoSuchBucket (create the bucket no-such-bucket, or fix ILLM_RESULTS_S3)"),
          e.getMessage());
    }
  }

  @Test
  void wrongCredentialsAreNotRetried() {
    S3Settings settings = server.settings("x").withCredentials(S3Server.KEY_ID, "wrong");
    try (S3ResultsStore store = S3ResultsStore.open(settings)) {
      var e = assertThrows(ResultsStoreException.class, () -> store.runs("tsdb"));
      assertFalse(e.retryable(), e.getMessage());
      assertTrue(
          e.getMessage().contains("HTTP 403") && e.getMessage().contains("check the credentials"),
          e.getMessage());
    }
  }

  @Test
  void credentialsComeFromTheSecretTheSettingsName() {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("results-s3")
                .withNamespace("illm-lab")
                .endMetadata()
                .addToStringData("accessKeyId", S3Server.KEY_ID)
                .addToStringData("secretAccessKey", S3Server.KEY)
                .build())
        .create();
    S3Settings base = server.settings("secret");
    S3Settings named =
        new S3Settings(
            base.bucket(),
            base.prefix(),
            base.endpoint(),
            base.region(),
            true,
            null,
            null,
            "results-s3");
    S3Settings settings = S3ResultsStore.withSecretCredentials(named, client, "illm-lab");
    try (S3ResultsStore store = S3ResultsStore.open(settings)) {
      assertEquals(List.of(), store.runs("tsdb"), "signed with the Secret's keys");
    }
  }

  @Test
  void aMissingSecretOrKeySaysWhatToCreate() {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("half")
                .withNamespace("lab")
                .endMetadata()
                .addToStringData("accessKeyId", "x")
                .build())
        .create();
    S3Settings base = server.settings("secret");
    var missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                S3ResultsStore.withSecretCredentials(
                    new S3Settings(
                        base.bucket(), "", base.endpoint(), null, true, null, null, "lab/none"),
                    client,
                    "illm-lab"));
    assertEquals(
        "Secret lab/none: not found (create it with keys accessKeyId and secretAccessKey,"
            + " or fix ILLM_RESULTS_S3_CREDENTIALS_SECRET)",
        missing.getMessage());
    var half =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                S3ResultsStore.withSecretCredentials(
                    new S3Settings(
                        base.bucket(), "", base.endpoint(), null, true, null, null, "lab/half"),
                    client,
                    "illm-lab"));
    assertEquals(
        "Secret lab/half: data.secretAccessKey: missing (add the key to the Secret)",
        half.getMessage());
  }

  @Test
  void aServerThatDoesNotAnswerIsRetryableAndNamed() {
    S3Settings settings =
        S3Settings.from(
                Map.of(
                    S3Settings.URL,
                    "s3://b",
                    S3Settings.ENDPOINT,
                    "http://127.0.0.1:9",
                    S3Settings.ACCESS_KEY_ID,
                    "a",
                    S3Settings.SECRET_ACCESS_KEY,
                    "b"))
            .orElseThrow();
    try (S3ResultsStore store = S3ResultsStore.open(settings)) {
      var e =
          assertThrows(ResultsStoreException.class, () -> store.summary(new RunKey("tsdb", "r")));
      assertTrue(e.retryable(), e.getMessage());
      assertTrue(e.getMessage().contains("(is http://127.0.0.1:9 reachable?)"), e.getMessage());
    }
  }
}
