package io.illm.lab.site;

import java.util.ArrayList;
import java.util.List;

/** An HTML table with a caption, built row by row; every cell is escaped. */
final class HtmlTable {

  private final String caption;
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private String cssClass = "";

  HtmlTable(String caption, String... headers) {
    this.caption = caption;
    this.headers = List.of(headers);
  }

  /** Adds a row of plain-text cells (null cells are shown empty). */
  HtmlTable row(String... cells) {
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(Html.text(cell));
    }
    rows.add(row);
    return this;
  }

  /** Adds a row whose cells are already HTML (the caller escaped them). */
  HtmlTable rawRow(List<String> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  HtmlTable cssClass(String value) {
    this.cssClass = value;
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String html() {
    StringBuilder out = new StringBuilder(128 + rows.size() * 96).append("<table");
    if (!cssClass.isEmpty()) {
      out.append(" class=\"").append(Html.text(cssClass)).append('"');
    }
    out.append(">\n<caption>").append(Html.text(caption)).append("</caption>\n<thead><tr>");
    headers.forEach(h -> out.append("<th scope=\"col\">").append(Html.text(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String tag = i == 0 ? "th scope=\"row\"" : "td";
        out.append('<')
            .append(tag)
            .append('>')
            .append(row.get(i))
            .append("</")
            .append(i == 0 ? "th" : "td")
            .append('>');
      }
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }
}
