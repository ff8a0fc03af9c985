package io.illm.lab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.Locale;

/**
 * Problems in the JSON every command's {@code --output json} gives them in: {@code file}, {@code
 * path}, {@code severity} ({@code error} or {@code warning}), {@code message}, {@code hint}.
 */
public final class ProblemsJson {

  private ProblemsJson() {}

  /** Puts {@code problems} under {@code "problems"} of {@code root}. */
  public static void put(ObjectNode root, List<Problem> problems) {
    ArrayNode list = root.putArray("problems");
    for (Problem problem : problems) {
      list.addObject()
          .put("file", problem.file())
          .put("path", problem.path())
          .put("severity", problem.severity().name().toLowerCase(Locale.ROOT))
          .put("message", problem.message())
          .put("hint", problem.hint());
    }
  }
}
