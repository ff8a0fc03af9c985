package io.illm.lab.operator.engine;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.lifecycle.Observation;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.Meta;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import io.illm.lab.operator.ports.Ports;
import io.illm.lab.rules.ComponentRefs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the world through the ports into one {@link Observation}, afresh on every turn: nothing
 * observed is kept in fields, so the status plus what the ports say now is all the state there is.
 * A port that does not answer becomes an entry in {@link Observation#errors()} (and its part of the
 * world reads as unknown-empty, which the lifecycle then does not trust). The cost comes from the
 * price table, the spec and the status: the estimate for the budget check before anything is
 * created, the cost so far after.
 */
final class Observer {

  private final Ports ports;
  private final CostModel costs;

  Observer(Ports ports) {
    this(ports, CostModel.standard());
  }

  Observer(Ports ports, CostModel costs) {
    this.ports = ports;
    this.costs = costs;
  }

  Observation observe(Experiment experiment, Instant now) {
    ExperimentId id = Engine.id(experiment);
    ExperimentSpec spec = experiment.getSpec();
    List<String> errors = new ArrayList<>();
    return new Observation(
        meta(experiment),
        read(errors, () -> clusters(id, experiment)),
        read(errors, () -> ports.deployments().observe(id)),
        read(errors, () -> ports.workflows().observe(id, template(spec))),
        read(errors, () -> ports.metrics().observe(id)),
        read(errors, () -> ports.results().observe(id)),
        read(errors, () -> ports.components().missing(id, componentNames(spec))),
        errors,
        costs.observe(spec, experiment.getStatus(), now),
        ports.clusters().kubeconfigNamespace());
  }

  /**
   * The claims and registrations, with each cluster's tutorial kubeconfig Secret: read by the names
   * the status recorded (so an edited spec cannot hide one from cleanup) and, when the spec exposes
   * them, by the names its targets give (so a lost status cannot either).
   */
  private Map<String, ClusterObservation> clusters(ExperimentId id, Experiment experiment) {
    Map<String, ClusterObservation> clusters = new TreeMap<>(ports.clusters().observe(id));
    Set<String> names = kubeconfigNames(experiment);
    if (!names.isEmpty()) {
      ports
          .clusters()
          .kubeconfigSecrets(id, names)
          .forEach(
              (claim, secret) ->
                  clusters.put(
                      claim,
                      clusters
                          .getOrDefault(claim, ClusterObservation.ABSENT)
                          .withKubeconfigSecret(secret)));
    }
    return clusters;
  }

  private static Set<String> kubeconfigNames(Experiment experiment) {
    ExperimentSpec spec = experiment.getSpec();
    ExperimentStatus status = experiment.getStatus();
    Set<String> names = new TreeSet<>();
    if (status != null
        && status.getTutorial() != null
        && status.getTutorial().getKubeconfigSecrets() != null) {
      status.getTutorial().getKubeconfigSecrets().stream()
          .filter(k -> k != null && k.getSecret() != null)
          .forEach(k -> names.add(k.getSecret()));
    }
    if (spec != null && spec.getTutorial() != null && spec.getTutorial().exposesKubeconfig()) {
      spec.getTargets().stream()
          .filter(t -> t.getCluster() == null || t.getCluster().getProvider() != Provider.HUB)
          .forEach(
              t ->
                  names.add(
                      ExperimentNames.tutorialKubeconfigSecretName(
                          experiment.getMetadata().getName(), t.getName())));
    }
    return names;
  }

  private static Meta meta(Experiment experiment) {
    var metadata = experiment.getMetadata();
    Long generation = metadata.getGeneration();
    List<String> finalizers =
        metadata.getFinalizers() == null ? List.of() : metadata.getFinalizers();
    return new Meta(
        metadata.getName(),
        generation == null ? 0 : generation,
        SpecHash.of(experiment.getSpec()),
        metadata.getDeletionTimestamp() != null,
        finalizers.contains(Engine.FINALIZER),
        metadata.getAnnotations());
  }

  private static <T> T read(List<String> errors, Supplier<T> port) {
    try {
      return port.get();
    } catch (PortException e) {
      errors.add(e.getMessage());
      return null;
    }
  }

  private static String template(ExperimentSpec spec) {
    return spec == null || spec.getWorkflow() == null ? null : spec.getWorkflow().getTemplate();
  }

  private static Set<String> componentNames(ExperimentSpec spec) {
    Set<String> names = new TreeSet<>();
    if (spec == null || spec.getTargets() == null) {
      return names;
    }
    for (Target target : spec.getTargets()) {
      if (target != null && target.getComponents() != null) {
        for (ComponentRef ref : target.getComponents()) {
          String name = ComponentRefs.name(ref);
          if (name != null) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }
}
