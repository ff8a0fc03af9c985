package io.illm.lab.site;

import io.illm.lab.results.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the static results site from summary.json files: {@code index.html} (every run), {@code
 * experiments/<experiment>/<run>.html} (one run), {@code experiments/<experiment>/index.html} (its
 * runs compared) and {@code assets/}. The same summaries give the same bytes. A summary that cannot
 * be read is a problem naming its file and field path; the others are still built.
 */
public final class SiteBuilder {

  /**
   * Marks a folder as one this builder wrote, so that a rebuild may empty it and no other folder.
   */
  static final String MARKER = ".illm-lab-site";

  private SiteBuilder() {}

  /**
   * Reads the summaries under {@code inputs} and writes the site into {@code out}.
   *
   * @param inputs summary.json files or folders searched recursively for them
   * @param out an empty or missing folder, or one this builder wrote before (it is emptied first)
   * @return the site's index and every problem met; no site is written when out is another folder
   */
  public static Site build(List<Path> inputs, Path out) {
    List<String> problems = new ArrayList<>();
    List<SiteRun> runs = readRuns(SummaryFiles.find(inputs, problems), problems);
    if (!prepare(out, inputs, problems)) {
      return new Site(null, 0, problems);
    }
    write(out.resolve("index.html"), IndexPage.html(runs));
    Map<String, List<SiteRun>> byExperiment = new LinkedHashMap<>();
    runs.forEach(
        r -> byExperiment.computeIfAbsent(r.experimentSlug(), e -> new ArrayList<>()).add(r));
    // Pages are independent files, so they are rendered on every core; their bytes do not depend on
    // the order.
    runs.parallelStream().forEach(run -> write(out.resolve(run.page()), RunPage.html(run)));
    byExperiment.values().parallelStream()
        .forEach(
            experimentRuns ->
                write(
                    out.resolve(experimentRuns.get(0).comparisonPage()),
                    ComparisonPage.html(experimentRuns.get(0).experiment(), experimentRuns)));
    Assets.write(out);
    return new Site(out.resolve("index.html"), runs.size(), problems);
  }

  /** The summaries as runs in site order (experiment, run, file), with unique page names. */
  static List<SiteRun> readRuns(List<Path> files, List<String> problems) {
    record Read(
        Path file, Summary summary, String experiment, String run, AnalysisSection.Read analyses) {}
    record Attempt(
        Path file, Summary summary, AnalysisSection.Read analyses, List<String> problems) {}
    // read in parallel; problems are gathered afterwards in file order
    List<Attempt> attempts =
        files.parallelStream()
            .map(
                file -> {
                  List<String> own = new ArrayList<>(1);
                  Summary summary = SummaryFiles.read(file, own);
                  AnalysisSection.Read analyses =
                      summary == null ? AnalysisSection.Read.NONE : AnalysisSection.read(file, own);
                  return new Attempt(file, summary, analyses, own);
                })
            .toList();
    List<Read> read = new ArrayList<>();
    for (Attempt attempt : attempts) {
      problems.addAll(attempt.problems());
      Summary summary = attempt.summary();
      if (summary != null) {
        String name = summary.experiment().name();
        read.add(
            new Read(
                attempt.file(),
                summary,
                name == null || name.isBlank() ? "(unnamed)" : name,
                SummaryFiles.runName(attempt.file()),
                attempt.analyses()));
      }
    }
    read.sort(
        Comparator.comparing(Read::experiment).thenComparing(Read::run).thenComparing(Read::file));
    Map<String, String> experimentSlugs = new HashMap<>();
    List<String> takenExperiments = new ArrayList<>();
    Map<String, List<String>> takenRuns = new HashMap<>();
    List<SiteRun> runs = new ArrayList<>();
    for (Read r : read) {
      String experimentSlug =
          experimentSlugs.computeIfAbsent(
              r.experiment(), e -> SiteNames.unique(SiteNames.slug(e), takenExperiments));
      // "index" is the experiment's comparison page
      List<String> taken =
          takenRuns.computeIfAbsent(experimentSlug, e -> new ArrayList<>(List.of("index")));
      String runSlug = SiteNames.unique(SiteNames.slug(r.run()), taken);
      runs.add(
          new SiteRun(
              r.file(),
              r.summary(),
              r.experiment(),
              r.run(),
              experimentSlug,
              runSlug,
              r.analyses()));
    }
    return runs;
  }

  /** Makes {@code out} an empty site folder, or says why it may not be used. */
  private static boolean prepare(Path out, List<Path> inputs, List<String> problems) {
    Path site = out.toAbsolutePath().normalize();
    for (Path input : inputs) {
      Path in = input.toAbsolutePath().normalize();
      if (in.startsWith(site) || site.startsWith(in) && Files.isDirectory(in)) {
        problems.add(
            out
                + ": overlaps the results "
                + input
                + " (a rebuild empties --out; choose a folder"
                + " outside the results; nothing was written)");
        return false;
      }
    }
    try {
      if (Files.isDirectory(out)) {
        boolean empty;
        try (Stream<Path> entries = Files.list(out)) {
          empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(out.resolve(MARKER))) {
          problems.add(
              out
                  + ": not empty and not a site built by ./lab site (choose an empty or new folder;"
                  + " nothing was written)");
          return false;
        }
        deleteContents(out);
      } else if (Files.exists(out)) {
        problems.add(out + ": is a file (--out takes a folder; nothing was written)");
        return false;
      }
      Files.createDirectories(out);
      Files.write(
          out.resolve(MARKER),
          "built by ./lab site; the next build empties this folder\n"
              .getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteContents(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(folder)) {
          Files.delete(path);
        }
      }
    }
  }

  private static void write(Path file, String html) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a build produced.
   *
   * @param index the site's index.html, or null when nothing was written
   * @param runs how many runs the site shows
   * @param problems every problem, as {@code file: path: message} lines
   */
  public record Site(Path index, int runs, List<String> problems) {
    public Site {
      problems = List.copyOf(problems);
    }
  }
}
