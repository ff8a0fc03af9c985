package io.illm.lab.bench.operator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measured, as the one line a child process prints ({@code RESULT k=v k=v ...}) and
 * the parent reads back.
 *
 * @param wallNanos from the first create to the last experiment seen Complete (or Failed)
 * @param reconciles turns taken by then (JOSDK reconciles and cleanups; the baseline's engine
 *     turns)
 * @param p50Nanos median reaction delay (see {@link Reactions})
 * @param p99Nanos 99th percentile reaction delay
 * @param maxNanos longest reaction delay
 * @param reactions how many delays were measured
 * @param unanswered stimuli never followed by a status change
 * @param failed experiments that ended Failed, or did not end in time
 * @param rssKib peak resident set size (VmHWM)
 * @param heapUsedMib heap in use at the end, before a GC
 * @param heapLiveMib heap in use after a full GC at the end (with everything still running)
 * @param requests requests the API server answered by then (0 for the baseline, which has none)
 * @param writeP99Nanos 99th percentile of how long the stimuli's own writes took (-1: none timed)
 * @param serverCpuMillis CPU time (user + system) kube-apiserver and etcd spent from the first
 *     create to the end (-1: no such processes, the embedded hub and the baseline)
 * @param controllerManagerCpuMillis the same for kube-controller-manager (-1: none)
 * @param serverRssKib peak RSS of kube-apiserver plus etcd's (-1: none)
 */
record RunResult(
    long wallNanos,
    long reconciles,
    long p50Nanos,
    long p99Nanos,
    long maxNanos,
    long reactions,
    long unanswered,
    long failed,
    long rssKib,
    long heapUsedMib,
    long heapLiveMib,
    long requests,
    long writeP99Nanos,
    long serverCpuMillis,
    long controllerManagerCpuMillis,
    long serverRssKib) {

  static final String PREFIX = "RESULT ";

  String line() {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("wallNanos", wallNanos);
    values.put("reconciles", reconciles);
    values.put("p50Nanos", p50Nanos);
    values.put("p99Nanos", p99Nanos);
    values.put("maxNanos", maxNanos);
    values.put("reactions", reactions);
    values.put("unanswered", unanswered);
    values.put("failed", failed);
    values.put("rssKib", rssKib);
    values.put("heapUsedMib", heapUsedMib);
    values.put("heapLiveMib", heapLiveMib);
    values.put("requests", requests);
    values.put("writeP99Nanos", writeP99Nanos);
    values.put("serverCpuMillis", serverCpuMillis);
    values.put("controllerManagerCpuMillis", controllerManagerCpuMillis);
    values.put("serverRssKib", serverRssKib);
    StringBuilder out = new StringBuilder(PREFIX);
    values.forEach((k, v) -> out.append(k).append('=').append(v).append(' '));
    return out.toString().trim();
  }

  static RunResult parse(String line) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String field : line.substring(PREFIX.length()).trim().split(" ")) {
      int eq = field.indexOf('=');
      values.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
    }
    return new RunResult(
        values.get("wallNanos"),
        values.get("reconciles"),
        values.get("p50Nanos"),
        values.get("p99Nanos"),
        values.get("maxNanos"),
        values.get("reactions"),
        values.get("unanswered"),
        values.get("failed"),
        values.get("rssKib"),
        values.get("heapUsedMib"),
        values.get("heapLiveMib"),
        values.get("requests"),
        values.get("writeP99Nanos"),
        values.getOrDefault("serverCpuMillis", -1L),
        values.getOrDefault("controllerManagerCpuMillis", -1L),
        values.getOrDefault("serverRssKib", -1L));
  }

  double reconcilesPerSecond() {
    return reconciles / (wallNanos / 1e9);
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "%.2f s, %d reconciles, p50 %.0f ms, p99 %.0f ms, max %.0f ms, %d failed, RSS %d MiB,"
            + " %d requests%s",
        wallNanos / 1e9,
        reconciles,
        p50Nanos / 1e6,
        p99Nanos / 1e6,
        maxNanos / 1e6,
        failed,
        rssKib / 1024,
        requests,
        serverCpuMillis < 0
            ? ""
            : String.format(
                Locale.ROOT,
                ", kube-apiserver + etcd %.1f CPU s (RSS %d MiB), kube-controller-manager %.1f CPU s",
                serverCpuMillis / 1e3,
                serverRssKib / 1024,
                controllerManagerCpuMillis / 1e3));
  }
}
