package io.illm.lab.operator.lifecycle;

import io.fabric8.kubernetes.api.model.Condition;
import io.illm.lab.model.CostEstimate;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.TutorialServiceStatus;
import io.illm.lab.model.TutorialStatus;
import io.illm.lab.model.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;

/** Deep copies of the status, so that a decision never touches the status it was given. */
final class StatusCopy {

  private StatusCopy() {}

  static ExperimentStatus of(ExperimentStatus s) {
    if (s == null) {
      return new ExperimentStatus();
    }
    return new ExperimentStatus(
        s.getPhase(),
        s.getMessage(),
        s.getObservedGeneration(),
        s.getSpecHash(),
        s.getStartedAt(),
        s.getPhaseStartedAt(),
        s.getCompletedAt(),
        targets(s.getTargets()),
        workflow(s.getWorkflowStatus()),
        conditions(s.getConditions()),
        s.getResultsURL(),
        s.getHypothesisResult(),
        s.getResourcesCleaned(),
        cost(s.getCost()),
        s.getSimulated(),
        s.getStep(),
        s.getStepStartedAt(),
        s.getRunEndedAt(),
        tutorial(s.getTutorial()));
  }

  private static TutorialStatus tutorial(TutorialStatus t) {
    if (t == null) {
      return null;
    }
    return new TutorialStatus(
        t.getServices() == null
            ? null
            : t.getServices().stream()
                .map(
                    s ->
                        s == null
                            ? null
                            : new TutorialServiceStatus(
                                s.getName(), s.getTarget(), s.getEndpoint(), s.getReady()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)),
        t.getKubeconfigSecrets() == null
            ? null
            : t.getKubeconfigSecrets().stream()
                .map(
                    k ->
                        k == null
                            ? null
                            : new KubeconfigSecret(k.getTarget(), k.getSecret(), k.getNamespace()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
  }

  private static List<TargetStatus> targets(List<TargetStatus> targets) {
    if (targets == null) {
      return null;
    }
    List<TargetStatus> copy = new ArrayList<>();
    for (TargetStatus t : targets) {
      copy.add(
          t == null
              ? null
              : new TargetStatus(
                  t.getName(),
                  t.getPhase(),
                  t.getClusterName(),
                  t.getEndpoint(),
                  t.getMachineType(),
                  t.getNodeCount(),
                  t.getComponents() == null ? null : new ArrayList<>(t.getComponents()),
                  t.getMessage()));
    }
    return copy;
  }

  private static WorkflowStatus workflow(WorkflowStatus w) {
    if (w == null) {
      return null;
    }
    WorkflowStatus copy =
        new WorkflowStatus(
            w.getName(), w.getPhase(), w.getMessage(), w.getStartedAt(), w.getFinishedAt());
    copy.setStep(w.getStep());
    copy.setProgress(w.getProgress());
    return copy;
  }

  private static List<Condition> conditions(List<Condition> conditions) {
    if (conditions == null) {
      return null;
    }
    List<Condition> copy = new ArrayList<>();
    for (Condition c : conditions) {
      if (c != null) {
        Condition d = new Condition();
        d.setType(c.getType());
        d.setStatus(c.getStatus());
        d.setReason(c.getReason());
        d.setMessage(c.getMessage());
        d.setLastTransitionTime(c.getLastTransitionTime());
        d.setObservedGeneration(c.getObservedGeneration());
        copy.add(d);
      }
    }
    return copy;
  }

  private static CostEstimate cost(CostEstimate c) {
    return c == null
        ? null
        : new CostEstimate(
            c.getEstimatedUSD(), c.getActualUSD(), c.getHourlyUSD(), c.getPriceTable());
  }
}
