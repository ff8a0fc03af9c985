package io.illm.lab.kube.rbac;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.kube.OperatorRbac;
import io.illm.lab.kube.RealLab;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.adapters.crossplane.CrossplaneClusters;
import io.illm.lab.operator.adapters.events.KubernetesEvents;
import io.illm.lab.operator.adapters.kubernetes.ConfigMapCheckpoints;
import io.illm.lab.operator.adapters.kubernetes.ConfigMapPendingRuns;
import io.illm.lab.operator.adapters.s3.S3ResultsStore;
import io.illm.lab.operator.adapters.s3.S3Settings;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.josdk.OperatorSettings;
import io.illm.lab.operator.lifecycle.Action.DeleteKubeconfig;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.operator.testing.Testing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the operator does with its rights, checked one named step at a time, as a given account (a
 * copy of the shipped RBAC, possibly with one rule removed): a hello-app lifecycle with leader
 * election on, the runs kept while S3 is down, the S3 credentials Secret. {@link #run} returns the
 * names of the checks that failed.
 */
final class Probes {

  static final String STARTS = "the operator starts";
  static final String COMPLETES = "hello-app reaches Complete and cleans up";
  static final String STORES = "its run is stored";
  static final String EVENTS = "Events are recorded on the experiment";
  static final String LEASE = "the leader Lease is held";
  static final String LEASE_RENEWED = "the Lease is renewed while the operator runs";
  static final String EVENT_COUNTED = "a repeated Event is counted on the first";
  static final String SECRET_UPDATED = "an ArgoCD cluster Secret that exists is updated";
  static final String TEMPLATE_READ = "a WorkflowTemplate the cache has not seen is read";
  static final String FINALIZER = "deleted, the experiment is gone (finalizer removed)";
  static final String PENDING = "runs are kept in ConfigMaps while S3 is down";
  static final String S3_SECRET = "the S3 credentials Secret is read";
  static final String CHECKPOINTS = "metrics checkpoints are kept beside the experiment";
  static final String TUTORIAL_KUBECONFIG =
      "a tutorial's kubeconfig Secret is written, found and deleted beside the connection Secret";

  private final RealLab lab;
  private final Duration patience;
  private Duration completedIn = Duration.ZERO;

  /** Probes on {@code lab}, waiting at most {@code patience} for each step of the lifecycle. */
  Probes(RealLab lab, Duration patience) {
    this.lab = lab;
    this.patience = patience;
  }

  /** The checks that fail for the account {@code suffix}, without {@code rule}; sorted. */
  List<String> run(String suffix, Optional<OperatorRbac.Rule> without) {
    List<String> failed = new ArrayList<>();
    lifecycle(suffix, without, failed);
    KubernetesClient account =
        lab.plane().asServiceAccount(OperatorRbac.NAMESPACE, OperatorRbac.account(suffix));
    try (account) {
      check(PENDING, () -> pendingRuns(account), failed);
      check(S3_SECRET, () -> s3Secret(account), failed);
      check(SECRET_UPDATED, () -> clusterSecretUpdated(account), failed);
      check(TEMPLATE_READ, () -> templateRead(account), failed);
      check(TUTORIAL_KUBECONFIG, () -> tutorialKubeconfig(account), failed);
    }
    return failed.stream().sorted().toList();
  }

  private void lifecycle(String suffix, Optional<OperatorRbac.Rule> without, List<String> failed) {
    String name = "rbac-" + suffix;
    lab.admin().resources(Lease.class).inNamespace(OperatorRbac.NAMESPACE).delete();
    try {
      lab.startOperator(suffix, without, lab.options().withLeaseNamespace(OperatorRbac.NAMESPACE));
    } catch (RuntimeException e) {
      failed.add(STARTS + " (" + e.getMessage() + ")");
      return;
    }
    try {
      lab.create("hello-app", name);
      if (!check(COMPLETES, () -> complete(name), failed)) {
        return;
      }
      check(STORES, () -> lab.runs(name).size() == 1, failed);
      check(EVENTS, () -> !events(name).isEmpty(), failed);
      check(LEASE, this::leaseHeld, failed);
      check(LEASE_RENEWED, this::leaseRenewed, failed);
      check(EVENT_COUNTED, () -> eventCounted(suffix, name), failed);
      check(CHECKPOINTS, () -> checkpoints(suffix, name), failed);
      check(FINALIZER, () -> gone(name), failed);
    } finally {
      lab.stopOperators();
      clearAway(name);
    }
  }

  private boolean complete(String name) {
    long started = System.nanoTime();
    lab.awaitStatus(name, s -> Boolean.TRUE.equals(s.getResourcesCleaned()), patience);
    completedIn = Duration.ofNanos(System.nanoTime() - started);
    return lab.children(name).isEmpty();
  }

  /** How long the last lifecycle took from creation to Complete and cleaned up. */
  Duration completedIn() {
    return completedIn;
  }

  private boolean gone(String name) {
    lab.deleteAndAwaitGone(name, patience);
    return true;
  }

  private List<String> events(String name) {
    return lab
        .admin()
        .v1()
        .events()
        .inNamespace(RealLab.NAMESPACE)
        .withField("involvedObject.name", name)
        .list()
        .getItems()
        .stream()
        .map(e -> e.getReason())
        .toList();
  }

  private boolean leaseHeld() {
    Lease lease =
        lab.admin()
            .resources(Lease.class)
            .inNamespace(OperatorRbac.NAMESPACE)
            .withName(OperatorSettings.LEASE_NAME)
            .get();
    return lease != null && lease.getSpec().getHolderIdentity() != null;
  }

  /** The Events port, as the account, emitting one event twice: one Event, count 2. */
  private boolean eventCounted(String suffix, String name) {
    KubernetesClient account =
        lab.plane().asServiceAccount(OperatorRbac.NAMESPACE, OperatorRbac.account(suffix));
    try (account) {
      EmitEvent event = new EmitEvent(EventType.NORMAL, "RbacProbe", "emitted twice");
      KubernetesEvents events = new KubernetesEvents(account, "rbac-probe");
      ExperimentId id = new ExperimentId(RealLab.NAMESPACE, name);
      events.emit(id, event);
      events.emit(id, event);
      return lab
          .admin()
          .v1()
          .events()
          .inNamespace(RealLab.NAMESPACE)
          .withField("involvedObject.name", name)
          .list()
          .getItems()
          .stream()
          .anyMatch(e -> "RbacProbe".equals(e.getReason()) && e.getCount() == 2);
    }
  }

  /**
   * The metrics port's checkpoints, as the account, beside the experiment (in its namespace, owned
   * by it): a window kept twice (created, then updated), read back, then cleared.
   */
  private boolean checkpoints(String suffix, String name) {
    KubernetesClient account =
        lab.plane().asServiceAccount(OperatorRbac.NAMESPACE, OperatorRbac.account(suffix));
    try (account) {
      ConfigMapCheckpoints checkpoints = new ConfigMapCheckpoints(account);
      ExperimentId id = new ExperimentId(RealLab.NAMESPACE, name);
      Instant start = Instant.parse("2026-12-04T00:00:00Z");
      QueryPlan plan =
          QueryPlan.of(
              name,
              Testing.spec(Testing.perTarget(Testing.range("cpu", "rate(x[1m])"))),
              start,
              start.plusSeconds(600),
              3);
      Answer answer =
          Answer.parse(
              200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
      checkpoints.save(id, plan, 1, 0, Map.of("cpu/app", answer));
      checkpoints.save(id, plan, 1, 0, Map.of("cpu/app", answer));
      boolean kept =
          checkpoints.load(id).map(saved -> saved.windows().containsKey(0)).orElse(false);
      checkpoints.clear(id);
      return kept && checkpoints.load(id).isEmpty();
    }
  }

  /** The cluster port, as the account, registering a cluster twice: the second is an update. */
  private boolean clusterSecretUpdated(KubernetesClient account) {
    String claim = "rbac-probe-app";
    connectionSecret(claim);
    CrossplaneClusters clusters = new CrossplaneClusters(account, RealLab.PLACEMENT);
    ExperimentId id = new ExperimentId(RealLab.NAMESPACE, "rbac-probe");
    RegisterCluster register = new RegisterCluster("app", claim, "probe.simulated.invalid");
    try {
      clusters.register(id, register);
      clusters.register(id, register);
      return true;
    } finally {
      lab.admin()
          .secrets()
          .inNamespace(RealLab.PLACEMENT.argocd())
          .withName(ExperimentNames.clusterSecretName(claim))
          .delete();
    }
  }

  /**
   * The cluster port, as the account, giving a tutorial's learner the kubeconfig of a claim: the
   * Secret written beside the connection Secret in the claims namespace (twice: the second finds
   * it), read by name, deleted (twice: the second finds nothing).
   */
  private boolean tutorialKubeconfig(KubernetesClient account) {
    String claim = "rbac-tutorial-app";
    connectionSecret(claim);
    CrossplaneClusters clusters = new CrossplaneClusters(account, RealLab.PLACEMENT);
    // an experiment elsewhere: its Secret still goes beside the connection Secret
    ExperimentId id = new ExperimentId("default", "rbac-tutorial");
    String secret = ExperimentNames.tutorialKubeconfigSecretName("rbac-tutorial", "app");
    ExposeKubeconfig expose = new ExposeKubeconfig("app", claim, secret);
    try {
      clusters.exposeKubeconfig(id, expose);
      clusters.exposeKubeconfig(id, expose);
      boolean found =
          Map.of(claim, secret).equals(clusters.kubeconfigSecrets(id, Set.of(secret)))
              && lab.admin()
                      .secrets()
                      .inNamespace(RealLab.PLACEMENT.claims())
                      .withName(secret)
                      .get()
                  != null;
      clusters.deleteKubeconfig(id, new DeleteKubeconfig(secret));
      clusters.deleteKubeconfig(id, new DeleteKubeconfig(secret));
      return found && clusters.kubeconfigSecrets(id, Set.of(secret)).isEmpty();
    } finally {
      lab.admin().secrets().inNamespace(RealLab.PLACEMENT.claims()).withName(secret).delete();
    }
  }

  private void connectionSecret(String claim) {
    lab.admin()
        .secrets()
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(ClaimShapes.connectionSecret(claim))
                .withNamespace(RealLab.PLACEMENT.claims())
                .endMetadata()
                .withStringData(Map.of(CrossplaneClusters.KUBECONFIG_KEY, PROBE_KUBECONFIG))
                .build())
        .createOr(NonDeletingOperation::update);
  }

  /** The workflow port, as the account, without an informer: it reads the template by name. */
  private static boolean templateRead(KubernetesClient account) {
    ArgoWorkflows workflows = new ArgoWorkflows(account, RealLab.PLACEMENT);
    ExperimentId id = new ExperimentId(RealLab.NAMESPACE, "rbac-probe");
    return !workflows.observe(id, "hello-app-validation").templateMissing()
        && workflows.observe(id, "no-such-template").templateMissing();
  }

  private static final String PROBE_KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters: [{name: c, cluster: {server: "https://probe.simulated.invalid"}}]
      users: [{name: u, user: {token: probe}}]
      contexts: [{name: x, context: {cluster: c, user: u}}]
      current-context: x
      """;

  /** fabric8's lock renews the Lease every retry period (2 s): its renewTime moves. */
  private boolean leaseRenewed() {
    var leases = lab.admin().resources(Lease.class).inNamespace(OperatorRbac.NAMESPACE);
    var first = leases.withName(OperatorSettings.LEASE_NAME).get().getSpec().getRenewTime();
    RealLab.await(
        "the Lease renewed",
        () ->
            !first.equals(
                leases.withName(OperatorSettings.LEASE_NAME).get().getSpec().getRenewTime()),
        patience,
        () -> "renewTime stays " + first);
    return true;
  }

  private static boolean pendingRuns(KubernetesClient account) {
    ConfigMapPendingRuns pending = new ConfigMapPendingRuns(account, OperatorRbac.NAMESPACE);
    RunKey key = new RunKey("rbac-probe", "20261204T000000Z-0a1b2c3d");
    RunFiles run =
        new RunFiles(key, "{\"probe\":true}".getBytes(StandardCharsets.UTF_8), new TreeMap<>());
    pending.keep(run, "S3 is down (probe)");
    pending.keep(run, "S3 is down (probe), again");
    String kept = pending.pending().get(0);
    boolean read = pending.read(kept).key().equals(key);
    pending.remove(kept);
    return read && pending.pending().isEmpty();
  }

  private boolean s3Secret(KubernetesClient account) {
    lab.admin()
        .secrets()
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("results-s3")
                .withNamespace(OperatorRbac.NAMESPACE)
                .endMetadata()
                .withStringData(
                    Map.of(S3Settings.SECRET_KEY_ID, "probe", S3Settings.SECRET_KEY, "secret"))
                .build())
        .createOr(NonDeletingOperation::update);
    S3Settings settings = new S3Settings("bucket", "", null, null, false, null, null, "results-s3");
    return "probe"
        .equals(
            S3ResultsStore.withSecretCredentials(settings, account, OperatorRbac.NAMESPACE)
                .accessKeyId());
  }

  /** Whatever the probe left: the experiment (finalizer removed), its children, its runs. */
  private void clearAway(String name) {
    Experiment left = lab.experiment(name);
    if (left != null) {
      lab.admin()
          .resources(Experiment.class)
          .inNamespace(RealLab.NAMESPACE)
          .withName(name)
          .edit(
              e -> {
                e.getMetadata().setFinalizers(List.of());
                return e;
              });
      lab.admin()
          .resources(Experiment.class)
          .inNamespace(RealLab.NAMESPACE)
          .withName(name)
          .delete();
    }
    var labels = ChildLabels.of(name);
    lab.admin()
        .resources(ClusterClaim.class)
        .inNamespace(RealLab.PLACEMENT.claims())
        .withLabels(labels)
        .delete();
    lab.admin()
        .resources(Application.class)
        .inNamespace(RealLab.PLACEMENT.argocd())
        .withLabels(labels)
        .delete();
    lab.admin().secrets().inNamespace(RealLab.PLACEMENT.argocd()).withLabels(labels).delete();
    lab.admin()
        .resources(Workflow.class)
        .inNamespace(RealLab.PLACEMENT.workflows())
        .withLabels(labels)
        .delete();
    RealLab.await(
        name + " cleared away",
        () -> lab.experiment(name) == null && lab.children(name).isEmpty(),
        patience,
        () -> "children: " + lab.children(name));
  }

  private interface Check {
    boolean passes() throws Exception;
  }

  /** Runs {@code check}; a false or a throw adds {@code name} to {@code failed}. */
  private static boolean check(String name, Check check, List<String> failed) {
    try {
      if (check.passes()) {
        return true;
      }
      failed.add(name);
    } catch (Exception | AssertionError e) {
      failed.add(name);
    }
    return false;
  }
}
