package io.illm.lab.site;

import io.illm.lab.results.Summary;
import java.nio.file.Path;

/**
 * One summary on the site and where its page lives.
 *
 * @param file the summary.json it was read from
 * @param summary its content
 * @param experiment the experiment's name, as shown
 * @param run the run's name: the summary's folder ({@code
 *     experiments/<experiment>/<run>/summary.json})
 * @param experimentSlug the experiment's folder under {@code experiments/} on the site
 * @param runSlug the run page's file name without {@code .html}
 * @param analyses the analyses written about the run (analysis.json beside its summary)
 */
record SiteRun(
    Path file,
    Summary summary,
    String experiment,
    String run,
    String experimentSlug,
    String runSlug,
    AnalysisSection.Read analyses) {

  /** The run page, relative to the site root. */
  String page() {
    return "experiments/" + experimentSlug + "/" + runSlug + ".html";
  }

  /** The experiment's comparison page, relative to the site root. */
  String comparisonPage() {
    return "experiments/" + experimentSlug + "/index.html";
  }

  /** The verdict's value, or "none" without criteria. */
  String verdict() {
    return summary.verdict() == null || summary.verdict().result() == null
        ? "none"
        : summary.verdict().result().value();
  }
}
