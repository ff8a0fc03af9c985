package io.illm.lab.rules;

/** Builds field paths in the {@code spec.targets[1].depends[0]} style problems use. */
public final class FieldPath {

  private FieldPath() {}

  /** {@code parent.key}, or {@code parent['a.b']} when the key is not a plain identifier. */
  public static String key(String parent, String key) {
    if (plain(key)) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * Whether {@code key} is {@code [A-Za-z_][A-Za-z0-9_-]*}, by hand: every rule builds the paths of
   * the fields it visits, and a regular expression there was the rules' largest cost in the synth
   * benchmark (benchmarks/README.md).
   */
  static boolean plain(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
      boolean rest = c >= '0' && c <= '9' || c == '-';
      if (!(letter || i > 0 && rest)) {
        return false;
      }
    }
    return true;
  }

  /** {@code parent[index]}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
