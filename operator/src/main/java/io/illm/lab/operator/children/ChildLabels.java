package io.illm.lab.operator.children;

import java.util.Map;
import java.util.TreeMap;

/**
 * The labels on every child object: who manages it and which experiment (and target) it belongs to.
 */
public final class ChildLabels {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "illm-lab";
  public static final String EXPERIMENT = "experiments.illm.io/experiment";
  public static final String TARGET = "experiments.illm.io/target";
  public static final String CLUSTER = "experiments.illm.io/cluster";
  public static final String COMPONENT = "experiments.illm.io/component";

  private ChildLabels() {}

  /** managed-by and experiment. */
  public static Map<String, String> of(String experiment) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(MANAGED_BY, MANAGER);
    labels.put(EXPERIMENT, experiment);
    return labels;
  }

  /** managed-by, experiment and target. */
  public static Map<String, String> of(String experiment, String target) {
    Map<String, String> labels = of(experiment);
    labels.put(TARGET, target);
    return labels;
  }
}
