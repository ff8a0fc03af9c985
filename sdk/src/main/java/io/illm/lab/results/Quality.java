package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The quality gate: the share of queries that returned data, and whether the run kept collecting.
 *
 * @param coverage queries with data / queries, 0-1
 * @param minCoverage the share required
 * @param attempt the collection this summary comes from, from 1
 * @param maxAttempts collections allowed
 * @param passed coverage reached minCoverage (and the verdict was not insufficient)
 */
@JsonPropertyOrder({"coverage", "minCoverage", "attempt", "maxAttempts", "passed"})
public record Quality(
    double coverage, double minCoverage, int attempt, int maxAttempts, boolean passed) {}
