package io.illm.lab.synth;

import io.illm.lab.model.Category;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentObservability;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.ComponentRefs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code docs/catalogue.md}: the catalogue as a page people can browse, made from the same objects
 * synth writes as YAML. Components by category (source, chart and version, parameters with their
 * defaults, scrape hints, the experiments that deploy them), then the scenarios ({@link
 * ScenarioDoc}), then the components no experiment deploys, then the catalogue's own notes. The
 * same objects always give the same bytes.
 */
public final class CatalogueDoc {

  /** Where synth writes it, relative to the repository root. */
  public static final String PATH = "docs/catalogue.md";

  private CatalogueDoc() {}

  /**
   * The page.
   *
   * @param source what the definitions come from, for the header
   * @param notes Markdown appended at the end ({@link io.illm.lab.dsl.CatalogueNotes})
   */
  public static String render(
      String source, List<Component> components, List<Experiment> experiments, String notes) {
    SortedMap<String, List<String>> usedBy = usedBy(experiments);
    List<Component> sorted = sorted(components);
    StringBuilder md = new StringBuilder();
    md.append("<!-- ")
        .append(Synth.header(source).substring(2).strip())
        .append(" -->\n")
        .append("# The catalogue\n\n")
        .append(summary(sorted, experiments))
        .append("\n\n## Components\n\n")
        .append(categoryTable(sorted));
    for (Component component : sorted) {
      md.append('\n').append(component(component, usedBy.get(name(component))));
    }
    md.append('\n').append(ScenarioDoc.render(experiments));
    md.append('\n').append(unreferenced(sorted, usedBy));
    if (notes != null && !notes.isBlank()) {
      md.append('\n').append(notes.strip()).append('\n');
    }
    return md.toString();
  }

  /** Names of the components no experiment deploys, sorted. */
  public static List<String> referencedByNone(
      List<Component> components, List<Experiment> experiments) {
    SortedMap<String, List<String>> usedBy = usedBy(experiments);
    return components.stream()
        .map(CatalogueDoc::name)
        .filter(name -> !usedBy.containsKey(name))
        .sorted()
        .toList();
  }

  private static String summary(List<Component> components, List<Experiment> experiments) {
    long categories = components.stream().map(c -> c.getSpec().getCategory()).distinct().count();
    return components.size()
        + " components in "
        + categories
        + " categories and "
        + experiments.size()
        + " scenarios, written as Java. `./lab synth` writes this page with the YAML;"
        + " `./lab synth --check` fails when it is stale.";
  }

  private static String categoryTable(List<Component> components) {
    Map<Category, List<String>> byCategory = new TreeMap<>();
    for (Component c : components) {
      byCategory.computeIfAbsent(c.getSpec().getCategory(), k -> new ArrayList<>()).add(name(c));
    }
    StringBuilder md = new StringBuilder("| category | count | components |\n|---|---|---|\n");
    byCategory.forEach(
        (category, names) ->
            md.append(
                row(
                    String.valueOf(category),
                    String.valueOf(names.size()),
                    names.stream()
                        .map(n -> "[" + n + "](#" + n + ")")
                        .collect(Collectors.joining(", ")))));
    return md.toString();
  }

  private static String component(Component component, List<String> usedBy) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(name(component)).append("\n\n");
    String description = component.getSpec().getDescription();
    if (description != null) {
      md.append(oneLine(description)).append("\n\n");
    }
    md.append("- category: ").append(component.getSpec().getCategory());
    ComponentType type = component.getSpec().getType();
    if (type != null && type != ComponentType.APP) {
      md.append(", referenced as `").append(type).append('`');
    }
    md.append('\n');
    for (ComponentSource source : component.getSpec().getSources()) {
      md.append("- ").append(source(source)).append('\n');
    }
    String scrape = scrape(component.getSpec().getObservability());
    if (!scrape.isEmpty()) {
      md.append("- metrics: ").append(scrape).append('\n');
    }
    md.append("- deployed by: ")
        .append(usedBy == null ? "no experiment" : String.join(", ", usedBy))
        .append('\n');
    md.append(parameters(component.getSpec().getParameters()));
    return md.toString();
  }

  private static String source(ComponentSource source) {
    String revision = source.getTargetRevision() == null ? "HEAD" : source.getTargetRevision();
    if (source.getChart() != null) {
      return "chart `" + source.getChart() + "` " + revision + " from " + source.getRepoURL();
    }
    if (source.getRef() != null) {
      return "values files from "
          + source.getRepoURL()
          + " @ "
          + revision
          + " (as `$"
          + source.getRef()
          + "`)";
    }
    String path = source.getPath() == null ? "" : " `" + source.getPath() + "`";
    return "manifests" + path + " from " + source.getRepoURL() + " @ " + revision;
  }

  private static String scrape(ComponentObservability o) {
    if (o == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (o.getPodLabels() != null && !o.getPodLabels().isEmpty()) {
      parts.add(
          "pods `"
              + o.getPodLabels().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(","))
              + "`");
    }
    if (Boolean.TRUE.equals(o.getServiceMonitor())) {
      parts.add("ships a ServiceMonitor");
    }
    if (Boolean.TRUE.equals(o.getPodMonitor())) {
      parts.add("ships a PodMonitor");
    }
    if (o.getMetricsPort() != null) {
      String path = o.getMetricsPath() == null ? "/metrics" : o.getMetricsPath();
      parts.add("scrape port " + o.getMetricsPort() + " `" + path + "`");
    }
    return String.join("; ", parts);
  }

  private static String parameters(List<ComponentParameter> parameters) {
    if (parameters == null || parameters.isEmpty()) {
      return "\nNo parameters.\n";
    }
    StringBuilder md =
        new StringBuilder("\n| parameter | type | default | description |\n|---|---|---|---|\n");
    for (ComponentParameter p : parameters) {
      String type = p.getType() == null ? "string" : p.getType().value();
      String value =
          Boolean.TRUE.equals(p.getRequired())
              ? "required"
              : p.getDefaultValue() == null ? "—" : "`" + p.getDefaultValue() + "`";
      md.append(
          row(
              "`" + p.getName() + "`",
              type,
              value,
              p.getDescription() == null ? "" : p.getDescription()));
    }
    return md.toString();
  }

  private static String unreferenced(
      List<Component> components, SortedMap<String, List<String>> usedBy) {
    List<String> none =
        components.stream().map(CatalogueDoc::name).filter(n -> !usedBy.containsKey(n)).toList();
    StringBuilder md = new StringBuilder("## Components no experiment deploys\n\n");
    if (none.isEmpty()) {
      return md.append("Every component is deployed by at least one experiment.\n").toString();
    }
    return md.append(none.size())
        .append(" of ")
        .append(components.size())
        .append(" (not an error: a catalogue offers more than its scenarios use): ")
        .append(none.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")))
        .append(".\n")
        .toString();
  }

  /** Component name to the sorted names of the experiments deploying it. */
  private static SortedMap<String, List<String>> usedBy(List<Experiment> experiments) {
    SortedMap<String, TreeSet<String>> sets = new TreeMap<>();
    for (Experiment e : experiments) {
      if (e.getSpec() == null || e.getSpec().getTargets() == null) {
        continue;
      }
      e.getSpec().getTargets().stream()
          .filter(t -> t.getComponents() != null)
          .flatMap(t -> t.getComponents().stream())
          .map(ComponentRefs::name)
          .filter(n -> n != null)
          .forEach(
              n -> sets.computeIfAbsent(n, k -> new TreeSet<>()).add(e.getMetadata().getName()));
    }
    SortedMap<String, List<String>> usedBy = new TreeMap<>();
    sets.forEach((name, names) -> usedBy.put(name, List.copyOf(names)));
    return usedBy;
  }

  private static List<Component> sorted(List<Component> components) {
    return components.stream()
        .sorted(
            Comparator.comparing((Component c) -> c.getSpec().getCategory())
                .thenComparing(CatalogueDoc::name))
        .toList();
  }

  private static String name(Component component) {
    return component.getMetadata().getName();
  }

  /** A table row; cells have their pipes escaped and line breaks flattened. */
  static String row(String... cells) {
    StringBuilder row = new StringBuilder("|");
    for (String cell : cells) {
      row.append(' ').append(oneLine(cell).replace("|", "\\|")).append(" |");
    }
    return row.append('\n').toString();
  }

  static String oneLine(String text) {
    return text.replace("\r", "").replace('\n', ' ').strip();
  }
}
