package io.illm.lab.cli.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Target;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.ClusterCredentials;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.TutorialSecrets;
import io.illm.lab.operator.children.WorkflowShapes;
import io.illm.lab.operator.lifecycle.Action;
import io.illm.lab.operator.lifecycle.Decision;
import io.illm.lab.operator.lifecycle.Layers;
import io.illm.lab.operator.lifecycle.Lifecycle;
import io.illm.lab.rules.ComponentRefs;
import io.illm.lab.validate.ComponentCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the operator would create for an experiment, without a cluster: walks {@link
 * Lifecycle#decide} through a world where everything succeeds at once ({@link InstantWorld}) from
 * Pending to Complete, and turns every create action into its object with the adapters. An object
 * created twice is listed once, where it was first created. Cleanup is not rendered.
 */
public final class Renderer {

  /** The clock of a rendering; fixed, so the output is too. */
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** A lifecycle takes a dozen decisions; more means it is stuck (a bug), not slow. */
  static final int MAX_DECISIONS = 200;

  private final ClaimShapes clusters;
  private final ApplicationShapes deployments;
  private final WorkflowShapes workflows;

  public Renderer(Placement placement) {
    this.clusters = new ClaimShapes(placement);
    this.deployments = new ApplicationShapes(placement);
    this.workflows = new WorkflowShapes(placement);
  }

  /** Every object created from Pending to Complete, in order; the catalogue resolves components. */
  public Rendering render(Experiment experiment, ComponentCatalogue catalogue) {
    String name = experiment.getMetadata().getName();
    InstantWorld world = new InstantWorld(name, missingComponents(experiment, catalogue));
    ExperimentStatus status = null;
    Instant now = START;
    Map<String, HasMetadata> created = new LinkedHashMap<>();
    for (int i = 0; i < MAX_DECISIONS; i++) {
      Decision decision = Lifecycle.decide(experiment.getSpec(), status, world.observe(), now);
      status = decision.status();
      for (Action action : decision.actions()) {
        objectOf(experiment, action, catalogue)
            .ifPresent(o -> created.putIfAbsent(o.getKind() + "/" + o.getMetadata().getName(), o));
        world.apply(action, now);
      }
      if (status.getPhase() == Phase.COMPLETE) {
        return new Rendering(new ArrayList<>(created.values()), Optional.empty());
      }
      if (status.getPhase() == Phase.FAILED) {
        return new Rendering(new ArrayList<>(created.values()), Optional.of(status.getMessage()));
      }
      now = now.plus(Duration.ofSeconds(1));
    }
    return new Rendering(
        new ArrayList<>(created.values()),
        Optional.of(
            "the lifecycle did not reach Complete in "
                + MAX_DECISIONS
                + " decisions (phase "
                + status.getPhase()
                + ", step "
                + status.getStep()
                + ")"));
  }

  /**
   * The components the spec names that the catalogue lacks, as the operator's observer reports
   * them.
   */
  private static Set<String> missingComponents(
      Experiment experiment, ComponentCatalogue catalogue) {
    Set<String> missing = new TreeSet<>();
    for (Target target :
        experiment.getSpec().getTargets() == null
            ? List.<Target>of()
            : experiment.getSpec().getTargets()) {
      for (ComponentRef ref : Layers.all(experiment.getMetadata().getName(), target)) {
        String component = ComponentRefs.name(ref);
        if (component != null && catalogue.find(component).isEmpty()) {
          missing.add(component);
        }
      }
    }
    return missing;
  }

  private Optional<HasMetadata> objectOf(
      Experiment object, Action action, ComponentCatalogue catalogue) {
    String experiment = object.getMetadata().getName();
    if (action instanceof Action.ExposeKubeconfig a) {
      return Optional.of(
          TutorialSecrets.secret(
              experiment, object.getMetadata().getNamespace(), a, Rendering.REDACTED));
    }
    if (action instanceof Action.CreateClusterClaim a) {
      return clusters.claim(experiment, a).map(HasMetadata.class::cast);
    }
    if (action instanceof Action.RegisterCluster a) {
      return Optional.of(deployments.clusterSecret(experiment, a, ClusterCredentials.REDACTED));
    }
    if (action instanceof Action.CreateApplication a) {
      Optional<Component> component = catalogue.find(ComponentRefs.name(a.component()));
      return component.map(c -> deployments.application(experiment, a, c));
    }
    if (action instanceof Action.SubmitWorkflow a) {
      return Optional.of(workflows.workflow(experiment, a));
    }
    return Optional.empty();
  }
}
