package io.illm.lab.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Names in messages: quoted, and close-name suggestions for hints ("did you mean hello-app?"). */
final class Names {

  private static final int MAX_LISTED = 12;

  private Names() {}

  /** {@code "name"}. */
  static String quote(String text) {
    return "\"" + text + "\"";
  }

  /** "did you mean x?" when a known name is close, else the known names (at most a dozen). */
  static String suggest(String unknown, Collection<String> known, String what) {
    List<String> close = new ArrayList<>();
    for (String name : known) {
      int limit = Math.max(2, Math.min(name.length(), unknown.length()) / 4);
      if (distance(unknown, name) <= limit
          || name.startsWith(unknown)
          || unknown.startsWith(name)) {
        close.add(name);
      }
    }
    if (!close.isEmpty()) {
      return "did you mean "
          + String.join(" or ", close.subList(0, Math.min(3, close.size())))
          + "?";
    }
    if (known.isEmpty()) {
      return "there are no " + what;
    }
    List<String> listed = new ArrayList<>(known).subList(0, Math.min(MAX_LISTED, known.size()));
    return what + ": " + String.join(", ", listed) + (known.size() > MAX_LISTED ? ", ..." : "");
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
