package io.illm.lab.bench;

import io.illm.lab.site.SiteBuilder;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code SiteMain RESULTS OUT}: builds the results site as {@code ./lab site RESULTS --out OUT}
 * does.
 */
public final class SiteMain {

  private SiteMain() {}

  public static void main(String[] args) {
    SiteBuilder.Site site = SiteBuilder.build(List.of(Path.of(args[0])), Path.of(args[1]));
    site.problems().forEach(System.err::println);
    ExitReport.printIfAsked();
    System.exit(site.problems().isEmpty() ? 0 : 2);
  }
}
