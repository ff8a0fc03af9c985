package io.illm.lab.site;

import java.util.Collection;

/**
 * File and element names made from user strings: safe characters only, unique within their scope.
 */
final class SiteNames {

  private SiteNames() {}

  /**
   * {@code name} with every character outside {@code [A-Za-z0-9._-]} replaced by '-'; never empty
   * or dots only.
   */
  static String slug(String name) {
    String slug = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "-");
    return slug.isEmpty() || slug.chars().allMatch(c -> c == '.')
        ? "_" + slug.replace('.', '_')
        : slug;
  }

  /**
   * {@code base}, or {@code base-2}, {@code base-3}... whichever is not yet in {@code taken}; adds
   * it to taken.
   */
  static String unique(String base, Collection<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + "-" + i;
    }
    taken.add(name);
    return name;
  }
}
