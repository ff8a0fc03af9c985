package io.illm.lab.dsl;

/** AKS VM sizes for {@link Lab#aks(AksMachine)}; {@link Lab#aks(String)} takes any other. */
public enum AksMachine {
  STANDARD_B2S("Standard_B2s"),
  STANDARD_D2S_V5("Standard_D2s_v5"),
  STANDARD_D4S_V5("Standard_D4s_v5"),
  STANDARD_D8S_V5("Standard_D8s_v5"),
  STANDARD_E4S_V5("Standard_E4s_v5");

  private final String value;

  AksMachine(String value) {
    this.value = value;
  }

  /** The text the model carries, e.g. {@code Standard_E4s_v5}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
