package io.illm.lab.dsl;

/**
 * What a catalogue's generated page ({@code docs/catalogue.md}) cannot say from the definitions
 * alone, e.g. what the catalogue deliberately does not offer and why. {@code ./lab synth} appends
 * the Markdown of every implementation registered for {@link java.util.ServiceLoader} (sorted by
 * class name) after the generated tables.
 *
 * <p>Only prose: definitions themselves are found by annotation ({@link LabComponent}, {@link
 * LabExperiment}), never listed here.
 */
public interface CatalogueNotes {

  /** Markdown with headings from level 2 ({@code ##}); blank for none. */
  String markdown();
}
