package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front page: runs grouped under a heading per category of experiment, taken from its tags. */
class IndexPageTest {

  private static final Pattern HEADING =
      Pattern.compile("<h2 id=\"category-([a-z]+)\">([^<]*)</h2>");

  @TempDir Path dir;

  @Test
  void aRunsCategoryIsTheFirstOfTutorialComparisonDemoItsTagsContain() {
    // the fixed order decides, not the order of the tags
    assertEquals("tutorial", IndexPage.category(List.of("comparison", "tutorial", "metrics")));
    assertEquals("comparison", IndexPage.category(List.of("demo", "comparison")));
    assertEquals("demo", IndexPage.category(List.of("demo", "matrix")));
    assertEquals("other", IndexPage.category(List.of("latency", "multi-cloud")));
    assertEquals("other", IndexPage.category(List.of()));
  }

  @Test
  void runsAreGroupedUnderTheirCategorysHeadingInTheFixedOrder() throws IOException {
    String index = index("site");
    List<String> headings = new ArrayList<>();
    Matcher m = HEADING.matcher(index);
    while (m.find()) {
      headings.add(m.group(1) + ": " + m.group(2));
    }
    // hello-sim is tagged demo; latency-vs-memory has no category tag
    assertEquals(List.of("demo: Demos", "other: Other"), headings);
    String demos = section(index, "demo");
    String other = section(index, "other");
    assertEquals(2, count(demos, "<tr data-tags="), demos);
    assertTrue(demos.contains("<caption>Demos: 2 run(s), by experiment and run</caption>"), demos);
    assertFalse(demos.contains("latency-vs-memory"), demos);
    assertEquals(2, count(other, "<tr data-tags="), other);
    assertFalse(other.contains("hello-sim"), other);
    assertTrue(index.contains("<div id=\"runs\">"), "the filters' aria-controls target");
  }

  @Test
  void theSameRunsGiveTheSameIndex() throws IOException {
    assertEquals(index("one"), index("two"));
  }

  private String index(String out) throws IOException {
    Path results = SampleSummaries.results(dir.resolve("results-" + out));
    return Files.readString(SiteBuilder.build(List.of(results), dir.resolve(out)).index());
  }

  private static String section(String index, String category) {
    int start = index.indexOf("<section class=\"category\" aria-labelledby=\"category-" + category);
    assertTrue(start >= 0, "no section " + category + " in\n" + index);
    return index.substring(start, index.indexOf("</section>", start));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
