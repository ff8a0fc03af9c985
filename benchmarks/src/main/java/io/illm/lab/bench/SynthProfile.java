package io.illm.lab.bench;

import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Crds;
import io.illm.lab.synth.Synth;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * Where the synth's time goes: runs the steps of {@code lab synth} ({@link SynthMain}) on the
 * workload once in this JVM, calling {@link Synth} as the command does, and prints, per step, wall
 * time, CPU time of the main thread (steadier than wall time on a busy machine; JIT and GC threads
 * not included), classes loaded and GC time. The first row is the JVM's own start-up until {@code
 * main}. Rows marked (extra) call a part of the next step on its own, so the next step's row shows
 * the rest of it. For finding what to make faster; the benchmark's numbers come from {@link
 * SynthBenchmark}.
 *
 * <p>Usage: {@code SynthProfile N [output-dir]}.
 */
public final class SynthProfile {

  private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long lastNanos = System.nanoTime();
  private long lastCpuNanos = threads.getCurrentThreadCpuTime();
  private long lastClasses = classes.getTotalLoadedClassCount();
  private long lastGcMillis = gcMillis();

  private SynthProfile() {}

  public static void main(String[] args) {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    SynthProfile profile = new SynthProfile();
    RunArguments arguments = RunArguments.parse(args, "SynthProfile", "synth-out");
    System.out.println("| step | wall | CPU of main | classes loaded | GC |");
    System.out.println("|---|--:|--:|--:|--:|");
    System.out.printf(
        Locale.ROOT,
        "| JVM start-up until main | %d ms | %d ms | %d | %d ms |%n",
        uptime,
        profile.lastCpuNanos / 1_000_000,
        profile.lastClasses,
        profile.lastGcMillis);

    List<Component> components = SynthWorkload.components();
    List<Experiment> experiments = SynthWorkload.experiments(arguments.count());
    profile.step("build " + arguments.count() + " experiments with the DSL (validates each)");
    List<Problem> problems = Synth.validate(components, experiments);
    profile.step("Synth.validate (" + problems.size() + " problems)");
    Crds.files();
    profile.step("(extra) Crds.files alone, which render repeats");
    SortedMap<String, String> files =
        Synth.render(SynthWorkload.class.getName(), components, experiments);
    profile.step("Synth.render (YAML of " + files.size() + " files, CRDs included)");
    Synth.drift(arguments.out(), files);
    profile.step("(extra) Synth.drift alone, which write repeats");
    Synth.write(arguments.out(), files);
    profile.step("Synth.write (drift check and file I/O)");
    System.out.printf(
        Locale.ROOT,
        "| total in the JVM | %d ms | %d ms | %d | %d ms |%n",
        ManagementFactory.getRuntimeMXBean().getUptime(),
        profile.threads.getCurrentThreadCpuTime() / 1_000_000,
        profile.classes.getTotalLoadedClassCount(),
        gcMillis());
  }

  private void step(String name) {
    long now = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    long loaded = classes.getTotalLoadedClassCount();
    long gc = gcMillis();
    System.out.printf(
        Locale.ROOT,
        "| %s | %d ms | %d ms | %d | %d ms |%n",
        name,
        (now - lastNanos) / 1_000_000,
        (cpu - lastCpuNanos) / 1_000_000,
        loaded - lastClasses,
        gc - lastGcMillis);
    lastNanos = now;
    lastCpuNanos = cpu;
    lastClasses = loaded;
    lastGcMillis = gc;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }
}
