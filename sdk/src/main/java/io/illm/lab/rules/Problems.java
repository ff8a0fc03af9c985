package io.illm.lab.rules;

/**
 * Problems as the rules make them: without a file, which only the caller knows (a YAML file, a DSL
 * definition, an object on a cluster); it adds one with {@link Problem#inFile}.
 */
final class Problems {

  private Problems() {}

  static Problem error(String path, String message, String hint) {
    return Problem.error("", path, message, hint);
  }

  static Problem warning(String path, String message, String hint) {
    return Problem.warning("", path, message, hint);
  }
}
