package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Two targets compared on one per-target metric.
 *
 * @param metric the metric's name
 * @param a the first target (by name order)
 * @param b the second target
 * @param difference mean of a minus mean of b
 * @param ciLow lower bound of the Welch confidence interval of the difference (null: too few
 *     values)
 * @param ciHigh upper bound of that interval
 * @param confidence the interval's level
 * @param conclusion what may be said
 * @param better the better target when the conclusion names one, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "metric",
  "a",
  "b",
  "difference",
  "ciLow",
  "ciHigh",
  "confidence",
  "conclusion",
  "better"
})
public record Comparison(
    String metric,
    String a,
    String b,
    Double difference,
    Double ciLow,
    Double ciHigh,
    Double confidence,
    Conclusion conclusion,
    String better) {

  /** What a comparison allows one to say. */
  public enum Conclusion {
    /** The interval excludes zero: one target is better. */
    @JsonProperty("significant")
    SIGNIFICANT,
    /** The interval contains zero. */
    @JsonProperty("no-significant-difference")
    NO_SIGNIFICANT_DIFFERENCE,
    /** Too few values on either side to compute an interval. */
    @JsonProperty("insufficient")
    INSUFFICIENT
  }
}
