package io.illm.lab.operator.results;

import java.util.function.Supplier;

/**
 * Waits for what asynchronous code does; fails with {@code what} after 20 s, never asserting time.
 */
final class Await {

  private Await() {}

  static <T> T until(String what, Supplier<T> value, java.util.function.Predicate<T> done) {
    long end = System.nanoTime() + 20_000_000_000L;
    T current = value.get();
    while (!done.test(current)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("waited in vain for " + what + "; last: " + current);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      current = value.get();
    }
    return current;
  }
}
