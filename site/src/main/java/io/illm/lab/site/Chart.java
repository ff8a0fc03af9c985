package io.illm.lab.site;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A chart on a page with the table of its numbers: the chart for those who can see it, the table
 * for everyone (screen readers, copying numbers, pages without JavaScript).
 *
 * @param id unique on its page; the spec's script element is {@code spec-<id>}
 * @param title the heading, also the chart's title and the table's caption
 * @param spec the Vega-Lite spec, or null when there is nothing to draw
 * @param tables one or more {@code <table>} elements (or a details element holding one)
 * @param note a sentence shown instead of the chart when spec is null
 */
record Chart(String id, String title, ObjectNode spec, String tables, String note) {

  /** The section: heading, chart (or note), spec and tables. */
  String html() {
    String json = spec == null ? "" : ChartSpecs.json(spec);
    StringBuilder out = new StringBuilder(512 + json.length() + tables.length());
    out.append("<section class=\"metric\" id=\"").append(Html.text(id)).append("\">\n");
    out.append("<h3>").append(Html.text(title)).append("</h3>\n<div class=\"pair\">\n");
    if (spec != null) {
      out.append("<div class=\"chart\" data-spec=\"spec-")
          .append(Html.text(id))
          .append("\"></div>\n");
      out.append("<script type=\"application/json\" id=\"spec-")
          .append(Html.text(id))
          .append("\">")
          .append(json)
          .append("</script>\n");
    } else {
      out.append("<p class=\"nodata\">").append(Html.text(note)).append("</p>\n");
    }
    out.append("<div class=\"numbers\">\n").append(tables).append("</div>\n</div>\n</section>\n");
    return out.toString();
  }
}
