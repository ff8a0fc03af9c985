package io.illm.lab.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for a name that names nothing: the known names a few edits away. */
public final class Suggestions {

  private static final int MAX = 3;

  private Suggestions() {}

  /**
   * The known names closest to {@code name}, closest first (then alphabetically), at most three,
   * each at most a third of its length (and at least two edits) away.
   */
  public static List<String> closest(String name, Collection<String> known) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, wanted.length() / 3);
    LevenshteinDistance distance = new LevenshteinDistance(limit);
    record Scored(String name, int distance) {}
    return known.stream()
        .distinct()
        .map(k -> new Scored(k, distance.apply(wanted, k.toLowerCase(Locale.ROOT))))
        .filter(s -> s.distance() >= 0)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(MAX)
        .map(Scored::name)
        .toList();
  }

  /**
   * {@code no <what> <name>; did you mean a or b?}, or {@code no <what> <name> (known: ...)} when
   * nothing is close, or {@code no <what> <name> (there are none)}.
   */
  public static String noSuch(String what, String name, Collection<String> known) {
    List<String> close = closest(name, known);
    if (!close.isEmpty()) {
      return "no " + what + " " + name + "; did you mean " + String.join(" or ", close) + "?";
    }
    return "no "
        + what
        + " "
        + name
        + (known.isEmpty()
            ? " (there are none)"
            : " (known: " + String.join(", ", known.stream().distinct().sorted().toList()) + ")");
  }
}
