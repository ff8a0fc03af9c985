package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.illm.lab.model.HypothesisResult;
import java.util.List;

/**
 * The verdict on the hypothesis: validated when every criterion passed, invalidated when one
 * failed, insufficient when a criterion had no data or its data did not decide (and none failed).
 * Null result: the experiment has no criteria.
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
   * @param kind threshold (the mean against a number) or comparative (one target against another);
   *     null in summaries written before comparative criteria, which are all thresholds
   * @param metric the metric it reads
   * @param target the target it reads (null: every target / the experiment-wide value); of a
   *     comparative criterion, the target compared
   * @param than of a comparative criterion, the target it is compared with
   * @param factor of a comparative criterion, k in "target OPERATOR k x than" (1 when unsaid)
   * @param operator lt, lte, gt, gte, eq
   * @param threshold the number it is compared with (null for a comparative criterion)
   * @param value the value judged: the mean over repetitions, or for a comparative criterion the
   *     difference mean(target) - k x mean(than); null when missing
   * @param ciLow lower bound of the Welch interval of that difference (comparative only)
   * @param ciHigh upper bound of that interval
   * @param confidence the interval's level
   * @param outcome pass, fail, missing or insufficient
   * @param reason why, in one sentence (e.g. "no data", "query failed: ...", "420 MiB < 512 MiB")
   * @param description the criterion's own description
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "kind",
    "metric",
    "target",
    "than",
    "factor",
    "operator",
    "threshold",
    "value",
    "ciLow",
    "ciHigh",
    "confidence",
    "outcome",
    "reason",
    "description"
  })
  public record Criterion(
      Kind kind,
      String metric,
      String target,
      String than,
      Double factor,
      String operator,
      Double threshold,
      Double value,
      Double ciLow,
      Double ciHigh,
      Double confidence,
      Outcome outcome,
      String reason,
      String description) {

    /** A threshold criterion judged. */
    public Criterion(
        String metric,
        String target,
        String operator,
        double threshold,
        Double value,
        Outcome outcome,
        String reason,
        String description) {
      this(
          Kind.THRESHOLD,
          metric,
          target,
          null,
          null,
          operator,
          threshold,
          value,
          null,
          null,
          null,
          outcome,
          reason,
          description);
    }

    /** True for a criterion between two targets. */
    @JsonIgnore
    public boolean isComparative() {
      return kind == Kind.COMPARATIVE;
    }
  }

  /** What a criterion compares. */
  public enum Kind {
    /** A target's (or the experiment's) mean against a number. */
    @JsonProperty("threshold")
    THRESHOLD,
    /** One target's mean against another's, or a multiple of it, on an interval. */
    @JsonProperty("comparative")
    COMPARATIVE
  }

  /** How a criterion came out. */
  public enum Outcome {
    @JsonProperty("pass")
    PASS,
    @JsonProperty("fail")
    FAIL,
    @JsonProperty("missing")
    MISSING,
    /** The data are there and do not decide: the interval straddles the boundary, or n < 2. */
    @JsonProperty("insufficient")
    INSUFFICIENT
  }
}
