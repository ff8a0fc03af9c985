package io.illm.lab.operator.lifecycle;

/** The values of {@code status.step}: the persisted step inside a phase. */
public final class Steps {

  /** Running: the workflow (or the manual run) is under way. */
  public static final String WORKLOAD = "Workload";

  /** Running: the run ended; metrics are being collected over its window. */
  public static final String COLLECTING = "Collecting";

  /** Running: metrics are collected; the results are being stored. */
  public static final String STORING = "Storing";

  /** Complete or Failed: children are kept until stepStartedAt + retainFor. */
  public static final String RETAINING = "Retaining";

  /** Complete or Failed: children are being deleted. */
  public static final String CLEANING_UP = "CleaningUp";

  /** Complete or Failed: every child is confirmed gone. */
  public static final String CLEANED = "Cleaned";

  private Steps() {}
}
