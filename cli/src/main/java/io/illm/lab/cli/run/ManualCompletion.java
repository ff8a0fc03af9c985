package io.illm.lab.cli.run;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Observation;
import java.util.Optional;

/**
 * How a run on the embedded hub ends an experiment whose completion is manual (a tutorial: in the
 * lab a learner ends it, after opening its services). Nobody is there to do it on the embedded hub,
 * and waiting for the end of the running window takes minutes of real time even compressed, so the
 * command plays the learner: once the experiment is Running and its workflow has succeeded, it
 * sends the completion signal (the annotation {@value Observation#COMPLETE_ANNOTATION}), as the
 * learner would with {@code kubectl annotate}.
 */
public final class ManualCompletion {

  private ManualCompletion() {}

  /** True when the experiment's completion is manual. */
  public static boolean isManual(Experiment experiment) {
    var workflow = experiment.getSpec().getWorkflow();
    return workflow != null
        && workflow.getCompletion() != null
        && workflow.getCompletion().getMode() == CompletionMode.MANUAL;
  }

  /** The line that says how a manual run will be ended; empty when the run is not manual. */
  public static Optional<String> announcement(Experiment experiment) {
    if (!isManual(experiment)) {
      return Optional.empty();
    }
    return Optional.of(
        "run: manual completion: with no learner here, the command sends the completion signal ("
            + Observation.COMPLETE_ANNOTATION
            + "=true) once the workflow has succeeded");
  }

  /**
   * A sender that watches the states of one run and, when the experiment is manual, sends the
   * signal once.
   */
  public static Sender sender(KubernetesClient client, Experiment experiment) {
    return new Sender(isManual(experiment), client);
  }

  /** Sends the completion signal once, when a state shows the workflow done while Running. */
  public static final class Sender {
    private final boolean active;
    private final KubernetesClient client;
    private boolean sent;

    Sender(boolean active, KubernetesClient client) {
      this.active = active;
      this.client = client;
    }

    /** Looks at a state, and sends the signal when it is time; true when this state sent it. */
    public boolean observe(Experiment current) {
      if (!active || sent || !readyToEnd(current.getStatus())) {
        return false;
      }
      sent = true;
      // a merge patch of the one annotation, without a resourceVersion: the operator patches the
      // status at the same moment (the workflow's end), and an edit (read, then patch with the
      // version read) lost that race with a 409 about one run in four
      client
          .resources(Experiment.class)
          .inNamespace(current.getMetadata().getNamespace())
          .withName(current.getMetadata().getName())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"metadata\":{\"annotations\":{\""
                  + Observation.COMPLETE_ANNOTATION
                  + "\":\"true\"}}}");
      return true;
    }

    /** True after the signal was sent. */
    public boolean sent() {
      return sent;
    }

    private static boolean readyToEnd(ExperimentStatus status) {
      return status != null
          && status.getPhase() == Phase.RUNNING
          && status.getWorkflowStatus() != null
          && "Succeeded".equals(status.getWorkflowStatus().getPhase());
    }
  }
}
