package io.illm.lab.operator.adapters.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The children's change announcements on a Kubernetes API server (ADR-006): one informer per kind
 * of child (Crossplane claims, ArgoCD Applications and cluster Secrets, Argo Workflows), in its
 * namespace of the {@link Placement}, selected by {@link ChildLabels#MANAGED_BY}. An added or
 * deleted child, or one whose status, deletion timestamp or labels changed, announces the
 * experiment its {@link ChildLabels#EXPERIMENT} label names; other updates (a finalizer added, a
 * resync) announce nothing.
 *
 * <p>Children are labelled with the experiment's name only, so the namespace comes from an informer
 * on the experiments themselves: every experiment of that name is announced (none when it is gone,
 * as there is nothing left to reconcile). {@link #start} before the operator starts, {@link #close}
 * after it stopped.
 *
 * <p>It is also the adapters' {@link ChildCache} (ADR-011): the child informers are indexed by the
 * experiment label, and two more informers, announcing nothing, keep the Component catalogue and
 * the WorkflowTemplates of the workflows namespace.
 */
public final class KubernetesChanges implements Changes, ChildCache, AutoCloseable {

  private static final String BY_NAME = "experiment-name";
  private static final String BY_EXPERIMENT = "child-of-experiment";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Placement placement;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private volatile Consumer<ExperimentId> listener = id -> {};
  private final Map<Class<?>, SharedIndexInformer<?>> children = new ConcurrentHashMap<>();
  private volatile SharedIndexInformer<Component> components;
  private volatile SharedIndexInformer<GenericKubernetesResource> templates;
  private volatile SharedIndexInformer<Experiment> experiments;

  public KubernetesChanges(KubernetesClient client, Placement placement) {
    this.client = client;
    this.placement = placement;
  }

  @Override
  public void subscribe(Consumer<ExperimentId> value) {
    listener = Objects.requireNonNull(value, "listener");
  }

  /** Starts the informers and waits for their first lists; a second call does nothing. */
  public synchronized void start() {
    if (experiments != null) {
      return;
    }
    experiments = client.resources(Experiment.class).inAnyNamespace().runnableInformer(0);
    experiments.addIndexers(Map.of(BY_NAME, e -> List.of(e.getMetadata().getName())));
    experiments.run();
    informers.add(experiments);
    child(
        ClusterClaim.class,
        client
            .resources(ClusterClaim.class)
            .inNamespace(placement.claims())
            .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER)
            .runnableInformer(0),
        ClusterClaim::getStatus);
    child(
        Application.class,
        client
            .resources(Application.class)
            .inNamespace(placement.argocd())
            .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER)
            .runnableInformer(0),
        Application::getStatus);
    child(
        Workflow.class,
        client
            .resources(Workflow.class)
            .inNamespace(placement.workflows())
            .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER)
            .runnableInformer(0),
        Workflow::getStatus);
    child(
        Secret.class,
        client
            .secrets()
            .inNamespace(placement.argocd())
            .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER)
            .withLabel(ApplicationShapes.SECRET_TYPE, "cluster")
            .runnableInformer(0),
        Secret::getData);
    // read-only caches: a new Component or WorkflowTemplate announces nothing (as before, when read
    // afresh)
    components = client.resources(Component.class).runnableInformer(0);
    components.run();
    informers.add(components);
    templates =
        client
            .genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES)
            .inNamespace(placement.workflows())
            .runnableInformer(0);
    templates.run();
    informers.add(templates);
  }

  /**
   * Starts the informer of one kind of child, indexed by its experiment label, announcing through
   * an Announcer.
   */
  private <T extends HasMetadata> void child(
      Class<T> kind, SharedIndexInformer<T> informer, Function<T, Object> state) {
    informer.addIndexers(
        Map.of(
            BY_EXPERIMENT,
            c -> {
              String owner = owner(c);
              return owner == null ? List.of() : List.of(owner);
            }));
    informer.addEventHandler(new Announcer<>(state));
    informer.run();
    informers.add(informer);
    children.put(kind, informer);
  }

  @Override
  public <T extends HasMetadata> Optional<List<T>> children(Class<T> kind, String experiment) {
    SharedIndexInformer<?> informer = children.get(kind);
    if (!current(informer)) {
      return Optional.empty();
    }
    List<T> found = new ArrayList<>();
    for (Object child : byIndex(informer, BY_EXPERIMENT, experiment)) {
      found.add(kind.cast(child));
    }
    found.sort(Comparator.comparing((T c) -> c.getMetadata().getName()));
    return Optional.of(found);
  }

  /**
   * Also tells {@code handler} of every experiment the informer on experiments sees, so that a
   * simulated part of the same process (the embedded hub's Prometheus) needs no watch of its own.
   * Call after {@link #start}.
   */
  public void onExperiments(ResourceEventHandler<Experiment> handler) {
    SharedIndexInformer<Experiment> informer = experiments;
    if (informer == null) {
      throw new IllegalStateException("the experiments are watched only once started");
    }
    informer.addEventHandler(handler);
  }

  /** The experiment as the informer on experiments last saw it; empty when it has not. */
  public Optional<Experiment> experiment(ExperimentId id) {
    SharedIndexInformer<Experiment> informer = experiments;
    return informer == null || !informer.hasSynced()
        ? Optional.empty()
        : Optional.ofNullable(informer.getStore().getByKey(id.namespace() + "/" + id.name()));
  }

  /** The Component of that name in the catalogue's cache; empty until the cache has it. */
  public Optional<Component> component(String name) {
    SharedIndexInformer<Component> informer = components;
    return informer == null
        ? Optional.empty()
        : Optional.ofNullable(informer.getStore().getByKey(name));
  }

  @Override
  public boolean knowsComponent(String name) {
    SharedIndexInformer<Component> informer = components;
    return current(informer) && informer.getStore().getByKey(name) != null;
  }

  @Override
  public boolean knowsTemplate(String name) {
    SharedIndexInformer<GenericKubernetesResource> informer = templates;
    return current(informer)
        && informer.getStore().getByKey(placement.workflows() + "/" + name) != null;
  }

  /** An informer whose cache may be read: it has its first list and its watch is open. */
  private static boolean current(SharedIndexInformer<?> informer) {
    return informer != null && informer.hasSynced() && informer.isWatching();
  }

  /**
   * The objects an informer's index lists under {@code key}, read under the lock its cache writes
   * hold. fabric8 does not lock index reads, and it updates an object's index entries by removing
   * them and adding them back, so an unlocked read made while an object changes can miss it: an
   * experiment's announcement was lost when its status patch arrived at that moment (the operator
   * benchmark's two-minute stalls, ADR-012), a child went missing from a reconcile's view. {@code
   * KubernetesChangesTest} fails if fabric8's cache stops writing under this lock.
   */
  private static <T> List<T> byIndex(SharedIndexInformer<T> informer, String index, String key) {
    Indexer<T> indexer = informer.getIndexer();
    synchronized (indexer) {
      return indexer.byIndex(index, key);
    }
  }

  /** Stops every informer. */
  @Override
  public synchronized void close() {
    informers.forEach(SharedIndexInformer::close);
    informers.clear();
    children.clear();
    components = null;
    templates = null;
    experiments = null;
  }

  /** Announces the experiments named {@code name} (one per namespace that has one). */
  private void announce(String name) {
    SharedIndexInformer<Experiment> index = experiments;
    if (name == null || index == null) {
      return;
    }
    for (Experiment experiment : byIndex(index, BY_NAME, name)) {
      listener.accept(new ExperimentId(experiment.getMetadata().getNamespace(), name));
    }
  }

  /**
   * What an informer of one kind announces; {@code state} picks what of a child the engine reads.
   */
  private final class Announcer<T extends HasMetadata> implements ResourceEventHandler<T> {

    private final Function<T, Object> state;

    Announcer(Function<T, Object> state) {
      this.state = state;
    }

    @Override
    public void onAdd(T child) {
      announce(owner(child));
    }

    @Override
    public void onUpdate(T before, T after) {
      if (relevant(before, after)) {
        announce(owner(after));
        String previous = owner(before);
        if (!Objects.equals(previous, owner(after))) {
          announce(previous);
        }
      }
    }

    @Override
    public void onDelete(T child, boolean finalStateUnknown) {
      announce(owner(child));
    }

    /**
     * A new version whose state, deletion timestamp or labels differ; resyncs and finalizer edits
     * are not.
     */
    private boolean relevant(T before, T after) {
      if (Objects.equals(
          before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
        return false;
      }
      return !Objects.equals(
              before.getMetadata().getDeletionTimestamp(),
              after.getMetadata().getDeletionTimestamp())
          || !Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
          || !tree(state.apply(before)).equals(tree(state.apply(after)));
    }
  }

  private static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  private static String owner(HasMetadata child) {
    Map<String, String> labels = child.getMetadata().getLabels();
    return labels == null ? null : labels.get(ChildLabels.EXPERIMENT);
  }
}
