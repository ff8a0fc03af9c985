package io.illm.lab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.hub.local.HubOperator;
import io.illm.lab.hub.local.SimCloud;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.validate.LabCheckout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The lab on a {@link ControlPlane}: the platform's namespaces, the operator's shipped RBAC, the
 * simulated clouds ({@link SimCloud}) acting as the admin, the lab's Components and placeholder
 * WorkflowTemplates; operators started as the operator's ServiceAccount. {@link #close} stops the
 * operators and the clouds.
 */
public final class RealLab implements AutoCloseable {

  public static final Placement PLACEMENT = Placement.DEFAULT;

  /** Where the tests create experiments (the claims' namespace, as on the platform). */
  public static final String NAMESPACE = PLACEMENT.claims();

  private final ControlPlane plane;
  private final SimCloud cloud;
  private final OperatorRbac rbac;
  private final Path results;
  private final List<AutoCloseable> operators = new ArrayList<>();

  private RealLab(ControlPlane plane, SimCloud cloud, OperatorRbac rbac, Path results) {
    this.plane = plane;
    this.cloud = cloud;
    this.rbac = rbac;
    this.results = results;
  }

  /** Sets the lab up on {@code plane} with the simulated controllers taking {@code timings}. */
  public static RealLab start(ControlPlane plane, SimTimings timings) {
    KubernetesClient admin = plane.admin();
    OperatorRbac rbac = OperatorRbac.shipped(admin);
    TreeSet<String> namespaces = new TreeSet<>(rbac.namespaces());
    namespaces.addAll(List.of(PLACEMENT.claims(), PLACEMENT.argocd(), PLACEMENT.workflows()));
    plane.namespaces(namespaces.toArray(String[]::new));
    SimCloud cloud = SimCloud.start(admin, PLACEMENT, timings);
    cloud.publish(components());
    for (Path file : LabCheckout.experiments()) {
      cloud.workflowTemplate(LabCheckout.experiment(file).getSpec().getWorkflow().getTemplate());
    }
    try {
      return new RealLab(plane, cloud, rbac, Files.createTempDirectory(plane.dir(), "results"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lab's Components under components/. */
  public static List<Component> components() {
    return LabCheckout.yamlFiles(KubeBinaries.ROOT.resolve("components")).stream()
        .map(f -> LabCheckout.read(f, Component.class))
        .toList();
  }

  public ControlPlane plane() {
    return plane;
  }

  public KubernetesClient admin() {
    return plane.admin();
  }

  public SimCloud cloud() {
    return cloud;
  }

  public OperatorRbac rbac() {
    return rbac;
  }

  /** The folder the operators store runs in. */
  public Path results() {
    return results;
  }

  /**
   * Applies a copy of the shipped RBAC for the account {@code illm-lab-operator-<suffix>} (minus
   * {@code without}) and starts an operator as that account; stopped by {@link #close} or {@link
   * #stop}.
   */
  public HubOperator startOperator(
      String suffix, Optional<OperatorRbac.Rule> without, HubOperator.Options options) {
    applyRbac(suffix, without);
    KubernetesClient client =
        plane.asServiceAccount(OperatorRbac.NAMESPACE, OperatorRbac.account(suffix));
    try {
      HubOperator operator = HubOperator.start(client, options);
      operators.add(operator);
      operators.add(client);
      return operator;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Applies a copy of the shipped RBAC for the account {@code illm-lab-operator-<suffix>}. */
  public void applyRbac(String suffix, Optional<OperatorRbac.Rule> without) {
    List<HasMetadata> objects = rbac.copy(suffix, without);
    OperatorRbac.apply(admin(), objects);
  }

  /** The options of an operator of this lab, storing runs in {@link #results}. */
  public HubOperator.Options options() {
    return HubOperator.Options.of(PLACEMENT, cloud.prometheus(), results);
  }

  /** Stops every operator started so far. */
  public void stopOperators() {
    for (AutoCloseable operator : operators) {
      try {
        operator.close();
      } catch (Exception e) {
        // stopping the rest matters more
      }
    }
    operators.clear();
  }

  /** Creates the experiment of {@code experiments/<file>/experiment.yaml}, renamed {@code name}. */
  public Experiment create(String file, String name) {
    Experiment experiment =
        LabCheckout.experiment(
            KubeBinaries.ROOT.resolve("experiments/" + file + "/experiment.yaml"));
    experiment.getMetadata().setName(name);
    experiment.getMetadata().setNamespace(NAMESPACE);
    return admin().resource(experiment).create();
  }

  /** The experiment now, or null. */
  public Experiment experiment(String name) {
    return admin().resources(Experiment.class).inNamespace(NAMESPACE).withName(name).get();
  }

  /** Waits until the experiment's status satisfies {@code condition}; returns that status. */
  public ExperimentStatus awaitStatus(
      String name, Predicate<ExperimentStatus> condition, Duration patience) {
    ExperimentStatus[] seen = new ExperimentStatus[1];
    await(
        name + ": status as expected",
        () -> {
          Experiment experiment = experiment(name);
          seen[0] = experiment == null ? null : experiment.getStatus();
          return seen[0] != null && condition.test(seen[0]);
        },
        patience,
        () -> "last status: " + admin().getKubernetesSerialization().asYaml(seen[0]));
    return seen[0];
  }

  /** The names of the experiment's children that exist now, by kind, sorted. */
  public List<String> children(String name) {
    List<String> found = new ArrayList<>();
    var labels = ChildLabels.of(name);
    admin()
        .resources(ClusterClaim.class)
        .inNamespace(PLACEMENT.claims())
        .withLabels(labels)
        .list()
        .getItems()
        .forEach(c -> found.add("ClusterClaim " + c.getMetadata().getName()));
    admin()
        .secrets()
        .inNamespace(PLACEMENT.argocd())
        .withLabels(labels)
        .list()
        .getItems()
        .forEach(c -> found.add("Secret " + c.getMetadata().getName()));
    admin()
        .resources(Application.class)
        .inNamespace(PLACEMENT.argocd())
        .withLabels(labels)
        .list()
        .getItems()
        .forEach(c -> found.add("Application " + c.getMetadata().getName()));
    admin()
        .resources(Workflow.class)
        .inNamespace(PLACEMENT.workflows())
        .withLabels(labels)
        .list()
        .getItems()
        .forEach(c -> found.add("Workflow " + c.getMetadata().getName()));
    return found.stream().sorted().toList();
  }

  /** Deletes the experiment and waits until it is gone (its finalizer removed). */
  public void deleteAndAwaitGone(String name, Duration patience) {
    admin().resources(Experiment.class).inNamespace(NAMESPACE).withName(name).delete();
    await(
        name + " gone",
        () -> experiment(name) == null,
        patience,
        () -> "children: " + children(name));
  }

  /** The run folders stored for the experiment {@code name}. */
  public List<Path> runs(String name) {
    Path folder = results.resolve("experiments").resolve(name);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var runs = Files.list(folder)) {
      return runs.filter(r -> Files.isRegularFile(r.resolve("summary.json"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code condition} every 50 ms for {@code patience}; fails naming {@code what}. */
  public static void await(
      String what, Supplier<Boolean> condition, Duration patience, Supplier<String> detail) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + patience + ": " + what + "; " + detail.get());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + what);
      }
    }
  }

  @Override
  public void close() {
    try {
      stopOperators();
    } finally {
      cloud.close();
    }
  }
}
