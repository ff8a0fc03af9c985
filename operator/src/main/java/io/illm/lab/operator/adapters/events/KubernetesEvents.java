package io.illm.lab.operator.adapters.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.operator.ports.Events;
import io.illm.lab.operator.ports.ExperimentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events port on a Kubernetes API server: one core/v1 {@code Event} per distinct event of an
 * experiment, shown by {@code kubectl describe experiment} and {@code kubectl get events}.
 *
 * <p><b>core/v1, not events.k8s.io/v1.</b> Both APIs read and write the same stored objects, but
 * {@code kubectl describe} and {@code kubectl get events} print the core/v1 fields ({@code
 * involvedObject}, {@code count}, {@code firstTimestamp}, {@code lastTimestamp}), and the core/v1
 * shape counts repeats in place, which is the deduplication this port does. events.k8s.io/v1 would
 * need a {@code series} object and a microsecond {@code eventTime} for the same effect, and adds
 * nothing an experiment's handful of events needs.
 *
 * <p><b>Deduplication.</b> An event's name is deterministic: {@code <experiment>.<16 hex digits>},
 * a hash of the experiment's uid, the type, the reason and the message. Emitting the same event
 * again for the same object meets that Event (the create answers 409) and raises its {@code count}
 * and {@code lastTimestamp} (an update guarded by its resourceVersion, retried on a conflict)
 * instead of creating another; an experiment deleted and created again under the same name (a new
 * uid) gets Events of its own.
 *
 * <p><b>Best effort.</b> The engine's port calls have no uid, so each emission looks the experiment
 * up to learn it: in the operator's informer cache when it is given one, else (or when the cache
 * does not have it) with a read; an experiment that is gone gets no event. Any API failure is
 * logged at debug and the event dropped: {@link #emit} never throws, as {@link Events} promises,
 * since the status says the same.
 */
public final class KubernetesEvents implements Events {

  /** The {@code source.component} and {@code reportingComponent} of the operator's events. */
  public static final String COMPONENT = "illm-lab-operator";

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEvents.class);
  // the create, then up to three reads and updates
  private static final int ATTEMPTS = 4;
  private static final int HTTP_CONFLICT = 409;

  private final KubernetesClient client;
  private final String component;
  private final String instance;
  private final Clock clock;
  private final Function<ExperimentId, Optional<Experiment>> cached;

  /** Events from {@link #COMPONENT} reported by {@code instance}, on the system clock. */
  public KubernetesEvents(KubernetesClient client, String instance) {
    this(client, COMPONENT, instance, Clock.systemUTC());
  }

  /**
   * @param client the API server the experiments are on
   * @param component who reports the events ({@code source.component})
   * @param instance which process reports them ({@code reportingInstance}: the operator's pod)
   * @param clock what {@code firstTimestamp} and {@code lastTimestamp} are read from
   */
  public KubernetesEvents(KubernetesClient client, String component, String instance, Clock clock) {
    this(client, component, instance, clock, id -> Optional.empty());
  }

  /**
   * As above, learning an experiment's uid from {@code cached} (an informer's cache) when it has
   * the experiment, so that an event costs one request, not two.
   */
  public KubernetesEvents(
      KubernetesClient client,
      String component,
      String instance,
      Clock clock,
      Function<ExperimentId, Optional<Experiment>> cached) {
    this.client = client;
    this.component = component;
    this.instance = instance;
    this.clock = clock;
    this.cached = cached;
  }

  @Override
  public void emit(ExperimentId experiment, EmitEvent event) {
    try {
      Optional<ObjectReference> regarding = reference(experiment);
      if (regarding.isEmpty()) {
        LOG.debug("event {} on {} dropped: the experiment is gone", event.reason(), experiment);
        return;
      }
      record(experiment, regarding.get(), event);
    } catch (RuntimeException e) {
      // best effort: the status carries the same news
      LOG.debug("event {} on {} dropped: {}", event.reason(), experiment, e.getMessage());
    }
  }

  /**
   * The deterministic name of an event: the experiment's name, a dot, and 16 hex digits of the
   * SHA-256 of uid, type, reason and message (NUL-separated, so no two inputs share a text).
   */
  public static String name(String experiment, String uid, EmitEvent event) {
    String key =
        String.join(
            "\0",
            uid == null ? "" : uid,
            typeOf(event.type()),
            event.reason(),
            event.message() == null ? "" : event.message());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return experiment + "." + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** {@code Normal} or {@code Warning}, as Kubernetes spells them. */
  static String typeOf(EventType type) {
    return type == EventType.WARNING ? "Warning" : "Normal";
  }

  /**
   * Creates the Event; when it exists (HTTP 409 AlreadyExists: a repeat), reads it and raises its
   * count. A new event, the common case, is one request: on a real API server a read first would be
   * a second one, and the read of an Event that does not exist yet a third (the embedded hub's
   * in-process server hid that cost).
   */
  private void record(ExperimentId experiment, ObjectReference regarding, EmitEvent event) {
    String name = name(experiment.name(), regarding.getUid(), event);
    var events = client.v1().events().inNamespace(experiment.namespace());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
      try {
        if (attempt == 1) {
          events.resource(fresh(name, experiment.namespace(), regarding, event, now)).create();
          return;
        }
        Event existing = events.withName(name).get();
        if (existing == null) {
          events.resource(fresh(name, experiment.namespace(), regarding, event, now)).create();
        } else {
          int count = existing.getCount() == null ? 1 : existing.getCount();
          existing.setCount(count + 1);
          existing.setLastTimestamp(now);
          events.resource(existing).update(); // carries the resourceVersion read: a race is a 409
        }
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HTTP_CONFLICT || attempt == ATTEMPTS) {
          throw e;
        }
        LOG.debug("event {} exists or changed while counting it, attempt {}", name, attempt);
      }
    }
  }

  private Event fresh(
      String name, String namespace, ObjectReference regarding, EmitEvent event, String now) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(regarding)
        .withType(typeOf(event.type()))
        .withReason(event.reason())
        .withMessage(event.message())
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withNewSource()
        .withComponent(component)
        .endSource()
        .withReportingComponent(component)
        .withReportingInstance(instance)
        .build();
  }

  /**
   * The experiment as an event's {@code involvedObject}, from the cache or read for its uid; empty
   * when gone.
   */
  private Optional<ObjectReference> reference(ExperimentId experiment) {
    Experiment found =
        cached
            .apply(experiment)
            .orElseGet(
                () ->
                    client
                        .resources(Experiment.class)
                        .inNamespace(experiment.namespace())
                        .withName(experiment.name())
                        .get());
    if (found == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ObjectReferenceBuilder()
            .withApiVersion(Experiment.API_VERSION)
            .withKind(Experiment.KIND)
            .withNamespace(experiment.namespace())
            .withName(experiment.name())
            .withUid(found.getMetadata().getUid())
            .withResourceVersion(found.getMetadata().getResourceVersion())
            .build());
  }
}
