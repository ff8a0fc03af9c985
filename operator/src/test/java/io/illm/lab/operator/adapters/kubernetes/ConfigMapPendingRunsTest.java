package io.illm.lab.operator.adapters.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.operator.results.PendingRuns;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.operator.testing.Testing;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Runs kept in ConfigMaps, on the fabric8 mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ConfigMapPendingRunsTest {

  /** One server for the class; each test has its own namespace. */
  static KubernetesClient client;

  private static final java.util.concurrent.atomic.AtomicInteger TESTS =
      new java.util.concurrent.atomic.AtomicInteger();

  final String ns = "illm-lab-" + TESTS.incrementAndGet();

  @Test
  void aRunIsKeptGzippedInOneConfigMapAndReadBackByteForByte() {
    ConfigMapPendingRuns hub = new ConfigMapPendingRuns(client, ns);
    RunFiles run = Testing.files("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");

    PendingRuns.Kept kept = hub.keep(run, "store unavailable: connection refused");

    assertEquals(
        new PendingRuns.Kept(
            "configmap://" + ns + "/illm-results-tsdb-20261127t000100z-6f1c2d3e", List.of()),
        kept);
    assertEquals(List.of("illm-results-tsdb-20261127t000100z-6f1c2d3e"), hub.pending());
    assertEquals(run, hub.read("illm-results-tsdb-20261127t000100z-6f1c2d3e"));
    ConfigMap main =
        client
            .configMaps()
            .inNamespace(ns)
            .withName("illm-results-tsdb-20261127t000100z-6f1c2d3e")
            .get();
    assertEquals(
        "store unavailable: connection refused",
        main.getMetadata().getAnnotations().get("results.illm.io/reason"));
    assertEquals("run", main.getMetadata().getLabels().get(ConfigMapPendingRuns.ROLE_LABEL));
  }

  @Test
  void keepingTheSameRunAgainChangesNothing() {
    ConfigMapPendingRuns hub = new ConfigMapPendingRuns(client, ns);
    RunFiles run = Testing.files("tsdb", "u1", "2026-11-27T00:01:00Z");
    hub.keep(run, "down");
    hub.keep(run, "down");
    assertEquals(1, client.configMaps().inNamespace(ns).list().getItems().size());
    assertEquals(run, hub.read(hub.pending().get(0)));
  }

  @Test
  void rawFilesThatDoNotFitGoIntoPartsOrAreDroppedAndNamedNeverTheSummary() {
    ConfigMapPendingRuns hub = new ConfigMapPendingRuns(client, ns, 16 * 1024);
    RunFiles sample = Testing.files("big", "u1", "2026-11-27T00:01:00Z");
    TreeMap<String, byte[]> raw = new TreeMap<>();
    raw.put("a/x.json", noise(3 * 1024, 1));
    raw.put("b/x.json", noise(3 * 1024, 2));
    raw.put("c/huge.json", noise(10 * 1024, 3));
    raw.put("d/x.json", noise(3 * 1024, 4));
    RunFiles run = new RunFiles(sample.key(), sample.summary(), raw);

    PendingRuns.Kept kept = hub.keep(run, "down");

    assertEquals(List.of("c/huge.json"), kept.dropped());
    String name = hub.pending().get(0);
    assertEquals(List.of(name), hub.pending(), "parts are not runs of their own");
    assertTrue(
        client.configMaps().inNamespace(ns).list().getItems().size() > 2,
        "split over several ConfigMaps");
    TreeMap<String, byte[]> expected = new TreeMap<>(raw);
    expected.remove("c/huge.json");
    assertEquals(new RunFiles(run.key(), run.summary(), expected), hub.read(name));

    hub.remove(name);
    assertEquals(List.of(), client.configMaps().inNamespace(ns).list().getItems());
  }

  @Test
  void aSummaryTooLargeForAConfigMapIsAnError() {
    ConfigMapPendingRuns hub = new ConfigMapPendingRuns(client, ns, 9 * 1024);
    RunFiles sample = Testing.files("big", "u1", "2026-11-27T00:01:00Z");
    RunFiles run = new RunFiles(sample.key(), noise(4 * 1024, 5), new TreeMap<>());
    var e = assertThrows(IllegalStateException.class, () -> hub.keep(run, "down"));
    assertEquals(
        "summary of big/20261127T000100Z-u1 is 4096 bytes, too large for a ConfigMap even gzipped",
        e.getMessage());
    assertEquals(List.of(), client.configMaps().inNamespace(ns).list().getItems());
  }

  @Test
  void longNamesAreShortenedWithAHash() {
    String name = ConfigMapPendingRuns.name(new RunKey("x".repeat(260), "20261127T000100Z-u1"));
    assertEquals(250, name.length());
    assertTrue(name.matches("[a-z0-9.-]+"), name);
  }

  /** Bytes gzip cannot shrink. */
  private static byte[] noise(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
