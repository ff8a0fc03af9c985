package io.illm.lab.dsl.discovery;

import io.illm.lab.dsl.Catalogue;
import io.illm.lab.dsl.discovery.IndexEntry.Kind;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every definition a class path offers, built: the members annotated with {@code @LabExperiment}
 * and {@code @LabComponent} (from the index the annotation processor wrote for each module), and
 * the {@link Catalogue} implementations registered for {@link ServiceLoader}. What could not be
 * built is a problem rather than an exception, so that one broken definition is reported with the
 * others and does not hide them; a member that looks like a definition but is in no catalogue is a
 * warning naming the class and the fix.
 */
public final class Definitions {

  private final Map<String, Experiment> experiments;
  private final Map<String, Component> components;
  private final Map<String, String> origins;
  private final List<Problem> problems;
  private final String source;

  Definitions(
      Map<String, Experiment> experiments,
      Map<String, Component> components,
      Map<String, String> origins,
      List<Problem> problems,
      String source) {
    this.experiments = experiments;
    this.components = components;
    this.origins = origins;
    this.problems = problems.stream().sorted(Problem.ORDER).toList();
    this.source = source;
  }

  /** The definitions on the thread's context class loader (the one {@code mvn exec:java} sets). */
  public static Definitions onClasspath() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return load(context != null ? context : Definitions.class.getClassLoader());
  }

  /** The definitions {@code loader} sees. */
  public static Definitions load(ClassLoader loader) {
    Set<IndexEntry> index = DefinitionIndex.read(loader);
    DefinitionCollector collector = new DefinitionCollector(loader);
    ServiceLoader.load(Catalogue.class, loader).stream()
        .sorted(Comparator.comparing(p -> p.type().getName()))
        .forEach(collector::catalogue);
    index.stream().filter(IndexEntry::listed).forEach(collector::listed);
    index.stream().filter(e -> !e.listed()).forEach(collector::unlisted);
    return collector.definitions();
  }

  /** Every experiment that was built, sorted by name. */
  public List<Experiment> experiments() {
    return List.copyOf(experiments.values());
  }

  /** Every component that was built, sorted by name. */
  public List<Component> components() {
    return List.copyOf(components.values());
  }

  /** The experiment of that name, when one was built. */
  public Optional<Experiment> experiment(String name) {
    return Optional.ofNullable(experiments.get(name));
  }

  /** The names of the experiments that were built, sorted. */
  public List<String> experimentNames() {
    return List.copyOf(experiments.keySet());
  }

  /** Where an experiment comes from, e.g. {@code com.acme.HelloApp.build()}, or a catalogue. */
  public Optional<String> origin(String experiment) {
    return Optional.ofNullable(origins.get(Kind.EXPERIMENT.word() + " " + experiment));
  }

  /**
   * Every problem: definitions that did not build (errors) and definitions no catalogue lists
   * (warnings), in {@link Problem#ORDER}.
   */
  public List<Problem> problems() {
    return problems;
  }

  /** The errors of the experiment of that name, when its definition did not build. */
  public List<Problem> problemsOf(String experiment) {
    String file = "experiments/" + experiment;
    return problems.stream().filter(p -> p.isError() && p.file().equals(file)).toList();
  }

  /** True when the class path holds no definition, catalogue or problem at all. */
  public boolean isEmpty() {
    return experiments.isEmpty() && components.isEmpty() && problems.isEmpty() && source.isEmpty();
  }

  /**
   * What the definitions come from, for the header of the files synth writes: the catalogue
   * classes, and the package holding every annotated definition.
   */
  public String source() {
    return source;
  }
}
