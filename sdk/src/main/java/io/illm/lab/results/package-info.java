/**
 * The results of an experiment run as data: {@link io.illm.lab.results.Summary}, the document
 * written as {@code summary.json} next to the raw series, read back by {@code ./lab results} and
 * the results site. The format is described in {@code docs/results.md}; {@link
 * io.illm.lab.results.SummaryJson} is the one place it is written and read.
 */
package io.illm.lab.results;
