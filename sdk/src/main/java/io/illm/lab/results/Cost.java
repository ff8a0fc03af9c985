package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the run cost, in US dollars, from a dated price table.
 *
 * @param estimatedUSD the estimate before the run (price table x deadlines)
 * @param actualUSD the cost of the time the clusters lived
 * @param hourlyUSD all clusters together, per hour
 * @param budgetUSD spec.budget.maxUSD, when set
 * @param perTarget actual cost per target name
 * @param priceTable which table (date and source) the numbers come from
 * @param note what the numbers leave out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "estimatedUSD",
  "actualUSD",
  "hourlyUSD",
  "budgetUSD",
  "perTarget",
  "priceTable",
  "note"
})
public record Cost(
    Double estimatedUSD,
    Double actualUSD,
    Double hourlyUSD,
    Double budgetUSD,
    SortedMap<String, Double> perTarget,
    String priceTable,
    String note) {
  public Cost {
    perTarget = perTarget == null ? new TreeMap<>() : new TreeMap<>(perTarget);
  }
}
