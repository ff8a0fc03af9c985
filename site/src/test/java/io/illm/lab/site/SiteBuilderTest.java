package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {

  @TempDir Path dir;

  @Test
  void writesTheIndexARunPageEachAndAComparisonPerExperiment() throws IOException {
    SiteBuilder.Site site =
        SiteBuilder.build(List.of(SampleSummaries.results(dir)), dir.resolve("site"));
    assertEquals(List.of(), site.problems());
    assertEquals(4, site.runs());
    assertEquals(
        List.of(
            ".illm-lab-site",
            "assets/site.css",
            "assets/site.js",
            "assets/vega-embed.min.js",
            "assets/vega-lite.min.js",
            "assets/vega.min.js",
            "experiments/hello-sim/20261120T100100Z-cccc3333.html",
            "experiments/hello-sim/20261122T100100Z-dddd4444.html",
            "experiments/hello-sim/index.html",
            "experiments/latency-vs-memory/20261120T100100Z-aaaa1111.html",
            "experiments/latency-vs-memory/20261121T100100Z-bbbb2222.html",
            "experiments/latency-vs-memory/index.html",
            "index.html"),
        files(dir.resolve("site")));
    String index = Files.readString(site.index());
    assertTrue(index.contains("<option value=\"multi-cloud\">multi-cloud</option>"), index);
    assertTrue(
        index.contains(
            "data-verdict=\"[&quot;invalidated&quot;]\" data-data=\"[&quot;measured&quot;]\""),
        index);
    String failed =
        Files.readString(dir.resolve("site/experiments/hello-sim/20261122T100100Z-dddd4444.html"));
    assertTrue(failed.contains("SIMULATED"), failed);
    assertTrue(failed.contains("No metrics were collected in this run."), failed);
    assertTrue(failed.contains("cluster claim timed out"), failed);
    assertFalse(failed.contains("data-spec"), "no charts without metrics");
    String run =
        Files.readString(
            dir.resolve("site/experiments/latency-vs-memory/20261120T100100Z-aaaa1111.html"));
    assertFalse(run.contains("SIMULATED"), "a measured run has no banner");
    assertTrue(
        run.contains("<td>&#10007; fail</td>"), "outcome as a word and a symbol (✗): " + run);
    assertTrue(run.contains("<script src=\"../../assets/vega.min.js\">"), run);
    assertEquals(2, count(run, "data-spec="), run);
  }

  @Test
  void sameSummariesGiveTheSameBytes() throws IOException {
    Path results = SampleSummaries.results(dir);
    SiteBuilder.build(List.of(results), dir.resolve("a"));
    SiteBuilder.build(List.of(results), dir.resolve("b"));
    List<String> files = files(dir.resolve("a"));
    assertEquals(files, files(dir.resolve("b")));
    for (String file : files) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("a").resolve(file)),
          Files.readAllBytes(dir.resolve("b").resolve(file)),
          file);
    }
  }

  @Test
  void userStringsAreEscapedEverywhere() throws IOException {
    SiteBuilder.build(List.of(SampleSummaries.results(dir)), dir.resolve("site"));
    for (String file : files(dir.resolve("site"))) {
      if (file.endsWith(".html")) {
        String html = Files.readString(dir.resolve("site").resolve(file));
        assertFalse(html.contains("<script>alert"), file);
      }
    }
    String run =
        Files.readString(dir.resolve("site/experiments/hello-sim/20261120T100100Z-cccc3333.html"));
    assertTrue(
        run.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"),
        run);
    assertTrue(
        run.contains("\\u003cscript\\u003ealert('x')\\u003c/script\\u003e \\u0026"),
        "in the spec: " + run);
  }

  @Test
  void aBadSummaryIsNamedWithItsPathAndTheOthersAreBuilt() throws IOException {
    Path results = SampleSummaries.results(dir);
    Path bad = results.resolve("experiments/broken/20261123T000000Z-eeee5555/summary.json");
    Files.createDirectories(bad.getParent());
    Files.writeString(
        bad,
        "{\"schemaVersion\": 1, \"experiment\": {\"name\": \"broken\"}, \"metrics\": [{\"name\": "
            + "\"m\", \"samples\": [{\"values\": [\"high\"]}]}]}");
    Path missing = dir.resolve("nowhere");
    SiteBuilder.Site site = SiteBuilder.build(List.of(results, missing), dir.resolve("site"));
    assertEquals(2, site.problems().size(), site.problems().toString());
    assertTrue(
        site.problems().get(0).startsWith(missing + ": no such file or folder"),
        site.problems().toString());
    assertTrue(
        site.problems().get(1).startsWith(bad + ": metrics[0].samples[0].values[0]: "),
        site.problems().toString());
    assertEquals(4, site.runs());
    assertTrue(Files.exists(dir.resolve("site/experiments/hello-sim/index.html")));
  }

  @Test
  void refusesAFolderItDidNotWriteAndOneHoldingTheResults() throws IOException {
    Path results = SampleSummaries.results(dir);
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    SiteBuilder.Site site = SiteBuilder.build(List.of(results), other);
    assertNull(site.index());
    assertTrue(
        site.problems().get(0).contains("not empty and not a site built by ./lab site"),
        site.problems().toString());
    assertEquals(List.of("notes.txt"), files(other));
    site = SiteBuilder.build(List.of(results), results.resolve("site"));
    assertTrue(site.problems().get(0).contains("overlaps the results"), site.problems().toString());
    Path out = dir.resolve("site");
    SiteBuilder.build(List.of(results), out);
    Files.writeString(out.resolve("stale.html"), "old");
    assertEquals(List.of(), SiteBuilder.build(List.of(results), out).problems());
    assertFalse(Files.exists(out.resolve("stale.html")), "a rebuild empties the site it wrote");
  }

  static List<String> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
