package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.Budget;
import io.illm.lab.model.CostEstimate;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Observation.Cost;
import java.util.Locale;

/**
 * spec.budget: a run whose estimate exceeds the budget never starts creating; a run whose cost so
 * far reaches it is stopped. Unknown costs stop nothing.
 */
final class BudgetCheck {

  private BudgetCheck() {}

  /** Copies the observed cost into status.cost (every phase: retention costs money too). */
  static void record(Turn t) {
    Cost cost = t.world.cost();
    if (cost.estimatedUSD() == null && cost.spentUSD() == null && cost.hourlyUSD() == null) {
      return;
    }
    CostEstimate recorded = t.status.getCost() == null ? new CostEstimate() : t.status.getCost();
    if (cost.estimatedUSD() != null) {
      recorded.setEstimatedUSD(cost.estimatedUSD());
    }
    if (cost.spentUSD() != null) {
      recorded.setActualUSD(cost.spentUSD());
    }
    if (cost.hourlyUSD() != null) {
      recorded.setHourlyUSD(cost.hourlyUSD());
      recorded.setPriceTable(cost.priceTable());
    }
    t.status.setCost(recorded);
  }

  /** True when the budget stopped the run (it is now Failed). */
  static boolean exceeded(Turn t) {
    Budget budget = t.spec.getBudget();
    if (budget == null || budget.getMaxUSD() == null) {
      return false;
    }
    double max = budget.getMaxUSD();
    Cost cost = t.world.cost();
    if (t.phase() == Phase.PENDING && cost.estimatedUSD() != null && cost.estimatedUSD() > max) {
      t.fail(
          Reasons.BUDGET_EXCEEDED,
          "the estimated cost "
              + usd(cost.estimatedUSD())
              + " exceeds spec.budget.maxUSD "
              + usd(max)
              + " (raise the budget, or use fewer or smaller clusters or shorter deadlines)");
      return true;
    }
    if (cost.spentUSD() != null && cost.spentUSD() >= max) {
      t.fail(
          Reasons.BUDGET_EXCEEDED,
          "the run has cost " + usd(cost.spentUSD()) + ", reaching spec.budget.maxUSD " + usd(max));
      return true;
    }
    return false;
  }

  private static String usd(double amount) {
    return String.format(Locale.ROOT, "$%.2f", amount);
  }
}
