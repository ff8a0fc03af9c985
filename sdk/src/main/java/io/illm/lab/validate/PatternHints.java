package io.illm.lab.validate;

import java.util.Map;

/** Says in words what the CRD's patterns allow. */
final class PatternHints {

  static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  static final String DURATION = "^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$";

  private static final Map<String, String> HINTS =
      Map.of(
          DNS_LABEL,
          "lowercase letters, digits and '-', starting and ending with a letter or digit",
          DURATION,
          "a duration such as 90s, 15m, 2h or 1h30m",
          "^[a-z][a-z0-9_]*$",
          "lowercase letters, digits and '_', starting with a letter",
          "^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$",
          "lowercase letters, digits, '-' and '_', starting and ending with a letter or digit",
          "^[a-z]+-[a-z]+[0-9]+-[a-z]$",
          "a GKE zone such as us-central1-a",
          "^[a-z][a-z0-9-]*[a-z0-9]$",
          "a region such as us-east-1, eastus or us-central1",
          "^[A-Za-z0-9][A-Za-z0-9._-]*$",
          "a machine type such as e2-standard-4, m6i.large or Standard_D4s_v5",
          "^1\\.[0-9]+(\\.[0-9]+)?$",
          "a Kubernetes version such as 1.30 or 1.30.2",
          "^/.*$",
          "an HTTP path starting with /",
          "^[a-z][a-z0-9]*$",
          "lowercase letters and digits, starting with a letter");

  private PatternHints() {}

  /** A hint for a value that does not match {@code pattern}. */
  static String hint(String pattern) {
    String known = HINTS.get(pattern);
    if (known != null) {
      return known;
    }
    if (pattern.startsWith("^(https?|oci|ssh|git)://")) {
      return "a URL such as https://charts.example.com, oci://registry/charts or git@github.com:org/repo.git";
    }
    return "must match " + pattern;
  }
}
