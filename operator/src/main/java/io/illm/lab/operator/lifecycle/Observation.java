package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.HypothesisResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import lombok.With;

/**
 * What the engine saw through its ports, once, before deciding. Immutable.
 *
 * @param meta the experiment object itself: name, generation, spec hash, deletion, finalizer,
 *     annotations
 * @param clusters cluster claims by claim name (every claim of the experiment that exists, plus the
 *     expected ones)
 * @param applications ArgoCD Applications by name (every Application of the experiment that exists)
 * @param workflow the experiment's Workflow and whether its template exists
 * @param metrics the metrics collection of this experiment
 * @param results the results store for this experiment
 * @param missingComponents component names the spec refers to that the catalogue does not have
 * @param errors transient failures while observing or acting (a port did not answer); while any is
 *     present the observation is incomplete and nothing is concluded from absence
 * @param cost the estimated cost of the run and what it has cost so far, as far as known
 * @param kubeconfigNamespace where a tutorial's kubeconfig Secrets are written: the cluster claims'
 *     namespace, beside the connection Secrets they are copied from (null when unknown)
 */
@With
public record Observation(
    Meta meta,
    Map<String, ClusterObservation> clusters,
    Map<String, AppObservation> applications,
    WorkflowObservation workflow,
    MetricsObservation metrics,
    ResultsObservation results,
    Set<String> missingComponents,
    List<String> errors,
    Cost cost,
    String kubeconfigNamespace) {

  /** The annotation with which a user ends the Running phase of a manual experiment. */
  public static final String COMPLETE_ANNOTATION = "experiments.illm.io/complete";

  public Observation {
    java.util.Objects.requireNonNull(meta, "meta");
    clusters = Collections.unmodifiableMap(new TreeMap<>(clusters == null ? Map.of() : clusters));
    applications =
        Collections.unmodifiableMap(new TreeMap<>(applications == null ? Map.of() : applications));
    workflow = workflow == null ? WorkflowObservation.ABSENT : workflow;
    metrics = metrics == null ? MetricsObservation.NOT_STARTED : metrics;
    results = results == null ? ResultsObservation.NOT_STORED : results;
    missingComponents =
        Collections.unmodifiableSet(
            new TreeSet<>(missingComponents == null ? Set.of() : missingComponents));
    errors = errors == null ? List.of() : List.copyOf(errors);
    cost = cost == null ? Cost.UNKNOWN : cost;
  }

  /** An observation of an experiment with no children at all. */
  public static Observation of(Meta meta) {
    return new Observation(
        meta, Map.of(), Map.of(), null, null, null, Set.of(), List.of(), null, null);
  }

  /** The claim {@code name} as observed; absent when not observed. */
  public ClusterObservation cluster(String name) {
    return clusters.getOrDefault(name, ClusterObservation.ABSENT);
  }

  /** The Application {@code name} as observed; absent when not observed. */
  public AppObservation application(String name) {
    return applications.getOrDefault(name, AppObservation.ABSENT);
  }

  /** True when the user asked to end a manual run (the annotation is present and not "false"). */
  public boolean completeRequested() {
    String value = meta.annotations().get(COMPLETE_ANNOTATION);
    return value != null && !value.equalsIgnoreCase("false");
  }

  public Observation withCluster(String name, ClusterObservation value) {
    Map<String, ClusterObservation> copy = new TreeMap<>(clusters);
    copy.put(name, value);
    return withClusters(copy);
  }

  public Observation withApplication(String name, AppObservation value) {
    Map<String, AppObservation> copy = new TreeMap<>(applications);
    copy.put(name, value);
    return withApplications(copy);
  }

  /**
   * The experiment object's own facts.
   *
   * @param name metadata.name, the root of every child name
   * @param generation metadata.generation
   * @param specHash a hash of the current spec, compared with the one recorded at start
   * @param deletionRequested metadata.deletionTimestamp is set
   * @param finalizerPresent the experiment carries the operator's finalizer
   * @param annotations metadata.annotations
   */
  public record Meta(
      String name,
      long generation,
      String specHash,
      boolean deletionRequested,
      boolean finalizerPresent,
      Map<String, String> annotations) {

    public Meta {
      annotations =
          Collections.unmodifiableMap(new TreeMap<>(annotations == null ? Map.of() : annotations));
    }
  }

  /** The state of a cluster claim. */
  public enum ClusterState {
    ABSENT,
    PROVISIONING,
    READY,
    FAILED,
    DELETING,
    GONE;

    /** True when there is no object (never was, or deleted). */
    public boolean missing() {
      return this == ABSENT || this == GONE;
    }
  }

  /**
   * A cluster claim, its ArgoCD registration and its tutorial kubeconfig Secret.
   *
   * @param endpoint the API endpoint when ready
   * @param message why it failed, when it did
   * @param registered the ArgoCD cluster secret exists
   * @param kubeconfigSecret the name of the Secret holding its kubeconfig for a tutorial's learner,
   *     when one exists
   */
  public record ClusterObservation(
      ClusterState state,
      String endpoint,
      String message,
      boolean registered,
      String kubeconfigSecret) {
    public static final ClusterObservation ABSENT =
        new ClusterObservation(ClusterState.ABSENT, null, null, false);

    /** A claim and its registration, with no tutorial kubeconfig Secret. */
    public ClusterObservation(
        ClusterState state, String endpoint, String message, boolean registered) {
      this(state, endpoint, message, registered, null);
    }

    /** The same, with the tutorial kubeconfig Secret {@code secret} (null: none). */
    public ClusterObservation withKubeconfigSecret(String secret) {
      return new ClusterObservation(state, endpoint, message, registered, secret);
    }
  }

  /** The state of an ArgoCD Application; healthy means Synced and Healthy. */
  public enum AppState {
    ABSENT,
    PROGRESSING,
    HEALTHY,
    DEGRADED,
    DELETING,
    GONE;

    /** True when there is no object (never was, or deleted). */
    public boolean missing() {
      return this == ABSENT || this == GONE;
    }
  }

  /** An ArgoCD Application. */
  public record AppObservation(AppState state, String message) {
    public static final AppObservation ABSENT = new AppObservation(AppState.ABSENT, null);
  }

  /** The state of the experiment's Workflow. */
  public enum WorkflowState {
    ABSENT,
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    ERROR,
    DELETING,
    GONE;

    /** True when there is no object (never was, or deleted). */
    public boolean missing() {
      return this == ABSENT || this == GONE;
    }
  }

  /**
   * The experiment's Workflow.
   *
   * @param startedAt when it started (RFC 3339), if it did
   * @param finishedAt when it ended (RFC 3339), if it did
   * @param templateMissing the WorkflowTemplate named by the spec does not exist
   * @param step the step running now, as Argo names it (parallel ones joined by commas), if known
   * @param progress steps done of all steps ("N/M"), if known
   */
  public record WorkflowObservation(
      WorkflowState state,
      String message,
      String startedAt,
      String finishedAt,
      boolean templateMissing,
      String step,
      String progress) {
    public static final WorkflowObservation ABSENT =
        new WorkflowObservation(WorkflowState.ABSENT, null, null, null, false);

    /** An observation that says nothing of the steps (the step running now, N/M done). */
    public WorkflowObservation(
        WorkflowState state,
        String message,
        String startedAt,
        String finishedAt,
        boolean templateMissing) {
      this(state, message, startedAt, finishedAt, templateMissing, null, null);
    }
  }

  /** The state of the metrics collection. */
  public enum MetricsState {
    NOT_STARTED,
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * The metrics collection; {@code result} is the verdict on the hypothesis once done, {@code
   * collected} what was collected (when DONE: all of it; while RUNNING, after FAILED or after a
   * restart before the collection was resumed: what there is so far, or null when nothing).
   */
  public record MetricsObservation(
      MetricsState state, HypothesisResult result, String message, Collected collected) {
    public static final MetricsObservation NOT_STARTED =
        new MetricsObservation(MetricsState.NOT_STARTED, null, null, null);

    public MetricsObservation(MetricsState state, HypothesisResult result, String message) {
      this(state, result, message, null);
    }
  }

  /** The state of the results store for this experiment. */
  public enum ResultsState {
    NOT_STORED,
    STORING,
    STORED,
    FAILED
  }

  /** The results store; {@code url} is where the results are once stored. */
  public record ResultsObservation(ResultsState state, String url, String message) {
    public static final ResultsObservation NOT_STORED =
        new ResultsObservation(ResultsState.NOT_STORED, null, null);
  }

  /**
   * What the run costs, from the price table; null means unknown.
   *
   * @param estimatedUSD the estimate for the whole run, known before anything is created
   * @param spentUSD what the clusters have cost so far
   * @param hourlyUSD all clusters together, per hour
   * @param priceTable which price table (date and source) the numbers come from
   */
  public record Cost(Double estimatedUSD, Double spentUSD, Double hourlyUSD, String priceTable) {
    public static final Cost UNKNOWN = new Cost(null, null);

    public Cost(Double estimatedUSD, Double spentUSD) {
      this(estimatedUSD, spentUSD, null, null);
    }
  }
}
