package io.illm.lab.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

  @Test
  void numbersAreShortWithoutLosingWholeUnits() {
    assertEquals(
        List.of(
            "0",
            "2",
            "1.25",
            "0.0123",
            "3.142",
            "1235",
            "123456789",
            "1.000e+15",
            "1.000e-05",
            "-0.5"),
        Stream.of(0.0, 2.0, 1.25, 0.0123, Math.PI, 1234.5678, 123456789.0, 1e15, 1e-5, -0.5)
            .map(SummaryText::number)
            .toList());
  }
}
