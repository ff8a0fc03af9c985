package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.illm.lab.model.HypothesisResult;
import java.util.List;

/**
 * The verdict on the hypothesis: validated when every criterion passed, invalidated when one
 * failed, insufficient when a criterion had no data (and none failed). Null result: the experiment
 * has no criteria.
 *
 * @param result the verdict, or null without criteria
 * @param criteria one entry per success criterion, in spec order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"result", "criteria"})
public record Verdict(HypothesisResult result, List<Criterion> criteria) {

  public Verdict {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
  }

  /**
   * One success criterion judged.
   *
   * @param metric the metric it reads
   * @param target the target it reads (null: every target / the experiment-wide value)
   * @param operator lt, lte, gt, gte, eq
   * @param threshold the value it is compared with
   * @param value the value judged (the mean over repetitions), null when missing
   * @param outcome pass, fail or missing
   * @param reason why, in one sentence (e.g. "no data", "query failed: ...", "420 MiB < 512 MiB")
   * @param description the criterion's own description
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "metric",
    "target",
    "operator",
    "threshold",
    "value",
    "outcome",
    "reason",
    "description"
  })
  public record Criterion(
      String metric,
      String target,
      String operator,
      double threshold,
      Double value,
      Outcome outcome,
      String reason,
      String description) {}

  /** How a criterion came out. */
  public enum Outcome {
    @JsonProperty("pass")
    PASS,
    @JsonProperty("fail")
    FAIL,
    @JsonProperty("missing")
    MISSING
  }
}
