package io.illm.lab.dsl;

/** Units of metric values, for display; {@link MetricDef#unit(String)} takes any other. */
public enum Unit {
  BYTES("bytes"),
  SECONDS("seconds"),
  MILLISECONDS("ms"),
  CORES("cores"),
  PERCENT("%"),
  REQUESTS_PER_SECOND("req/s"),
  OPERATIONS_PER_SECOND("ops/s"),
  COUNT("count"),
  /** One measurement divided by another of the same kind (fsync latency over no-fsync): 12 x. */
  RATIO("x"),
  USD("usd");

  private final String value;

  Unit(String value) {
    this.value = value;
  }

  /** The text the model carries, e.g. {@code usd}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
