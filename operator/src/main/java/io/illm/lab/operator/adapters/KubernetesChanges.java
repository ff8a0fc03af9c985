package io.illm.lab.operator.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.adapters.argocd.ArgoCdDeployments;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>Children are labelled with the experiment's name only, so the namespace comes from an
 * informer on the experiments themselves: every experiment of that name is announced (none when
 * it is gone, as there is nothing left to reconcile). {@link #start} before the operator starts,
 * {@link #close} after it stopped.
 */
public final class KubernetesChanges implements Changes, AutoCloseable {

  private static final String BY_NAME = "experiment-name";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Placement placement;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private volatile Consumer<ExperimentId> listener = id -> {};
  private SharedIndexInformer<Experiment> experiments;

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
    informers.add(client.resources(ClusterClaim.class).inNamespace(placement.claims())
        .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER).inform(new Announcer<>(ClusterClaim::getStatus)));
    informers.add(client.resources(Application.class).inNamespace(placement.argocd())
        .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER).inform(new Announcer<>(Application::getStatus)));
    informers.add(client.resources(Workflow.class).inNamespace(placement.workflows())
        .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER).inform(new Announcer<>(Workflow::getStatus)));
    informers.add(client.secrets().inNamespace(placement.argocd())
        .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER).withLabel(ArgoCdDeployments.SECRET_TYPE, "cluster")
        .inform(new Announcer<>(Secret::getData)));
  }

  /** Stops every informer. */
  @Override
  public synchronized void close() {
    informers.forEach(SharedIndexInformer::close);
    informers.clear();
    experiments = null;
  }

  /** Announces the experiments named {@code name} (one per namespace that has one). */
  private void announce(String name) {
    SharedIndexInformer<Experiment> index = experiments;
    if (name == null || index == null) {
      return;
    }
    for (Experiment experiment : index.getIndexer().byIndex(BY_NAME, name)) {
      listener.accept(new ExperimentId(experiment.getMetadata().getNamespace(), name));
    }
  }

  /** What an informer of one kind announces; {@code state} picks what of a child the engine reads. */
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

    /** A new version whose state, deletion timestamp or labels differ; resyncs and finalizer edits are not. */
    private boolean relevant(T before, T after) {
      if (Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
        return false;
      }
      return !Objects.equals(before.getMetadata().getDeletionTimestamp(), after.getMetadata().getDeletionTimestamp())
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
