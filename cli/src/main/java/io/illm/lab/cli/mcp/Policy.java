package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Budget;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the server lets an assistant do beyond reading and simulating. Safe by default: no submit,
 * no delete. With {@code --allow-submit} an experiment goes to a cluster only into an allowed
 * namespace, and only when its budget and its estimated cost are within {@code --max-budget};
 * {@code --allow-delete} (its own flag) deletes only in allowed namespaces.
 *
 * @param allowSubmit submit is a tool
 * @param allowDelete delete is a tool
 * @param maxBudgetUSD the most an experiment may be allowed to spend, when submitting is allowed
 * @param namespaces the namespaces submit and delete may touch
 */
record Policy(
    boolean allowSubmit,
    boolean allowDelete,
    Optional<Double> maxBudgetUSD,
    Set<String> namespaces) {

  /** Reading and simulating only. */
  static final Policy READ_ONLY = new Policy(false, false, Optional.empty(), Set.of());

  Policy {
    namespaces = Set.copyOf(new TreeSet<>(namespaces));
  }

  /** What is wrong with the flags, each with its fix; empty when they can be used. */
  List<String> usageProblems() {
    List<String> usage = new ArrayList<>();
    if (allowSubmit && maxBudgetUSD.isEmpty()) {
      usage.add(
          "mcp: --allow-submit needs --max-budget USD (the most one experiment may be allowed to spend)");
    }
    maxBudgetUSD
        .filter(b -> !(b >= 0) || b.isInfinite())
        .ifPresent(b -> usage.add("mcp: --max-budget must be a number >= 0, got " + b));
    if ((allowSubmit || allowDelete) && namespaces.isEmpty()) {
      usage.add(
          "mcp: --allow-submit and --allow-delete need at least one --namespace NS (the namespaces they may touch)");
    }
    if (!allowSubmit && maxBudgetUSD.isPresent()) {
      usage.add("mcp: --max-budget goes with --allow-submit");
    }
    return usage;
  }

  /**
   * Why {@code experiment} may not be submitted into {@code namespace}: a namespace outside the
   * allowlist, no budget in the spec, a budget or an estimated cost over the maximum.
   */
  List<Problem> submitRefusals(String label, Experiment experiment, String namespace) {
    List<Problem> refusals = new ArrayList<>(namespaceRefusals(label, namespace));
    double max = maxBudgetUSD.orElse(0.0);
    Budget budget = experiment.getSpec().getBudget();
    if (budget == null || budget.getMaxUSD() == null) {
      refusals.add(
          Problem.error(
              label,
              "spec.budget.maxUSD",
              "the experiment sets no budget; this server submits only experiments whose budget is at most "
                  + usd(max),
              "set spec.budget.maxUSD to at most " + usd(max)));
    } else if (budget.getMaxUSD() > max) {
      refusals.add(
          Problem.error(
              label,
              "spec.budget.maxUSD",
              "the budget "
                  + usd(budget.getMaxUSD())
                  + " is over this server's maximum "
                  + usd(max)
                  + " (--max-budget)",
              "lower spec.budget.maxUSD to at most "
                  + usd(max)
                  + ", or ask the operator of this server"));
    }
    refusals.addAll(estimateRefusals(label, experiment, max));
    return refusals;
  }

  /** Why nothing may be deleted (or created) in {@code namespace}. */
  List<Problem> namespaceRefusals(String label, String namespace) {
    if (namespaces.contains(namespace)) {
      return List.of();
    }
    return List.of(
        Problem.error(
            label,
            "namespace",
            "namespace " + namespace + " is not one this server may touch",
            "use one of: " + String.join(", ", new TreeSet<>(namespaces))));
  }

  private static List<Problem> estimateRefusals(String label, Experiment experiment, double max) {
    CostModel.Estimate estimate = CostModel.standard().estimate(experiment.getSpec());
    if (estimate.estimatedUSD() == null) {
      return List.of(
          Problem.error(
              label,
              "spec.targets",
              "the cost cannot be estimated ("
                  + String.join("; ", estimate.unknown())
                  + "), so it cannot be held to "
                  + usd(max),
              "use machine shapes the price table knows (render_experiment shows the estimate)"));
    }
    if (estimate.estimatedUSD() > max) {
      return List.of(
          Problem.error(
              label,
              "spec.deadlines",
              "the estimated cost "
                  + usd(estimate.estimatedUSD())
                  + " is over this server's maximum "
                  + usd(max),
              "shorten spec.deadlines, use fewer or smaller clusters, or ask the operator of this server"));
    }
    return List.of();
  }

  /** The settings as the audit log's start line records them. */
  ObjectNode json() {
    ObjectNode json = LabYaml.json().createObjectNode();
    json.put("allowSubmit", allowSubmit);
    json.put("allowDelete", allowDelete);
    json.put("maxBudgetUSD", maxBudgetUSD.orElse(null));
    var list = json.putArray("namespaces");
    new TreeSet<>(namespaces).forEach(list::add);
    return json;
  }

  static String usd(double amount) {
    return String.format(Locale.ROOT, "$%.2f", amount);
  }
}
