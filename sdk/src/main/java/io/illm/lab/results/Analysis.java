package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A written analysis of one run, kept beside its {@code summary.json} in {@code analysis.json} (see
 * {@link AnalysisJson}): who wrote it, with which model if an assistant did, when, and of which
 * summary. It is commentary: it never changes the run's verdict or numbers.
 *
 * @param author who wrote it (a person, or the assistant's name)
 * @param model the model that wrote it, when an AI assistant did; may be null
 * @param writtenAt when, as RFC 3339 in UTC
 * @param summarySha256 the SHA-256 (hex) of the summary.json bytes it was written from, so a reader
 *     can tell when the summary has changed since
 * @param text the analysis, plain text; blank lines separate paragraphs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"author", "model", "writtenAt", "summarySha256", "text"})
public record Analysis(
    String author, String model, String writtenAt, String summarySha256, String text) {}
