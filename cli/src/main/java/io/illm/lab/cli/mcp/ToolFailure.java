package io.illm.lab.cli.mcp;

import io.illm.lab.rules.Problem;
import java.util.List;

/**
 * Why a tool call did nothing: bad arguments, something not found, or a refusal by the safety
 * policy. Becomes a tool error (not a protocol error) with every problem, each with its path and
 * fix; the audit log records it as {@code error} or {@code refused}.
 */
final class ToolFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** What kind of failure, as the audit log records it. */
  enum Kind {
    ERROR,
    REFUSED
  }

  private final transient List<Problem> problems;
  private final Kind kind;

  private ToolFailure(Kind kind, List<Problem> problems) {
    super(problems.isEmpty() ? kind.name() : problems.get(0).message());
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  /** The call was wrong or met a problem; nothing was changed. */
  static ToolFailure error(List<Problem> problems) {
    return new ToolFailure(Kind.ERROR, problems);
  }

  /** One problem at {@code path} (an argument, or a field of the experiment). */
  static ToolFailure error(String path, String message, String fix) {
    return error(List.of(Problem.error("", path, message, fix)));
  }

  /** The safety policy refused the call; nothing was changed. */
  static ToolFailure refused(List<Problem> problems) {
    return new ToolFailure(Kind.REFUSED, problems);
  }

  List<Problem> problems() {
    return problems;
  }

  Kind kind() {
    return kind;
  }
}
