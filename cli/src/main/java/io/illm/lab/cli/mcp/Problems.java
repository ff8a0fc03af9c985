package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.Locale;

/**
 * Problems as tools give them: {@code file}, {@code path} (a field of the experiment, or an
 * argument), {@code severity}, {@code message} and {@code fix} (the command line calls it {@code
 * hint}).
 */
final class Problems {

  private Problems() {}

  static ArrayNode json(List<Problem> problems) {
    ArrayNode list = LabYaml.json().createArrayNode();
    for (Problem problem : problems) {
      list.addObject()
          .put("file", problem.file())
          .put("path", problem.path())
          .put("severity", problem.severity().name().toLowerCase(Locale.ROOT))
          .put("message", problem.message())
          .put("fix", problem.hint());
    }
    return list;
  }

  /** The JSON schema of one problem, for output schemas. */
  static java.util.Map<String, Object> itemSchema() {
    return Schema.output()
        .string("file", "the file or input the problem is in")
        .string("path", "the field path, e.g. spec.targets[0].name, or the argument")
        .oneOf("severity", "errors make the input invalid; warnings do not", "error", "warning")
        .string("message", "what is wrong")
        .string("fix", "how to fix it")
        .required("path", "severity", "message", "fix")
        .build();
  }
}
