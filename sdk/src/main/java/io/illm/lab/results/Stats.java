package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Statistics over a sample of values (one per repetition window).
 *
 * @param n the number of values
 * @param mean the arithmetic mean
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 * @param ciLow lower bound of the Student-t confidence interval of the mean (null when n &lt; 2)
 * @param ciHigh upper bound of that interval (null when n &lt; 2)
 * @param confidence the interval's confidence level, e.g. 0.95
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"n", "mean", "median", "min", "max", "ciLow", "ciHigh", "confidence"})
public record Stats(
    int n,
    double mean,
    double median,
    double min,
    double max,
    Double ciLow,
    Double ciHigh,
    Double confidence) {}
