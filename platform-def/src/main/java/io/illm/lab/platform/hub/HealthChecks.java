package io.illm.lab.platform.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resource health customizations (Lua) the hub's ArgoCD carries in argocd-cm: Experiments
 * (Progressing while running, Healthy when Complete, Degraded when Failed with the reason) and
 * Applications (so that the root's sync waves wait for each child Application's health).
 */
public final class HealthChecks {

  /** The argocd-cm key of the Experiment's health check. */
  public static final String EXPERIMENT_KEY =
      "resource.customizations.health.experiments.illm.io_Experiment";

  /** The argocd-cm key of the Application's health check. */
  public static final String APPLICATION_KEY =
      "resource.customizations.health.argoproj.io_Application";

  private HealthChecks() {}

  /** The Lua of the Experiment's health check. */
  public static String experiment() {
    return read("experiment-health.lua");
  }

  /** The Lua of the Application's health check. */
  public static String application() {
    return read("application-health.lua");
  }

  /** Every check, by its argocd-cm key. */
  public static Map<String, Object> argocdCm() {
    Map<String, Object> cm = new TreeMap<>();
    cm.put(EXPERIMENT_KEY, experiment());
    cm.put(APPLICATION_KEY, application());
    return cm;
  }

  private static String read(String file) {
    try (InputStream in = HealthChecks.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("no " + file + " beside " + HealthChecks.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
