package io.illm.lab.dsl;

/**
 * EKS (EC2) instance types for {@link Lab#eks(EksMachine)}; {@link Lab#eks(String)} takes any
 * other.
 */
public enum EksMachine {
  T3_MEDIUM("t3.medium"),
  M6I_LARGE("m6i.large"),
  M6I_XLARGE("m6i.xlarge"),
  M6I_2XLARGE("m6i.2xlarge"),
  C6I_LARGE("c6i.large"),
  C6I_XLARGE("c6i.xlarge"),
  R6I_LARGE("r6i.large");

  private final String value;

  EksMachine(String value) {
    this.value = value;
  }

  /** The text the model carries, e.g. {@code r6i.large}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
