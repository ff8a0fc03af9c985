package io.illm.lab.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files under {@code assets/} on the site: the chart libraries (copied from npm's packages into
 * the jar by the build, see package-lock.json) and the site's own stylesheet and script.
 */
final class Assets {

  /** Loaded in this order: Vega-Lite needs Vega, vega-embed needs both. */
  static final List<String> CHART_SCRIPTS =
      List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js");

  static final List<String> OWN = List.of("site.css", "site.js");

  private Assets() {}

  /** Copies every asset into {@code <site>/assets}. */
  static void write(Path site) {
    Path folder = site.resolve("assets");
    try {
      Files.createDirectories(folder);
      for (String name : all()) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
          if (in == null) {
            throw new IllegalStateException(
                "asset "
                    + name
                    + " is not in the jar: build the site module with"
                    + " ./mvnw (its build runs npm ci and copies the chart libraries)");
          }
          Files.write(folder.resolve(name), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> all() {
    return java.util.stream.Stream.concat(CHART_SCRIPTS.stream(), OWN.stream()).toList();
  }
}
