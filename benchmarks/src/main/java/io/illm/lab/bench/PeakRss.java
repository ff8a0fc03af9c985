package io.illm.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child's own report of its peak resident set size, for machines without {@code
 * /usr/bin/time}: when the system property {@value #PROPERTY} is set, the program prints one line
 * {@code VmHWM=<kB>} on exit. Plain Java only: the Jackson baseline uses it too.
 */
final class PeakRss {

  static final String PROPERTY = "illm.bench.rss";
  static final String PREFIX = "VmHWM=";

  private PeakRss() {}

  static void reportIfAsked() {
    if (System.getProperty(PROPERTY) == null) {
      return;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          System.out.println(PREFIX + line.substring("VmHWM:".length()).replace("kB", "").trim());
        }
      }
    } catch (IOException e) {
      System.err.println("peak RSS not available: " + e.getMessage());
    }
  }
}
