package io.illm.lab.site;

/** The frame every page shares: head, stylesheet, the chart libraries served by the site itself. */
final class Page {

  private Page() {}

  /**
   * A whole page.
   *
   * @param title the document title (plain text)
   * @param root the relative path to the site root, "" or "../../"
   * @param body the body's HTML
   * @param charts whether to load the chart libraries
   */
  static String html(String title, String root, String body, boolean charts) {
    StringBuilder out = new StringBuilder(body.length() + 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.text(title))
        .append("</title>\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(root)
        .append("assets/site.css\">\n")
        .append("</head>\n<body>\n<main>\n")
        .append(body)
        .append("</main>\n");
    if (charts) {
      for (String script : Assets.CHART_SCRIPTS) {
        out.append("<script src=\"")
            .append(root)
            .append("assets/")
            .append(script)
            .append("\"></script>\n");
      }
    }
    out.append("<script src=\"")
        .append(root)
        .append("assets/site.js\"></script>\n</body>\n</html>\n");
    return out.toString();
  }

  /** A definition list of (term, plain-text value) pairs, skipping null values. */
  static String facts(String... termsAndValues) {
    StringBuilder out = new StringBuilder("<dl class=\"facts\">\n");
    for (int i = 0; i + 1 < termsAndValues.length; i += 2) {
      if (termsAndValues[i + 1] != null && !termsAndValues[i + 1].isBlank()) {
        out.append("<dt>")
            .append(Html.text(termsAndValues[i]))
            .append("</dt><dd>")
            .append(Html.text(termsAndValues[i + 1]))
            .append("</dd>\n");
      }
    }
    return out.append("</dl>\n").toString();
  }

  /** The banner of a simulated run: its numbers are not measurements. */
  static String simulatedBanner() {
    return "<p class=\"banner simulated\" role=\"note\"><strong>SIMULATED</strong>: this run's numbers come from"
        + " the simulator, not from measurements.</p>\n";
  }
}
