package io.illm.lab.operator.lifecycle;

/** Condition and event reasons: CamelCase single words, stable for users' alerts. */
public final class Reasons {

  public static final String STARTED = "Started";
  public static final String CLUSTERS_READY = "ClustersReady";
  public static final String WORKFLOW_SUBMITTED = "WorkflowSubmitted";
  public static final String RUN_FINISHED = "RunFinished";
  public static final String METRICS_COLLECTED = "MetricsCollected";
  public static final String RESULTS_STORED = "ResultsStored";
  public static final String SUCCEEDED = "Succeeded";
  public static final String RETAINING = "Retaining";
  public static final String CLEANING_UP = "CleaningUp";
  public static final String CLEANED = "Cleaned";
  public static final String AS_EXPECTED = "AsExpected";

  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SPEC_CHANGED = "SpecChanged";
  public static final String SPEC_MATCHES = "SpecMatches";
  public static final String DELETED = "Deleted";
  public static final String UNKNOWN_COMPONENT = "UnknownComponent";
  public static final String TEMPLATE_MISSING = "WorkflowTemplateMissing";
  public static final String CLUSTER_FAILED = "ClusterFailed";
  public static final String CLUSTER_LOST = "ClusterLost";
  public static final String WORKFLOW_FAILED = "WorkflowFailed";
  public static final String WORKFLOW_LOST = "WorkflowLost";
  public static final String METRICS_FAILED = "MetricsFailed";
  public static final String RESULTS_FAILED = "ResultsFailed";
  public static final String PROVISIONING_DEADLINE = "ProvisioningDeadlineExceeded";
  public static final String DEPLOYING_DEADLINE = "DeployingDeadlineExceeded";
  public static final String RUNNING_DEADLINE = "RunningDeadlineExceeded";
  public static final String COLLECTING_DEADLINE = "CollectingDeadlineExceeded";
  public static final String TOTAL_DEADLINE = "TotalDeadlineExceeded";
  public static final String BUDGET_EXCEEDED = "BudgetExceeded";
  public static final String OBSERVATION_FAILED = "ObservationFailed";
  public static final String CLEANUP_SLOW = "CleanupSlow";
  public static final String INTERNAL_ERROR = "InternalError";

  private Reasons() {}
}
