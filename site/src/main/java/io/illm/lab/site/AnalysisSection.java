package io.illm.lab.site;

import io.illm.lab.results.Analysis;
import io.illm.lab.results.AnalysisJson;
import io.illm.lab.results.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The analyses written about a run ({@code analysis.json} beside its summary), shown on its page in
 * a section of their own, labelled as an assistant's analysis: commentary that changes neither the
 * verdict nor a number of the page. An analysis written from an earlier summary says so.
 */
final class AnalysisSection {

  /**
   * A run's analyses and the hash of its summary as it is now.
   *
   * @param analyses oldest first
   * @param summarySha256 the SHA-256 (hex) of the summary file's bytes
   */
  record Read(List<Analysis> analyses, String summarySha256) {
    static final Read NONE = new Read(List.of(), "");
  }

  private AnalysisSection() {}

  /** The analyses beside {@code summaryFile}; a problem (and none) when they cannot be read. */
  static Read read(Path summaryFile, List<String> problems) {
    Path folder = summaryFile.toAbsolutePath().getParent();
    try {
      List<Analysis> analyses = AnalysisJson.read(folder);
      return analyses.isEmpty()
          ? Read.NONE
          : new Read(analyses, sha256(Files.readAllBytes(summaryFile)));
    } catch (SummaryJson.SummaryFormatException e) {
      problems.add(e.getMessage());
    } catch (IOException e) {
      problems.add(summaryFile + ": cannot read: " + e.getMessage());
    }
    return Read.NONE;
  }

  static String html(Read read) {
    if (read.analyses().isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder(
            "<section id=\"analysis\" class=\"analysis\">\n<h2>Assistant's analysis</h2>\n"
                + "<p class=\"note\" role=\"note\">Written after the run by an AI assistant (or a person)"
                + " through ./lab mcp. It is commentary: it does not change the verdict or any number on"
                + " this page.</p>\n");
    for (Analysis analysis : read.analyses()) {
      out.append("<article class=\"analysis-entry\">\n<p class=\"byline\">By <strong>")
          .append(Html.text(analysis.author()))
          .append("</strong>");
      if (analysis.model() != null && !analysis.model().isBlank()) {
        out.append(" (model <strong>").append(Html.text(analysis.model())).append("</strong>)");
      }
      out.append(", ").append(Html.text(analysis.writtenAt()));
      if (!read.summarySha256().equals(analysis.summarySha256())) {
        out.append(". <strong>Written from an earlier version of this run's summary.</strong>");
      }
      out.append("</p>\n");
      for (String paragraph : analysis.text().strip().split("\\R\\s*\\R")) {
        out.append("<p>").append(Html.text(paragraph.strip())).append("</p>\n");
      }
      out.append("</article>\n");
    }
    return out.append("</section>\n").toString();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }
}
