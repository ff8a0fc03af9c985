package io.illm.lab.synth;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/**
 * One difference between what synth would write and what is on disk.
 *
 * @param path relative to the repository root
 * @param kind missing, changed or stale
 * @param current what is on disk (empty when missing)
 * @param expected what synth writes (empty when stale)
 */
public record Drift(String path, Kind kind, String current, String expected) {

  /** The kind of difference. */
  public enum Kind {
    /** Synth would create the file. */
    MISSING("created"),
    /** Synth would change the file. */
    CHANGED("changed"),
    /** A generated file synth no longer produces; it would be removed. */
    STALE("removed");

    private final String verb;

    Kind(String verb) {
      this.verb = verb;
    }

    /** What synth does about it, in the past tense. */
    public String verb() {
      return verb;
    }
  }

  /** A unified diff from the current to the expected content, 3 lines of context. */
  public String unifiedDiff() {
    List<String> before = current.isEmpty() ? List.of() : current.lines().toList();
    List<String> after = expected.isEmpty() ? List.of() : expected.lines().toList();
    String from = kind == Kind.MISSING ? "/dev/null" : "a/" + path;
    String to = kind == Kind.STALE ? "/dev/null" : "b/" + path;
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff(from, to, before, DiffUtils.diff(before, after), 3);
    return String.join("\n", lines) + "\n";
  }
}
