package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.examples.components.Repositories.ARGO;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;
import io.illm.lab.model.ComponentType;

/**
 * Workflow engines deployed on a target. The hub's own Argo Workflows, which runs every
 * experiment's WorkflowTemplate, is a platform service of the hub, not a component.
 */
public final class Workflows {

  /** Controller replicas. */
  public static final Param<Integer> ARGO_CONTROLLER_REPLICAS =
      intParam("controller.replicas").defaultValue(1).describe("Workflow controller replicas");

  /** The Argo Server (API and UI); off, workflows are submitted as objects. */
  public static final Param<Boolean> ARGO_SERVER =
      boolParam("server.enabled")
          .defaultValue(false)
          .describe("Deploy the Argo Server (API and UI); the chart's default is on");

  /** The controller's Prometheus endpoint on port 9090. */
  public static final Param<Boolean> ARGO_METRICS =
      boolParam("controller.metricsConfig.enabled")
          .defaultValue(true)
          .describe("Expose controller metrics on port 9090");

  /** A ServiceMonitor for the controller; needs the Prometheus Operator's CRDs on the target. */
  public static final Param<Boolean> ARGO_SERVICE_MONITOR =
      boolParam("controller.serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** The controller's resources: the chart sets none. */
  public static final Resources ARGO_CONTROLLER_RESOURCES =
      Resources.of("controller.resources", "the workflow controller", null, null, null, null);

  /**
   * Argo Workflows' controller on a target, for workflows that must run inside the system under
   * test's cluster (in-cluster load phases) or that are themselves what an experiment measures. The
   * chart version is the original's; its type is {@code workflow}, so experiments list it as {@code
   * components[].workflow}.
   */
  @LabComponent
  public static final ComponentDef ARGO_WORKFLOWS_CONTROLLER =
      component("argo-workflows-controller", Category.WORKFLOWS)
          .describe("Argo Workflows controller on the target, for in-cluster workflows")
          .type(ComponentType.WORKFLOW)
          .source(chart(ARGO, "argo-workflows").revision("0.45.28").releaseName("argo-workflows"))
          .parameter(ARGO_CONTROLLER_REPLICAS, ARGO_SERVER, ARGO_METRICS, ARGO_SERVICE_MONITOR)
          .parameter(ARGO_CONTROLLER_RESOURCES.all())
          .podLabel("app.kubernetes.io/component", "workflow-controller")
          .metricsPort(9090);

  private Workflows() {}
}
