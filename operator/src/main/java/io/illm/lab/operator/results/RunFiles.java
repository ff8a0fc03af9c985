package io.illm.lab.operator.results;

import io.illm.lab.results.SummaryJson;
import java.util.Arrays;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A run as bytes, ready for a store: {@code summary.json} exactly as {@link SummaryJson} writes it,
 * and the raw files. What a store writes and what the hub fallback keeps, byte for byte.
 *
 * @param key where the run goes
 * @param summary the bytes of summary.json
 * @param raw raw files by name relative to {@code raw/}, sorted
 */
public record RunFiles(RunKey key, byte[] summary, SortedMap<String, byte[]> raw) {

  private static final Pattern RAW_NAME =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

  public RunFiles {
    Objects.requireNonNull(key, "key");
    summary = Arrays.copyOf(summary, summary.length);
    raw = raw == null ? new TreeMap<>() : new TreeMap<>(raw);
    for (String name : raw.keySet()) {
      if (!RAW_NAME.matcher(name).matches() || name.contains("..")) {
        throw new IllegalArgumentException(
            "raw file \""
                + name
                + "\": not a relative path of plain names"
                + " (use <metric>/<target>.json)");
      }
    }
    raw.replaceAll((name, bytes) -> Arrays.copyOf(bytes, bytes.length));
  }

  /** The run's files: its key from the summary, the summary written by {@link SummaryJson}. */
  public static RunFiles of(SummarySource.Run run) {
    return new RunFiles(RunKey.of(run.summary()), SummaryJson.write(run.summary()), run.raw());
  }

  @Override
  public byte[] summary() {
    return Arrays.copyOf(summary, summary.length);
  }

  /** Total bytes of all files. */
  public long size() {
    return summary.length + raw.values().stream().mapToLong(b -> b.length).sum();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RunFiles other)
        || !key.equals(other.key)
        || !Arrays.equals(summary, other.summary)
        || !raw.keySet().equals(other.raw.keySet())) {
      return false;
    }
    return raw.keySet().stream()
        .allMatch(name -> Arrays.equals(raw.get(name), other.raw.get(name)));
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(summary), raw.keySet());
  }

  @Override
  public String toString() {
    return "RunFiles["
        + key
        + ", summary "
        + summary.length
        + " bytes, "
        + raw.size()
        + " raw files]";
  }
}
