package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.rules.ComponentRefs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deploys every target's components as ArgoCD Applications in {@code depends} order: a target's
 * Applications are created only once its cluster is ready and every target it depends on is healthy
 * (cluster ready, every Application Synced and Healthy).
 */
final class Deployment {

  /** Prefix of the Application entries in status.targets[].components. */
  static final String APPLICATION = "Application/";

  private Deployment() {}

  /** Creates what may be created now; true when every target is healthy. */
  static boolean advance(Turn t, Set<String> clustersReady) {
    Set<String> healthy = healthyTargets(t, clustersReady);
    for (Target target : t.spec.getTargets()) {
      if (clustersReady.contains(target.getName()) && healthy.containsAll(depends(target))) {
        deploy(t, target);
      } else if (clustersReady.contains(target.getName())) {
        t.target(target.getName())
            .setMessage("waiting for " + String.join(", ", waitingFor(target, healthy)));
      }
    }
    return healthy.size() == t.spec.getTargets().size();
  }

  private static Set<String> healthyTargets(Turn t, Set<String> clustersReady) {
    Set<String> healthy = new TreeSet<>();
    for (Target target : t.spec.getTargets()) {
      boolean appsHealthy =
          Layers.all(t.experiment(), target).stream()
              .allMatch(c -> t.world.application(name(t, target, c)).state() == AppState.HEALTHY);
      if (clustersReady.contains(target.getName()) && appsHealthy) {
        healthy.add(target.getName());
      }
    }
    return healthy;
  }

  /**
   * Creates the target's Applications layer by layer (see {@link Layers}): the next only once this
   * one is healthy.
   */
  private static void deploy(Turn t, Target target) {
    TargetStatus ts = t.target(target.getName());
    List<String> waiting = new ArrayList<>();
    for (List<ComponentRef> layer : Layers.of(t.experiment(), target)) {
      for (ComponentRef component : layer) {
        String app = name(t, target, component);
        record(ts, app);
        AppObservation observed = t.world.application(app);
        if (observed.state().missing()) {
          t.act(
              new CreateApplication(
                  target.getName(), app, copy(component), ts.getClusterName(), t.experiment()));
        }
        if (observed.state() != AppState.HEALTHY) {
          waiting.add(
              app
                  + " "
                  + observed.state().name().toLowerCase()
                  + (observed.message() == null ? "" : ": " + observed.message()));
        }
      }
      if (!waiting.isEmpty()) {
        break;
      }
    }
    ts.setPhase(waiting.isEmpty() ? "Healthy" : "Deploying");
    ts.setMessage(waiting.isEmpty() ? null : String.join("; ", waiting));
  }

  /** Writes the Application's name into the status before it is created, so cleanup finds it. */
  private static void record(TargetStatus ts, String app) {
    if (ts.getComponents() == null) {
      ts.setComponents(new ArrayList<>());
    }
    if (!ts.getComponents().contains(APPLICATION + app)) {
      ts.getComponents().add(APPLICATION + app);
    }
  }

  private static List<String> waitingFor(Target target, Set<String> healthy) {
    List<String> waiting = new ArrayList<>(new TreeSet<>(depends(target)));
    waiting.removeAll(healthy);
    return waiting;
  }

  private static List<String> depends(Target target) {
    return target.getDepends() == null ? List.of() : target.getDepends();
  }

  private static String name(Turn t, Target target, ComponentRef component) {
    return ExperimentNames.applicationName(
        t.experiment(), target.getName(), ComponentRefs.name(component));
  }

  private static ComponentRef copy(ComponentRef c) {
    return new ComponentRef(
        c.getApp(),
        c.getWorkflow(),
        c.getConfig(),
        c.getParams() == null ? null : new java.util.TreeMap<>(c.getParams()));
  }
}
