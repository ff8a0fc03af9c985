package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesEveryCharacterThatEndsTextOrAnAttribute() {
    assertEquals(
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;",
        Html.text("<a href=\"x\" title='y'>&amp;"));
    assertEquals("", Html.text(null));
    assertEquals(
        "&#8804; 3 &#128512;", Html.text("≤ 3 😀"), "ASCII pages: numeric references beyond ASCII");
  }

  @Test
  void formatsNumbersWithFourSignificantDigits() {
    assertEquals("123.5", Html.number(123.456));
    assertEquals("120", Html.number(120.0));
    assertEquals("0.001235", Html.number(0.0012345));
    assertEquals("1.235e+09", Html.number(1_234_567_890.0));
    assertEquals("0", Html.number(-0.0));
    assertEquals("1200000", Html.number(1_200_000.0));
    assertEquals("1235", Html.number(1234.5));
    assertEquals("12350", Html.number(12345.0));
    assertEquals("-101.3", Html.number(-101.3));
    assertEquals("–", Html.number(null));
    assertEquals("$0.36", Html.usd(0.36));
    assertEquals("$0.0040", Html.usd(0.004));
    assertEquals("≤", Html.operator("lte"));
  }
}
