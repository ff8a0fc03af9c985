package io.illm.lab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "134217728       | bytes   | 128 MiB",
        "1610612736      | bytes   | 1.5 GiB",
        "510397235.2     | bytes   | 486.8 MiB",
        "512             | bytes   | 512 B",
        "-31457280       | bytes   | -30 MiB",
        "1.5             | seconds | 1.5 s",
        "0.25            | seconds | 250 ms",
        "0.0000425       | seconds | 42.5 \u00b5s",
        "5400            | seconds | 90 min",
        "86400           | seconds | 24 h",
        "250             | ms      | 250 ms",
        "1500            | ms      | 1.5 s",
        "2345.6          | req/s   | 2.346k req/s",
        "2300            | /s      | 2.3k/s",
        "12              | ops/s   | 12 ops/s",
        "1250000         | count   | 1.25M",
        "0.25            | cores   | 0.25 cores",
        "12.5            | %       | 12.5%",
        "1.234           | usd     | $1.23",
        "420             | MiB     | 420 MiB",
        "0.0000001       |         | 1e-7",
        "536870912       |         | 536870912",
        "1234.5          |         | 1235",
        "0.123456        |         | 0.1235",
        "0               | bytes   | 0 B",
      })
  void valuesReadInTheirUnit(double value, String unit, String text) {
    assertEquals(text, Quantities.format(value, unit));
  }

  @org.junit.jupiter.api.Test
  void anIntervalFormatsBothBoundsAlike() {
    assertEquals(
        "[-45 MiB, -15 MiB]", Quantities.interval(-45 * 1048576.0, -15 * 1048576.0, "bytes"));
  }
}
