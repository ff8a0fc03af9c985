package io.illm.lab.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A metric's value as people read it, from the metric's unit: bytes in binary units ({@code 128
 * MiB}), durations in s, ms or min ({@code 1.5 s}), rates with SI prefixes ({@code 2.3k req/s}), at
 * most 4 significant digits. The one formatter of the judge's reasons, {@code ./lab results} and
 * the site, so a threshold reads the same as the value it is compared with. Deterministic: the same
 * number and unit give the same text on every machine.
 */
public final class Quantities {

  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  private static final String[] SI = {"", "k", "M", "G", "T", "P"};
  private static final MathContext DIGITS = new MathContext(4);

  private Quantities() {}

  /** {@code value} in {@code unit} (null or blank: a plain number). */
  public static String format(double value, String unit) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    String u = unit == null ? "" : unit.strip();
    return switch (u.toLowerCase(Locale.ROOT)) {
      case "" -> number(value);
      case "bytes", "byte", "b" -> bytes(value);
      case "seconds", "second", "s", "sec" -> seconds(value);
      case "ms", "milliseconds" -> seconds(value / 1000);
      case "count" -> si(value, "");
      case "%", "percent" -> number(value) + "%";
      case "usd" -> usd(value);
      default ->
          u.endsWith("/s") ? si(value, u.equals("/s") ? "/s" : " " + u) : number(value) + " " + u;
    };
  }

  /** The interval {@code [low, high]} in {@code unit}, each bound as {@link #format} gives it. */
  public static String interval(double low, double high, String unit) {
    return "[" + format(low, unit) + ", " + format(high, unit) + "]";
  }

  /**
   * A plain number: whole numbers as they are (below 10^15), others to 4 significant digits (whole
   * from 1000 up); an exponent only below 10^-4 and from 10^15.
   */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude < 1e15) {
      return Long.toString((long) value);
    }
    if (magnitude < 1e-4 || magnitude >= 1e15) {
      return new BigDecimal(value)
          .round(DIGITS)
          .stripTrailingZeros()
          .toString()
          .replace("E+", "e")
          .replace("E", "e");
    }
    if (magnitude >= 1000) {
      return Long.toString(Math.round(value));
    }
    return new BigDecimal(value).round(DIGITS).stripTrailingZeros().toPlainString();
  }

  private static String bytes(double value) {
    return scaled(value, 1024, BINARY, " ");
  }

  private static String si(double value, String unit) {
    String text = scaled(value, 1000, SI, "");
    return text + unit;
  }

  /** The value divided by {@code base} while it stays at least {@code base}, with its prefix. */
  private static String scaled(double value, double base, String[] prefixes, String space) {
    int step = 0;
    double scaled = value;
    while (Math.abs(scaled) >= base && step < prefixes.length - 1) {
      scaled /= base;
      step++;
    }
    String prefix = prefixes[step];
    String digits = significant(scaled);
    return prefix.isEmpty() ? digits : digits + space + prefix;
  }

  private static String seconds(double value) {
    double magnitude = Math.abs(value);
    if (magnitude == 0) {
      return "0 s";
    }
    if (magnitude >= 7200) {
      return significant(value / 3600) + " h";
    }
    if (magnitude >= 120) {
      return significant(value / 60) + " min";
    }
    if (magnitude >= 1) {
      return significant(value) + " s";
    }
    if (magnitude >= 1e-3) {
      return significant(value * 1e3) + " ms";
    }
    return significant(value * 1e6) + " \u00b5s";
  }

  private static String usd(double value) {
    return Math.abs(value) < 0.01 && value != 0
        ? String.format(Locale.ROOT, "$%.4f", value)
        : String.format(Locale.ROOT, "$%.2f", value);
  }

  /** 4 significant digits, no exponent, no trailing zeros. */
  private static String significant(double value) {
    if (value == 0) {
      return "0";
    }
    String text = new BigDecimal(value).round(DIGITS).stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
