package io.illm.lab.site;

import io.illm.lab.results.Quantities;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Text for HTML pages: every string from a summary goes through {@link #text} (element content and
 * double-quoted attribute values alike), and numbers are formatted the same way on every page.
 */
final class Html {

  private Html() {}

  /**
   * {@code value} escaped for element content or a double-quoted attribute, characters beyond ASCII
   * as numeric references; null becomes "".
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    if (!needsEscaping(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c <= 0x7e) {
            out.append(c);
          } else {
            // pages are ASCII (numeric references for the rest): Java keeps them one byte per
            // character
            int codePoint = Character.codePointAt(value, i);
            out.append("&#").append(codePoint).append(';');
            i += Character.charCount(codePoint) - 1;
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean needsEscaping(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c > 0x7e) {
        return true;
      }
    }
    return false;
  }

  /** A number with at most 4 significant digits, no exponent below 10^9; "–" for null. */
  static String number(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "–";
    }
    if (value == 0) {
      return "0";
    }
    double abs = Math.abs(value);
    if (abs != 0 && (abs >= 1e9 || abs < 1e-4)) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    String shortest = Double.toString(value);
    if (significantDigits(shortest) <= 4) {
      // already short: skip BigDecimal, the site formats a million numbers for 500 runs
      return shortest.endsWith(".0") ? shortest.substring(0, shortest.length() - 2) : shortest;
    }
    return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** Significant digits of a plain {@link Double#toString} form; more than 4 for exponent forms. */
  private static int significantDigits(String number) {
    if (number.indexOf('E') >= 0) {
      return Integer.MAX_VALUE;
    }
    int digits = 0;
    boolean leading = true;
    int trailingZeros = 0;
    boolean afterPoint = false;
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == '.') {
        afterPoint = true;
      } else if (c >= '0' && c <= '9') {
        if (leading && c == '0') {
          continue;
        }
        leading = false;
        digits++;
        trailingZeros = c == '0' ? trailingZeros + 1 : 0;
      }
    }
    // "120.0": the zeros after the last non-zero digit do not count, "1200.0" has 2 significant
    // digits
    return afterPoint ? digits - trailingZeros : digits;
  }

  /**
   * A value in its metric's unit as people read it (128 MiB, 1.5 s, 2.3k req/s), the same text as
   * {@code ./lab results} and the judge's reasons give; "–" for null.
   */
  static String quantity(Double value, String unit) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "–";
    }
    return Quantities.format(value, unit);
  }

  /** US dollars with two decimals (four below one cent); "–" for null. */
  static String usd(Double value) {
    if (value == null) {
      return "–";
    }
    return Math.abs(value) < 0.01 && value != 0
        ? String.format(Locale.ROOT, "$%.4f", value)
        : String.format(Locale.ROOT, "$%.2f", value);
  }

  /** A share 0-1 as a percentage. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** The symbol of a criterion operator (lt, lte, gt, gte, eq), or the operator itself. */
  static String operator(String operator) {
    if (operator == null) {
      return "?";
    }
    return switch (operator) {
      case "lt" -> "<";
      case "lte" -> "≤";
      case "gt" -> ">";
      case "gte" -> "≥";
      case "eq" -> "=";
      default -> operator;
    };
  }
}
