package io.illm.lab.dsl;

/** GKE machine types for {@link Lab#gke(GkeMachine)}; {@link Lab#gke(String)} takes any other. */
public enum GkeMachine {
  E2_MEDIUM("e2-medium"),
  E2_STANDARD_2("e2-standard-2"),
  E2_STANDARD_4("e2-standard-4"),
  E2_STANDARD_8("e2-standard-8"),
  E2_STANDARD_16("e2-standard-16"),
  E2_HIGHMEM_4("e2-highmem-4"),
  N2_STANDARD_4("n2-standard-4"),
  N2_STANDARD_8("n2-standard-8"),
  C3_STANDARD_4("c3-standard-4"),
  C3_STANDARD_8("c3-standard-8");

  private final String value;

  GkeMachine(String value) {
    this.value = value;
  }

  /** The text the model carries, e.g. {@code c3-standard-8}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
