package io.illm.lab.importer;

/** Field paths as problems print them: {@code spec.targets[1].cluster}, no leading {@code $.}. */
final class FieldPath {

  private FieldPath() {}

  /** The path of a field of the object at {@code parent}. */
  static String of(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  /** The path of an element of the list at {@code parent}. */
  static String at(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
