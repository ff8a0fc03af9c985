package io.illm.lab.rules;

import java.util.regex.Pattern;

/** Builds field paths in the {@code spec.targets[1].depends[0]} style problems use. */
public final class FieldPath {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private FieldPath() {}

  /** {@code parent.key}, or {@code parent['a.b']} when the key is not a plain identifier. */
  public static String key(String parent, String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** {@code parent[index]}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
