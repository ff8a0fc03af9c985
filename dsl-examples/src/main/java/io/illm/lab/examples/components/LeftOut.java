package io.illm.lab.examples.components;

import io.illm.lab.dsl.CatalogueNotes;
import io.illm.lab.model.Category;
import java.util.List;

/**
 * The original lab's catalogue entries that are not components here under their own name: left out
 * (with the reason) or carried over under another name. Every other entry of the original's 49 is a
 * component of the same name and category. {@code docs/catalogue.md} lists these, and the import
 * comparison accepts a missing original component only when it is here. Registered as {@link
 * CatalogueNotes} (META-INF/services) so that synth appends {@link #markdown()} to the page.
 */
public final class LeftOut implements CatalogueNotes {

  /**
   * One entry of the original's catalogue.
   *
   * @param category its folder in the original
   * @param original its name there
   * @param here the component that carries it over, or {@code null} when none does
   * @param why the reason, one sentence
   */
  public record Entry(Category category, String original, String here, String why) {

    /** True when no component carries it over. */
    public boolean leftOut() {
      return here == null;
    }
  }

  /** The entries, in the original's order (category, then name). */
  public static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              Category.APPS,
              "_template",
              null,
              "a scaffold for writing a new app (Dockerfile, manifests, Go main), not a component"),
          new Entry(
              Category.APPS,
              "demo-app",
              null,
              "a legacy Application for the hub (namespace demo, routed through the hub's gateway),"
                  + " never a Component; hello-app and metrics-app are the experiment workloads"),
          new Entry(
              Category.CORE,
              "argocd",
              null,
              "ArgoCD is the hub's GitOps engine, a platform service of the hub (the entry was its"
                  + " ingress route); experiments never deploy it"),
          new Entry(
              Category.CORE,
              "cert-manager",
              null,
              "a platform service of the hub (with the hub's issuers); no experiment deploys it"),
          new Entry(
              Category.CORE,
              "gateway-api",
              "contour",
              "the hub's own gateway: its Contour chart is the component contour, a gateway to"
                  + " compare; the default Gateway it added for the hub's routes stays with the hub"),
          new Entry(
              Category.OBSERVABILITY,
              "prometheus-stack",
              null,
              "the hub's own metrics, a platform service of the hub; kube-prometheus-stack is the"
                  + " same chart as an experiment component"),
          new Entry(
              Category.TESTING,
              "k6",
              "k6-operator",
              "named for what it installs; the namespace and ConfigMap the original added on the hub"
                  + " are not part of it"),
          new Entry(
              Category.WORKFLOWS,
              "argo-workflows",
              "argo-workflows-controller",
              "the hub's Argo Workflows (with its route and RBAC) is a platform service of the hub;"
                  + " the same chart, controller only, is the component for workflows on a target"));

  /** For {@link java.util.ServiceLoader}; the entries are static. */
  public LeftOut() {}

  @Override
  public String markdown() {
    return notes();
  }

  /** The entry for an original name, or {@code null}. */
  public static Entry of(String original) {
    return ENTRIES.stream().filter(e -> e.original().equals(original)).findFirst().orElse(null);
  }

  /** The Markdown section docs/catalogue.md ends with. */
  public static String notes() {
    StringBuilder md = new StringBuilder();
    md.append("## The original lab's entries that are not components here\n\n");
    md.append("The original lab's catalogue had 49 entries in 8 categories. Every entry not listed")
        .append(" below is a component of the same name and category above; these are left out,")
        .append(" or carried over under another name, for the reason given.\n\n");
    md.append("| category | original | here | why |\n|---|---|---|---|\n");
    for (Entry e : ENTRIES) {
      md.append("| ")
          .append(e.category())
          .append(" | ")
          .append(e.original())
          .append(" | ")
          .append(e.leftOut() ? "left out" : "`" + e.here() + "`")
          .append(" | ")
          .append(e.why())
          .append(" |\n");
    }
    return md.toString();
  }
}
