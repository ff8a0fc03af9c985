package io.illm.lab.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small literal trees for the parts of the hub that no CRD types: Helm values and the bases of
 * composed resources, which the tests check against the providers' schemas instead.
 */
public final class Tree {

  private Tree() {}

  /** A map of alternating keys and values: {@code map("a", 1, "b", map("c", true))}. */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A list of the values. */
  public static List<Object> list(Object... values) {
    return new ArrayList<>(List.of(values));
  }
}
