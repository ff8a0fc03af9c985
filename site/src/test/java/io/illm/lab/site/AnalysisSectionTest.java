package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.results.Analysis;
import io.illm.lab.results.AnalysisJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's recorded analyses on its page: labelled, escaped, and apart from the verdict. */
class AnalysisSectionTest {

  private static final String RUN = "experiments/hello-sim/20261120T100100Z-cccc3333";

  @TempDir Path dir;

  @Test
  void aRunPageShowsItsAnalysesLabelledAsAnAssistantsAndLeavesTheVerdictAlone() throws Exception {
    Path results = SampleSummaries.results(dir);
    Path folder = results.resolve(RUN);
    String before = page(results, "before");
    AnalysisJson.append(
        folder,
        new Analysis(
            "lab-assistant",
            "model-7",
            "2026-12-01T10:00:00Z",
            sha256(folder.resolve("summary.json")),
            "First paragraph <b>bold?</b>\n\nSecond paragraph."));
    String after = page(results, "after");
    assertTrue(after.contains("<h2>Assistant's analysis</h2>"), after);
    assertTrue(after.contains("it does not change the verdict or any number"), after);
    assertTrue(
        after.contains("By <strong>lab-assistant</strong> (model <strong>model-7</strong>)"),
        after);
    assertTrue(
        after.contains("<p>First paragraph &lt;b&gt;bold?&lt;/b&gt;</p>"), "escaped: " + after);
    assertTrue(after.contains("<p>Second paragraph.</p>"), after);
    assertFalse(after.contains("earlier version"), after);
    assertEquals(withoutAnalysis(after), before, "everything else on the page is as it was");
  }

  @Test
  void anAnalysisOfAnEarlierSummarySaysSo() throws Exception {
    Path results = SampleSummaries.results(dir);
    AnalysisJson.append(
        results.resolve(RUN),
        new Analysis("someone", null, "2026-12-01T10:00:00Z", "0".repeat(64), "Old."));
    String page = page(results, "site");
    assertTrue(page.contains("Written from an earlier version of this run's summary"), page);
    assertFalse(page.contains("(model"), "no model given, none shown");
  }

  @Test
  void anUnreadableAnalysisIsAProblemAndThePageIsStillBuilt() throws Exception {
    Path results = SampleSummaries.results(dir);
    Files.writeString(results.resolve(RUN).resolve(AnalysisJson.FILE), "{not json");
    SiteBuilder.Site site = SiteBuilder.build(List.of(results), dir.resolve("site"));
    assertEquals(1, site.problems().size(), site.problems().toString());
    assertTrue(site.problems().get(0).contains("analysis.json"), site.problems().toString());
    assertEquals(4, site.runs());
  }

  private String page(Path results, String out) throws IOException {
    SiteBuilder.Site site = SiteBuilder.build(List.of(results), dir.resolve(out));
    assertEquals(List.of(), site.problems());
    return Files.readString(dir.resolve(out).resolve(RUN + ".html"));
  }

  private static String withoutAnalysis(String page) {
    int start = page.indexOf("<section id=\"analysis\"");
    int end = page.indexOf("</section>\n", start) + "</section>\n".length();
    return page.substring(0, start) + page.substring(end);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
