package io.illm.lab.hub.controllers;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argocd.ApplicationStatus;
import io.illm.lab.operator.children.argocd.applicationstatus.Health;
import io.illm.lab.operator.children.argocd.applicationstatus.Sync;
import java.time.Duration;

/**
 * ArgoCD, simulated, for {@code Application}s: a new Application is OutOfSync and Progressing,
 * after {@link SimTimings#appHealthy()} Synced and Healthy, or Degraded with its {@link #fail
 * failure switch} on. Deletion honours the cascade: an Application with ArgoCD's resources
 * finalizer stays (deleting its workloads) for {@link SimTimings#appGone()}, then loses the
 * finalizer and is gone; one without is gone at once. Nothing is deployed anywhere.
 */
public final class SimArgoCd extends SimController<Application> {

  private final SimTimings timings;

  SimArgoCd(
      KubernetesClient client,
      Placement placement,
      SimClock clock,
      SimTimings timings,
      SimLanes lanes) {
    super(client.resources(Application.class), placement.argocd(), clock, lanes);
    this.timings = timings;
  }

  @Override
  void react(Application app) {
    String name = app.getMetadata().getName();
    if (app.getMetadata().getDeletionTimestamp() != null) {
      once(
          "delete",
          app,
          timings.appGone(),
          () ->
              edit(
                  name,
                  a -> {
                    a.getMetadata()
                        .setFinalizers(
                            SimCrossplane.without(
                                a.getMetadata().getFinalizers(),
                                ApplicationShapes.RESOURCES_FINALIZER));
                    return a;
                  }));
      return;
    }
    once(
        "adopt",
        app,
        Duration.ZERO,
        () ->
            edit(
                name,
                a -> {
                  SimControllers.mark(a);
                  a.setStatus(
                      status("OutOfSync", "Progressing", SimControllers.message("syncing")));
                  return a;
                }));
    once(
        "sync",
        app,
        timings.appHealthy(),
        () -> {
          Application now = current(name);
          if (now == null || now.getMetadata().getDeletionTimestamp() != null) {
            return;
          }
          var failure = failure(name);
          edit(
              name,
              a -> {
                a.setStatus(
                    failure
                        .map(message -> status("Synced", "Degraded", message))
                        .orElseGet(
                            () ->
                                status(
                                    "Synced",
                                    "Healthy",
                                    SimControllers.message("every resource is healthy"))));
                return a;
              });
        });
  }

  private static ApplicationStatus status(String sync, String health, String message) {
    ApplicationStatus status = new ApplicationStatus();
    Sync s = new Sync();
    s.setStatus(sync);
    status.setSync(s);
    Health h = new Health();
    h.setStatus(health);
    h.setMessage(message);
    status.setHealth(h);
    return status;
  }
}
