package io.illm.lab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text in columns two spaces apart, each as wide as its widest cell; no trailing spaces.
 */
public final class TextTable {

  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    rows.add(List.of(header));
  }

  public TextTable row(String... cells) {
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(cell == null ? "-" : cell);
    }
    rows.add(row);
    return this;
  }

  /** The table, every line prefixed with {@code indent} and ending in a newline. */
  public String render(String indent) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i))
            .append(" ".repeat(i == row.size() - 1 ? 0 : widths[i] - row.get(i).length() + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
