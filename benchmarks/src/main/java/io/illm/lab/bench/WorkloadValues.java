package io.illm.lab.bench;

import java.util.List;

/**
 * The values that vary with the experiment number {@code i} in the synthesis workload ({@code
 * synth-workload.md}, "Generator"). Plain Java only: the Jackson baseline uses it too.
 */
record WorkloadValues(int index) {

  private static final List<String> ZONES =
      List.of("europe-west1-b", "us-central1-a", "asia-east1-c");

  WorkloadValues {
    if (index < 1) {
      throw new IllegalArgumentException("experiment numbers start at 1, got " + index);
    }
  }

  /** {@code exp-} and the number zero-padded to 5 digits. */
  String name() {
    String digits = Integer.toString(index);
    return "exp-" + "0".repeat(Math.max(0, 5 - digits.length())) + digits;
  }

  String zone() {
    return ZONES.get(index % 3);
  }

  int rps() {
    return 100 + 10 * (index % 20);
  }

  int p95() {
    return 200 + 50 * (index % 5);
  }

  /** The PromQL label selector, {@code experiment="NAME"} with the double quotes. */
  String selector() {
    return "experiment=\"" + name() + "\"";
  }

  /** The sock-shop replicas parameter, a string. */
  String replicas() {
    return Integer.toString(1 + index % 3);
  }

  String groupTag() {
    return "group-" + index % 10;
  }
}
