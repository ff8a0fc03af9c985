package io.illm.lab.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A running container's resource counters, read from its cgroup (v1, as on the lab's machines, or
 * v2): peak and current memory, OOM kills, CPU periods throttled. For the operator's footprint
 * measurement within its Deployment's limits (docs/install.md "Memory and CPU").
 *
 * @param peakBytes the most memory the container used ({@code memory.max_usage_in_bytes}, v2 {@code
 *     memory.peak})
 * @param currentBytes memory in use now, page cache included
 * @param anonBytes anonymous memory (heap, metaspace, stacks, malloc): what cannot be reclaimed
 * @param limitBytes the memory limit
 * @param oomKills processes the kernel killed for memory in this cgroup
 * @param periods CFS periods with runnable threads
 * @param throttledPeriods periods in which the quota ran out
 * @param throttledNanos time spent throttled
 * @param threads the container's threads now (its cgroup's {@code tasks}, v2 {@code
 *     cgroup.threads})
 */
public record ContainerStats(
    long peakBytes,
    long currentBytes,
    long anonBytes,
    long limitBytes,
    long oomKills,
    long periods,
    long throttledPeriods,
    long throttledNanos,
    long threads) {

  static final Path CGROUP = Path.of("/sys/fs/cgroup");

  /** The counters of the cgroup at {@code path} (podman inspect's {@code .State.CgroupPath}). */
  public static ContainerStats of(String path) throws IOException {
    String rel = path.startsWith("/") ? path.substring(1) : path;
    Path v1 = CGROUP.resolve("memory").resolve(rel);
    if (Files.isDirectory(v1)) {
      Path cpu = CGROUP.resolve("cpu").resolve(rel);
      Map<String, Long> mem = keyed(v1.resolve("memory.stat"));
      Map<String, Long> oom = keyed(v1.resolve("memory.oom_control"));
      Map<String, Long> cpuStat = keyed(cpu.resolve("cpu.stat"));
      return new ContainerStats(
          number(v1.resolve("memory.max_usage_in_bytes")),
          number(v1.resolve("memory.usage_in_bytes")),
          mem.getOrDefault("rss", 0L),
          number(v1.resolve("memory.limit_in_bytes")),
          oom.getOrDefault("oom_kill", 0L),
          cpuStat.getOrDefault("nr_periods", 0L),
          cpuStat.getOrDefault("nr_throttled", 0L),
          cpuStat.getOrDefault("throttled_time", 0L),
          lines(v1.resolve("tasks")));
    }
    Path v2 = CGROUP.resolve(rel);
    Map<String, Long> mem = keyed(v2.resolve("memory.stat"));
    Map<String, Long> events = keyed(v2.resolve("memory.events"));
    Map<String, Long> cpuStat = keyed(v2.resolve("cpu.stat"));
    String max = Files.readString(v2.resolve("memory.max")).strip();
    return new ContainerStats(
        Files.exists(v2.resolve("memory.peak")) ? number(v2.resolve("memory.peak")) : -1,
        number(v2.resolve("memory.current")),
        mem.getOrDefault("anon", 0L),
        max.equals("max") ? Long.MAX_VALUE : Long.parseLong(max),
        events.getOrDefault("oom_kill", 0L),
        cpuStat.getOrDefault("nr_periods", 0L),
        cpuStat.getOrDefault("nr_throttled", 0L),
        cpuStat.getOrDefault("throttled_usec", 0L) * 1000,
        lines(v2.resolve("cgroup.threads")));
  }

  /** The share of CPU periods in which the container was throttled. */
  public double throttledShare() {
    return periods == 0 ? 0 : (double) throttledPeriods / periods;
  }

  private static long lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file).size() : -1;
  }

  private static long number(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).strip());
  }

  private static Map<String, Long> keyed(Path file) throws IOException {
    Map<String, Long> values = new HashMap<>();
    if (!Files.exists(file)) {
      return values;
    }
    for (String line : Files.readAllLines(file)) {
      String[] kv = line.trim().split("\\s+");
      if (kv.length == 2 && kv[1].matches("\\d+")) {
        values.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    return values;
  }
}
