package io.illm.lab.hub.sim;

import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.DeleteApplication;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.ports.Deployments;
import io.illm.lab.operator.ports.ExperimentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Simulated ArgoCD Applications: Progressing for {@link SimTimings#appHealthy()}, then Healthy (or
 * Degraded, see {@link #degrade}); Deleting for {@link SimTimings#appGone()}, then gone.
 */
public final class SimDeployments implements Deployments {

  private static final class App {
    final ExperimentId owner;
    final Instant created;
    Instant deleteRequested;

    App(ExperimentId owner, Instant created) {
      this.owner = owner;
      this.created = created;
    }
  }

  private final SimClock clock;
  private final SimTimings timings;
  private final SimChanges changes;
  private final SimFaults faults = new SimFaults("deployments");
  private final Map<String, App> apps = new HashMap<>();
  private final Map<String, String> degraded = new HashMap<>();

  SimDeployments(SimClock clock, SimTimings timings, SimChanges changes) {
    this.clock = clock;
    this.timings = timings;
    this.changes = changes;
  }

  /**
   * Failure switch: the Application {@code name} (now or when created) turns Degraded with {@code
   * message}.
   */
  public synchronized void degrade(String name, String message) {
    degraded.put(name, message);
    App app = apps.get(name);
    if (app != null) {
      changes.after(java.time.Duration.ZERO, app.owner);
    }
  }

  /** Transient-error switch: the next {@code calls} calls throw. */
  public void failNext(int calls) {
    faults.failNext(calls);
  }

  /** Transient-error switch: the next {@code changes} changes throw; observing still works. */
  public void failNextChanges(int changes) {
    faults.failNextChanges(changes);
  }

  /** Every Application that exists now, of any experiment. */
  public synchronized Map<String, AppState> existing() {
    Map<String, AppState> out = new TreeMap<>();
    apps.forEach(
        (name, app) -> {
          AppState s = state(name, app, clock.instant());
          if (!s.missing()) {
            out.put(name, s);
          }
        });
    return out;
  }

  @Override
  public synchronized Map<String, AppObservation> observe(ExperimentId experiment) {
    faults.check();
    Instant now = clock.instant();
    apps.entrySet()
        .removeIf(
            e ->
                state(e.getKey(), e.getValue(), now)
                    == AppState.GONE); // a long run keeps no ghosts
    Map<String, AppObservation> out = new TreeMap<>();
    apps.forEach(
        (name, app) -> {
          AppState s = state(name, app, now);
          if (app.owner.equals(experiment) && !s.missing()) {
            out.put(
                name, new AppObservation(s, s == AppState.DEGRADED ? degraded.get(name) : null));
          }
        });
    return out;
  }

  @Override
  public synchronized void create(ExperimentId experiment, CreateApplication action) {
    faults.checkChange();
    Instant now = clock.instant();
    App existing = apps.get(action.name());
    if (existing == null || state(action.name(), existing, now).missing()) {
      apps.put(action.name(), new App(experiment, now));
      changes.after(timings.appHealthy(), experiment);
    }
  }

  @Override
  public synchronized void delete(ExperimentId experiment, DeleteApplication action) {
    faults.checkChange();
    App app = apps.get(action.name());
    if (app != null && app.deleteRequested == null) {
      app.deleteRequested = clock.instant();
      changes.after(timings.appGone(), app.owner);
    }
  }

  @Override
  public boolean simulated() {
    return true;
  }

  private AppState state(String name, App app, Instant now) {
    if (app.deleteRequested != null) {
      return now.isBefore(app.deleteRequested.plus(timings.appGone()))
          ? AppState.DELETING
          : AppState.GONE;
    }
    if (now.isBefore(app.created.plus(timings.appHealthy()))) {
      return AppState.PROGRESSING;
    }
    return degraded.containsKey(name) ? AppState.DEGRADED : AppState.HEALTHY;
  }
}
