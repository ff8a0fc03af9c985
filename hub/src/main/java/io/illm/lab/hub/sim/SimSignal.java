package io.illm.lab.hub.sim;

import java.util.function.DoubleUnaryOperator;

/**
 * The shapes of simulated series over time (seconds since the epoch), deterministic from a key:
 *
 * <ul>
 *   <li>a gauge holds one value per second (a piecewise constant level with a slow 2% wave and 1%
 *       noise), so the largest value over any range is the largest of its seconds: a peak ({@code
 *       max_over_time}) is never below a point of the same range;
 *   <li>a counter is the integral of a rate that never falls below 98% of its level (a slow 2%
 *       wave): it never decreases, and is 0 before its origin.
 * </ul>
 */
final class SimSignal {

  static final double WAVE = 0.02;
  static final double NOISE = 0.02;
  private static final double PERIOD = 1800;

  private SimSignal() {}

  /** A gauge around {@code level}: level x (1 + wave +- 1% noise), constant within a second. */
  static DoubleUnaryOperator gauge(long key, double level) {
    double phase = unit(key >>> 7) * 2 * Math.PI;
    return t -> {
      long second = (long) Math.floor(t);
      double wave = WAVE * Math.sin(2 * Math.PI * second / PERIOD + phase);
      double noise = NOISE * (unit(mix(key ^ second)) - 0.5);
      return level * (1 + wave + noise);
    };
  }

  /** A counter rising at {@code rate} per second (+- 2%) from {@code origin}; 0 before it. */
  static DoubleUnaryOperator counter(long key, double rate, double origin) {
    double phase = unit(key >>> 7) * 2 * Math.PI;
    double omega = 2 * Math.PI / PERIOD;
    DoubleUnaryOperator integral = t -> t - WAVE / omega * Math.cos(omega * t + phase);
    return t ->
        t <= origin ? 0 : rate * (integral.applyAsDouble(t) - integral.applyAsDouble(origin));
  }

  /** SplitMix64's finaliser: a well-mixed long from any long. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A number in [0, 1) from the bits of {@code bits}. */
  static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** A key for a text (a series' identity), mixed with the seed. */
  static long key(long seed, String text) {
    long h = 1125899906842597L;
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return mix(seed ^ h);
  }
}
