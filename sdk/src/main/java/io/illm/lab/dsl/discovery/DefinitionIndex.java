package io.illm.lab.dsl.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;

/** Every {@value IndexEntry#INDEX} a class loader sees (one per compiled module), merged. */
public final class DefinitionIndex {

  private DefinitionIndex() {}

  /**
   * The entries of every index on {@code loader}'s path, each once, in {@link IndexEntry#ORDER}.
   */
  public static Set<IndexEntry> read(ClassLoader loader) {
    Set<IndexEntry> entries = new TreeSet<>(IndexEntry.ORDER);
    try {
      Enumeration<URL> files = loader.getResources(IndexEntry.INDEX);
      while (files.hasMoreElements()) {
        URL file = files.nextElement();
        try (InputStream in = file.openStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          text.lines().forEach(line -> IndexEntry.parse(line).ifPresent(entries::add));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              file + ": " + e.getMessage() + " (rebuild the module that holds it)", e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + IndexEntry.INDEX, e);
    }
    return entries;
  }
}
