package io.illm.lab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark program's own report of its peak resident set size and CPU time, for machines without
 * {@code /usr/bin/time}: when the system property {@value #PROPERTY} is set, the program prints
 * {@code VmHWM=<KiB>} and {@code CPU=<ms>} on exit. Plain Java only: the Jackson baseline uses it
 * too.
 */
final class ExitReport {

  static final String PROPERTY = "illm.bench.report";
  static final String RSS_PREFIX = "VmHWM=";
  static final String CPU_PREFIX = "CPU=";

  private ExitReport() {}

  static void printIfAsked() {
    if (System.getProperty(PROPERTY) == null) {
      return;
    }
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      System.out.println(CPU_PREFIX + os.getProcessCpuTime() / 1_000_000);
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          System.out.println(
              RSS_PREFIX + line.substring("VmHWM:".length()).replace("kB", "").trim());
        }
      }
    } catch (IOException e) {
      System.err.println("peak RSS not available: " + e.getMessage());
    }
  }
}
