package io.illm.lab.operator.adapters.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.testing.Testing;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events port against the fabric8 mock API server in CRUD mode (not a real API server). */
@EnableKubernetesMockClient(crud = true)
class KubernetesEventsTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private static final EmitEvent READY =
      new EmitEvent(EventType.NORMAL, "ClustersReady", "every cluster is ready");
  private static final EmitEvent FAILED =
      new EmitEvent(EventType.WARNING, "ClusterFailed", "app: quota exceeded");

  KubernetesClient client;
  KubernetesMockServer server;
  private ExperimentId id;
  private String uid;

  @BeforeEach
  void experiment() throws Exception {
    Path crdFile = Path.of("../generated-crds/experiments.experiments.illm.io.yaml");
    try (InputStream crd = new FileInputStream(crdFile.toFile())) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).createOr(c -> c.update());
    }
    Experiment created = client.resource(Testing.twoTargetExperiment("tsdb")).create();
    id = new ExperimentId(created.getMetadata().getNamespace(), "tsdb");
    uid = created.getMetadata().getUid();
  }

  @Test
  void anEventNamesTheExperimentWithItsUidAndCarriesTypeReasonAndMessage() {
    events(T0).emit(id, FAILED);

    Event event = only();
    ObjectReference regarding = event.getInvolvedObject();
    assertEquals("experiments.illm.io/v1alpha1", regarding.getApiVersion());
    assertEquals("Experiment", regarding.getKind());
    assertEquals("tsdb", regarding.getName());
    assertEquals(id.namespace(), regarding.getNamespace());
    assertEquals(uid, regarding.getUid());
    assertTrue(uid != null && !uid.isBlank(), "the mock gives objects a uid");
    assertEquals("Warning", event.getType());
    assertEquals("ClusterFailed", event.getReason());
    assertEquals("app: quota exceeded", event.getMessage());
    assertEquals(1, event.getCount());
    assertEquals("2026-11-27T00:00:00Z", event.getFirstTimestamp());
    assertEquals("2026-11-27T00:00:00Z", event.getLastTimestamp());
    assertEquals("illm-lab-operator", event.getSource().getComponent());
    assertEquals(KubernetesEvents.name("tsdb", uid, FAILED), event.getMetadata().getName());
    assertTrue(
        event.getMetadata().getName().matches("tsdb\\.[0-9a-f]{16}"),
        event.getMetadata().getName());
  }

  @Test
  void aNormalEventIsNormal() {
    events(T0).emit(id, READY);

    assertEquals("Normal", only().getType());
  }

  @Test
  void theSameEventAgainCountsInsteadOfAddingAnother() {
    events(T0).emit(id, READY);
    events(T0.plusSeconds(30)).emit(id, READY);
    events(T0.plusSeconds(90)).emit(id, READY);

    Event event = only();
    assertEquals(3, event.getCount());
    assertEquals("2026-11-27T00:00:00Z", event.getFirstTimestamp());
    assertEquals("2026-11-27T00:01:30Z", event.getLastTimestamp());
  }

  @Test
  void aConflictWhileCountingIsRetried() {
    events(T0).emit(id, READY);
    String name = KubernetesEvents.name("tsdb", uid, READY);
    server
        .expect()
        .put()
        .withPath("/api/v1/namespaces/lab/events/" + name)
        .andReturn(
            409,
            new StatusBuilder().withCode(409).withReason("Conflict").withMessage("changed").build())
        .once();

    events(T0.plusSeconds(5)).emit(id, READY);

    assertEquals(2, only().getCount());
    assertEquals("2026-11-27T00:00:05Z", only().getLastTimestamp());
  }

  @Test
  void aDifferentMessageIsAnotherEvent() {
    events(T0).emit(id, FAILED);
    events(T0).emit(id, new EmitEvent(EventType.WARNING, "ClusterFailed", "load: quota exceeded"));

    assertEquals(2, all().size());
  }

  @Test
  void theNameDependsOnTheUidSoARecreatedExperimentStartsAfresh() {
    assertNotEquals(
        KubernetesEvents.name("tsdb", "uid-1", READY),
        KubernetesEvents.name("tsdb", "uid-2", READY));
    assertEquals(
        KubernetesEvents.name("tsdb", "uid-1", READY),
        KubernetesEvents.name("tsdb", "uid-1", READY));
  }

  @Test
  void anExperimentThatIsGoneGetsNoEvent() {
    events(T0).emit(new ExperimentId(id.namespace(), "gone"), READY);

    assertEquals(List.of(), all());
  }

  @Test
  void anApiServerThatRefusesEventsDoesNotThrow() {
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/lab/events")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build())
        .always();

    assertDoesNotThrow(() -> events(T0).emit(id, FAILED));
    assertEquals(List.of(), all());
  }

  @Test
  void anExperimentTheCacheHasIsNotReadAgainSoAnEventIsOneRequest() {
    Experiment cached =
        client.resources(Experiment.class).inNamespace(id.namespace()).withName("tsdb").get();
    KubernetesEvents events =
        events(T0, asked -> asked.equals(id) ? Optional.of(cached) : Optional.empty());
    int before = server.getRequestCount();
    events.emit(id, READY);
    assertEquals(1, server.getRequestCount() - before, "only the Event's create");
    assertEquals(uid, only().getInvolvedObject().getUid());
  }

  @Test
  void anExperimentTheCacheLacksIsReadForItsUid() {
    KubernetesEvents events = events(T0, asked -> Optional.empty());
    int before = server.getRequestCount();
    events.emit(id, READY);
    assertEquals(2, server.getRequestCount() - before, "the experiment's read and the create");
    assertEquals(uid, only().getInvolvedObject().getUid());
  }

  @Test
  void anUnreachableApiServerDoesNotThrow() {
    Config config =
        new ConfigBuilder()
            .withMasterUrl("https://127.0.0.1:1")
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(500)
            .build();
    try (KubernetesClient nowhere = new KubernetesClientBuilder().withConfig(config).build()) {
      KubernetesEvents events =
          new KubernetesEvents(
              nowhere,
              KubernetesEvents.COMPONENT,
              KubernetesEvents.COMPONENT,
              Clock.fixed(T0, ZoneOffset.UTC));
      assertDoesNotThrow(() -> events.emit(id, READY));
    }
  }

  private KubernetesEvents events(Instant now) {
    return events(now, asked -> Optional.empty());
  }

  private KubernetesEvents events(
      Instant now, Function<ExperimentId, Optional<Experiment>> cached) {
    return new KubernetesEvents(
        client,
        KubernetesEvents.COMPONENT,
        KubernetesEvents.COMPONENT,
        Clock.fixed(now, ZoneOffset.UTC),
        cached);
  }

  private List<Event> all() {
    return client.v1().events().inNamespace(id.namespace()).list().getItems();
  }

  private Event only() {
    List<Event> events = all();
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }
}
