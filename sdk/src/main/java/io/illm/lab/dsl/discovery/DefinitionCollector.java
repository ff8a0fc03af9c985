package io.illm.lab.dsl.discovery;

import io.illm.lab.dsl.Catalogue;
import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.ExperimentDef;
import io.illm.lab.dsl.discovery.IndexEntry.Kind;
import io.illm.lab.dsl.discovery.Members.Unreadable;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Builds the definitions of {@link Definitions#load}, one member or catalogue at a time. */
final class DefinitionCollector {

  private final ClassLoader loader;
  private final Map<String, Experiment> experiments = new TreeMap<>();
  private final Map<String, Component> components = new TreeMap<>();
  private final Map<String, String> origins = new TreeMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> catalogues = new TreeSet<>();
  private final Set<String> packages = new TreeSet<>();

  DefinitionCollector(ClassLoader loader) {
    this.loader = loader;
  }

  /** A registered catalogue's components and experiments. */
  void catalogue(ServiceLoader.Provider<Catalogue> provider) {
    String origin = provider.type().getName();
    catalogues.add(origin);
    Catalogue catalogue;
    try {
      catalogue = provider.get();
    } catch (ServiceConfigurationError | RuntimeException e) {
      problems.add(
          Problem.error(
              origin,
              "",
              "cannot be created: " + e.getMessage(),
              "a catalogue needs a public constructor without parameters"));
      return;
    }
    built(origin, "", catalogue::components).forEach(c -> add(c, origin));
    built(origin, "", catalogue::experiments).forEach(e -> add(e, origin));
  }

  /** An annotated member: its value, built; what prevents that is a problem. */
  void listed(IndexEntry entry) {
    packages.add(packageOf(entry.className()));
    try {
      Object value = Members.value(loader, entry);
      if (value == null) {
        problems.add(error(entry, "is null", "give it the definition's value"));
        return;
      }
      add(build(value), entry.origin());
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    } catch (Unreadable e) {
      problems.add(error(entry, e.getMessage(), "fix the definition, then build again"));
    } catch (RuntimeException | LinkageError e) {
      problems.add(error(entry, Members.threw(entry, e), "fix the definition"));
    }
  }

  private static Problem error(IndexEntry entry, String message, String hint) {
    return Problem.error(entry.sourceClassName(), entry.member(), message, hint);
  }

  /**
   * A member that looks like a definition without the annotation: a warning unless a catalogue has
   * a definition of the same name (a hand-written catalogue may list it).
   */
  void unlisted(IndexEntry entry) {
    String name;
    try {
      name = name(build(Members.value(loader, entry)));
    } catch (Unreadable | RuntimeException e) {
      name = null;
    }
    Map<String, ?> known = entry.kind() == Kind.EXPERIMENT ? experiments : components;
    if (name != null && known.containsKey(name)) {
      return;
    }
    String annotation = entry.kind().annotation();
    problems.add(
        Problem.warning(
            entry.sourceClassName(),
            entry.member(),
            "looks like "
                + (entry.kind() == Kind.EXPERIMENT ? "an experiment" : "a component")
                + (name == null ? "" : " (" + name + ")")
                + " but no catalogue lists it, so synth, validate, render, run and submit do not see it",
            "annotate it with @"
                + annotation.substring(annotation.lastIndexOf('.') + 1)
                + " ("
                + annotation
                + ")"));
  }

  Definitions definitions() {
    List<String> from = new ArrayList<>(catalogues);
    if (!packages.isEmpty()) {
      from.add("the definitions in " + commonPackage());
    }
    return new Definitions(experiments, components, origins, problems, String.join(" and ", from));
  }

  /** The objects {@code supplier} gives, or none with its problems recorded. */
  private List<?> built(String file, String path, Supplier<List<?>> supplier) {
    try {
      return supplier.get();
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    } catch (RuntimeException | LinkageError e) {
      problems.add(
          Problem.error(
              file,
              path,
              "threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              "fix the definition"));
    }
    return List.of();
  }

  private static Object build(Object value) {
    if (value instanceof ExperimentDef def) {
      return def.build();
    }
    if (value instanceof ComponentDef def) {
      return def.build();
    }
    return value;
  }

  private static String name(Object built) {
    return built instanceof Experiment e
        ? e.getMetadata().getName()
        : ((Component) built).getMetadata().getName();
  }

  /** Adds a built definition; a second one of the same kind and name is an error. */
  @SuppressWarnings("unchecked")
  private void add(Object built, String origin) {
    Kind kind = built instanceof Experiment ? Kind.EXPERIMENT : Kind.COMPONENT;
    Map<String, Object> byName =
        (Map<String, Object>) (Map<String, ?>) (kind == Kind.EXPERIMENT ? experiments : components);
    String name = name(built);
    String first = origins.putIfAbsent(kind.word() + " " + name, origin);
    if (first == null) {
      byName.put(name, built);
      return;
    }
    problems.add(
        Problem.error(
            kind.word() + "s/" + name,
            "metadata.name",
            "two " + kind.word() + "s are named " + name + ": " + first + " and " + origin,
            "rename one of them"));
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  /** The longest package every annotated definition is in (or below). */
  private String commonPackage() {
    String[] common = packages.iterator().next().split("\\.");
    int length = common.length;
    for (String pkg : packages) {
      String[] parts = pkg.split("\\.");
      int i = 0;
      while (i < Math.min(length, parts.length) && parts[i].equals(common[i])) {
        i++;
      }
      length = i;
    }
    return length == 0
        ? "the unnamed package"
        : String.join(".", List.of(common).subList(0, length));
  }
}
