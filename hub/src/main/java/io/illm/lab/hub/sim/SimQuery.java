package io.illm.lab.hub.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of PromQL the simulated Prometheus evaluates, parsed: selectors with their matchers,
 * {@code rate}/{@code irate}/{@code increase} of a range, {@code max|min|avg|last_over_time} of a
 * range or subquery, {@code sum|avg|max|min|count} with {@code by}/{@code without}, parentheses,
 * and arithmetic with a number. Anything else is refused ({@link Unsupported}), and the simulated
 * Prometheus answers such a query with a plain simulated level.
 */
final class SimQuery {

  private static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "max", "min", "count");
  private static final Set<String> RATES = Set.of("rate", "irate", "increase");
  private static final Set<String> OVER_TIME =
      Set.of("max_over_time", "min_over_time", "avg_over_time", "last_over_time");
  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|y)");

  /** A parsed expression. */
  sealed interface Expr {}

  /** A label matcher: {@code name op "value"}, op one of =, !=, =~, !~. */
  record Matcher(String name, String op, String value, Pattern regex) {
    boolean matches(String actual) {
      String v = actual == null ? "" : actual;
      return switch (op) {
        case "=" -> v.equals(value);
        case "!=" -> !v.equals(value);
        case "=~" -> regex.matcher(v).matches();
        default -> !regex.matcher(v).matches();
      };
    }
  }

  /** {@code metric{matchers}}; the metric may be empty (a {@code __name__} matcher or none). */
  record Selector(String metric, List<Matcher> matchers) implements Expr {}

  /** {@code expr[range]} or {@code expr[range:step]}, only as the argument of a function. */
  record Range(Expr inner, double seconds, boolean subquery) implements Expr {}

  /** {@code rate(...)}, {@code max_over_time(...)} and the like, of a {@link Range}. */
  record Call(String function, Range argument) implements Expr {}

  /** {@code sum by (pod) (...)}: {@code labels} kept (by) or dropped (without). */
  record Aggregate(String op, List<String> labels, boolean without, Expr inner) implements Expr {}

  /** {@code expr op number} or {@code number op expr}. */
  record Arithmetic(Expr inner, char op, double number, boolean numberFirst) implements Expr {}

  /** A number alone. */
  record Constant(double value) implements Expr {}

  /** The query uses PromQL this simulation does not evaluate. */
  static final class Unsupported extends Exception {
    Unsupported(String message) {
      super(message);
    }
  }

  private final String text;
  private int at;

  private SimQuery(String text) {
    this.text = text;
  }

  /** The expression of {@code query}. */
  static Expr parse(String query) throws Unsupported {
    SimQuery parser = new SimQuery(query);
    Expr expr = parser.expression();
    parser.space();
    if (parser.at < query.length()) {
      throw parser.unsupported("unexpected text");
    }
    return expr;
  }

  private Expr expression() throws Unsupported {
    Expr left = term();
    while (true) {
      space();
      if (at >= text.length() || "*/+-".indexOf(text.charAt(at)) < 0) {
        return left;
      }
      char op = text.charAt(at++);
      Expr right = term();
      if (right instanceof Constant c) {
        left = new Arithmetic(left, op, c.value(), false);
      } else if (left instanceof Constant c) {
        left = new Arithmetic(right, op, c.value(), true);
      } else {
        throw unsupported("arithmetic between two vectors");
      }
    }
  }

  private Expr term() throws Unsupported {
    space();
    Expr term;
    if (peek('(')) {
      at++;
      term = expression();
      expect(')');
    } else if (at < text.length() && (Character.isDigit(text.charAt(at)) || peek('.'))) {
      term = new Constant(number());
    } else {
      term = named();
    }
    space();
    return peek('[') ? range(term) : term;
  }

  private Expr named() throws Unsupported {
    if (peek('{')) {
      return new Selector("", matchers());
    }
    String name = identifier();
    space();
    if (AGGREGATIONS.contains(name)
        && (peek('(') || startsWithWord("by") || startsWithWord("without"))) {
      return aggregate(name);
    }
    if (peek('(')) {
      return call(name);
    }
    return new Selector(name, peek('{') ? matchers() : List.of());
  }

  private Expr aggregate(String op) throws Unsupported {
    Grouping grouping = grouping();
    expect('(');
    Expr inner = expression();
    expect(')');
    space();
    if (grouping == null) {
      grouping = grouping();
    }
    return grouping == null
        ? new Aggregate(op, List.of(), false, inner)
        : new Aggregate(op, grouping.labels(), grouping.without(), inner);
  }

  private record Grouping(List<String> labels, boolean without) {}

  private Grouping grouping() throws Unsupported {
    space();
    boolean without = startsWithWord("without");
    if (!without && !startsWithWord("by")) {
      return null;
    }
    identifier();
    expect('(');
    List<String> labels = new ArrayList<>();
    space();
    while (!peek(')')) {
      labels.add(identifier());
      space();
      if (peek(',')) {
        at++;
        space();
      }
    }
    at++;
    return new Grouping(labels, without);
  }

  private Expr call(String function) throws Unsupported {
    if (!RATES.contains(function) && !OVER_TIME.contains(function)) {
      throw unsupported("function " + function);
    }
    expect('(');
    Expr argument = expression();
    expect(')');
    if (!(argument instanceof Range range)) {
      throw unsupported(function + " without a range");
    }
    if (RATES.contains(function) && (range.subquery() || !(range.inner() instanceof Selector))) {
      throw unsupported(function + " of a subquery");
    }
    return new Call(function, range);
  }

  private Range range(Expr inner) throws Unsupported {
    expect('[');
    double seconds = duration();
    boolean subquery = peek(':');
    if (subquery) {
      at++;
      if (!peek(']')) {
        duration();
      }
    }
    expect(']');
    return new Range(inner, seconds, subquery);
  }

  private List<Matcher> matchers() throws Unsupported {
    expect('{');
    List<Matcher> matchers = new ArrayList<>();
    space();
    while (!peek('}')) {
      String name = identifier();
      space();
      String op = operator();
      space();
      String value = string();
      matchers.add(new Matcher(name, op, value, op.contains("~") ? regex(value) : null));
      space();
      if (peek(',')) {
        at++;
        space();
      }
    }
    at++;
    return matchers;
  }

  private Pattern regex(String value) throws Unsupported {
    try {
      return Pattern.compile("^(?:" + value + ")$");
    } catch (java.util.regex.PatternSyntaxException e) {
      throw unsupported("regular expression \"" + value + "\"");
    }
  }

  private String operator() throws Unsupported {
    for (String op : List.of("=~", "!~", "!=", "=")) {
      if (text.startsWith(op, at)) {
        at += op.length();
        return op;
      }
    }
    throw unsupported("a matcher without =, !=, =~ or !~");
  }

  private String string() throws Unsupported {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (at < text.length() && text.charAt(at) != '"') {
      char c = text.charAt(at++);
      if (c == '\\' && at < text.length()) {
        c = text.charAt(at++);
        value.append(c == 'n' ? '\n' : c == 't' ? '\t' : c);
      } else {
        value.append(c);
      }
    }
    expect('"');
    return value.toString();
  }

  private double duration() throws Unsupported {
    space();
    int start = at;
    while (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) {
      at++;
    }
    String part = text.substring(start, at).toLowerCase(Locale.ROOT);
    var m = DURATION_PART.matcher(part);
    double seconds = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      seconds += Double.parseDouble(m.group(1)) * unitSeconds(m.group(2));
      end = m.end();
    }
    if (part.isEmpty() || end != part.length()) {
      throw unsupported("duration \"" + part + "\"");
    }
    space();
    return seconds;
  }

  private static double unitSeconds(String unit) {
    return switch (unit) {
      case "ms" -> 0.001;
      case "s" -> 1;
      case "m" -> 60;
      case "h" -> 3600;
      case "d" -> 86400;
      case "w" -> 7 * 86400;
      default -> 365 * 86400;
    };
  }

  private double number() throws Unsupported {
    int start = at;
    while (at < text.length()
        && (Character.isDigit(text.charAt(at)) || ".eE".indexOf(text.charAt(at)) >= 0)) {
      at++;
    }
    try {
      return Double.parseDouble(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw unsupported("number");
    }
  }

  private String identifier() throws Unsupported {
    int start = at;
    while (at < text.length()
        && (Character.isLetterOrDigit(text.charAt(at)) || "_:".indexOf(text.charAt(at)) >= 0)) {
      at++;
    }
    if (start == at || Character.isDigit(text.charAt(start))) {
      throw unsupported("a name");
    }
    return text.substring(start, at);
  }

  private boolean startsWithWord(String word) {
    int end = at + word.length();
    return text.startsWith(word, at)
        && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
  }

  private void expect(char c) throws Unsupported {
    space();
    if (!peek(c)) {
      throw unsupported("'" + c + "' expected");
    }
    at++;
    space();
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private Unsupported unsupported(String what) {
    return new Unsupported(what + " at character " + at);
  }
}
