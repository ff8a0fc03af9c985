package io.illm.lab.hub.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.operator.children.Placement;
import java.util.HashMap;
import java.util.Map;

/**
 * Crossplane, ArgoCD and Argo Workflows, simulated against the real child objects in an API server
 * (the embedded hub's): each watches its kind with an informer and, on the simulated clock, writes
 * the conditions, phases, finalizers and Secrets the real controller would. Every object they touch
 * carries {@link #ANNOTATION}{@code : "true"}, and every message they write starts with {@code
 * simulated}.
 */
public final class SimControllers implements AutoCloseable {

  /** The annotation on every object a simulated controller wrote or touched. */
  public static final String ANNOTATION = "experiments.illm.io/simulated";

  /**
   * How many objects' steps run at once (each object's in order): enough to keep an in-process API
   * server busy.
   */
  static final int LANES = 4;

  private final SimCrossplane crossplane;
  private final SimArgoCd argoCd;
  private final SimArgoWorkflows argoWorkflows;
  private final SimLanes lanes;

  /** The three controllers, their writes on {@link #LANES} lanes. */
  public SimControllers(
      KubernetesClient client, Placement placement, SimClock clock, SimTimings timings) {
    this.lanes = new SimLanes(LANES);
    this.crossplane = new SimCrossplane(client, placement, clock, timings, lanes);
    this.argoCd = new SimArgoCd(client, placement, clock, timings, lanes);
    this.argoWorkflows = new SimArgoWorkflows(client, placement, clock, timings, lanes);
  }

  public SimCrossplane crossplane() {
    return crossplane;
  }

  public SimArgoCd argoCd() {
    return argoCd;
  }

  public SimArgoWorkflows argoWorkflows() {
    return argoWorkflows;
  }

  /** What {@link #onWrite} is told: an object as a simulated controller's edit left it. */
  @FunctionalInterface
  public interface WriteListener {
    /**
     * @param object the object as the API server returned it after the edit
     * @param startedNanos {@link System#nanoTime()} just before the edit was sent
     */
    void wrote(HasMetadata object, long startedNanos);
  }

  /**
   * Tells {@code listener} of every edit the three controllers make from now on, on the thread that
   * made it (keep it quick): the operator benchmark times the reaction to each. Default: no one.
   */
  public void onWrite(WriteListener listener) {
    crossplane.onWrite(listener);
    argoCd.onWrite(listener);
    argoWorkflows.onWrite(listener);
  }

  /** Starts the three informers. */
  public void start() {
    crossplane.start();
    argoCd.start();
    argoWorkflows.start();
  }

  @Override
  public void close() {
    argoWorkflows.close();
    argoCd.close();
    crossplane.close();
    lanes.close();
  }

  /** Marks {@code object} as written by a simulated controller; returns it. */
  public static <T extends HasMetadata> T mark(T object) {
    Map<String, String> annotations =
        object.getMetadata().getAnnotations() == null
            ? new HashMap<>()
            : new HashMap<>(object.getMetadata().getAnnotations());
    annotations.put(ANNOTATION, "true");
    object.getMetadata().setAnnotations(annotations);
    return object;
  }

  /** {@code text} as a simulated controller's message: starting with "simulated". */
  static String message(String text) {
    return text.startsWith("simulated") ? text : "simulated: " + text;
  }
}
