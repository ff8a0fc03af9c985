package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.dsl.Lab.stringParam;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/** Fault injection: installed on the target whose resilience an experiment measures. */
public final class Chaos {

  /** Controller replicas; the chart runs three for leader election, one is enough on a lab. */
  public static final Param<Integer> CHAOS_MESH_CONTROLLER_REPLICAS =
      intParam("controllerManager.replicaCount")
          .defaultValue(1)
          .describe("Controller-manager replicas (the chart's default is 3)");

  /** The container runtime the daemon talks to; GKE, EKS and AKS nodes run containerd. */
  public static final Param<String> CHAOS_MESH_RUNTIME =
      stringParam("chaosDaemon.runtime")
          .defaultValue("containerd")
          .describe("Container runtime of the nodes: containerd, crio or docker");

  /** The runtime's socket on the node. */
  public static final Param<String> CHAOS_MESH_SOCKET =
      stringParam("chaosDaemon.socketPath")
          .defaultValue("/run/containerd/containerd.sock")
          .describe("Path of the container runtime's socket on the node");

  /** The web dashboard (a NodePort Service); experiments declare their chaos as objects. */
  public static final Param<Boolean> CHAOS_MESH_DASHBOARD =
      boolParam("dashboard.create").defaultValue(false).describe("Deploy the Chaos Dashboard");

  /** The controller's resources: the chart requests 25m and 256Mi and sets no limit. */
  public static final Resources CHAOS_MESH_CONTROLLER_RESOURCES =
      Resources.of(
          "controllerManager.resources", "the controller-manager", "25m", "256Mi", null, null);

  /** The per-node daemon's resources: the chart sets none. */
  public static final Resources CHAOS_MESH_DAEMON_RESOURCES =
      Resources.of("chaosDaemon.resources", "the per-node chaos daemon", null, null, null, null);

  /**
   * Chaos Mesh: PodChaos, NetworkChaos, IOChaos, StressChaos and friends, injected by a daemon on
   * every node. The original pointed at a values file in its repository; its settings that matter
   * on the lab's clusters (the runtime and its socket) are typed parameters here.
   */
  @LabComponent
  public static final ComponentDef CHAOS_MESH =
      component("chaos-mesh", Category.CHAOS)
          .describe("Chaos Mesh fault injection: pod, network, IO, stress and time chaos")
          .source(
              chart(Repositories.CHAOS_MESH, "chaos-mesh")
                  .revision("2.7.0")
                  .releaseName("chaos-mesh"))
          .parameter(
              CHAOS_MESH_CONTROLLER_REPLICAS,
              CHAOS_MESH_RUNTIME,
              CHAOS_MESH_SOCKET,
              CHAOS_MESH_DASHBOARD)
          .parameter(CHAOS_MESH_CONTROLLER_RESOURCES.all())
          .parameter(CHAOS_MESH_DAEMON_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "chaos-mesh")
          .metricsPort(10080);

  private Chaos() {}
}
