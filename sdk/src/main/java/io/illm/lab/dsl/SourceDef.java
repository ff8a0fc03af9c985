package io.illm.lab.dsl;

import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a component's manifests come from: a Git path ({@link Lab#git}), a Helm chart ({@link
 * Lab#chart}) or a repository other sources refer to ({@link Lab#repo}). Immutable.
 */
public final class SourceDef {

  private final String repoURL;
  private String targetRevision;
  private String path;
  private String chart;
  private String ref;
  private String releaseName;
  private boolean helmOptions;
  private final List<String> valuesFiles = new ArrayList<>();
  private final List<HelmParameter> helmParameters = new ArrayList<>();

  SourceDef(String repoURL) {
    this.repoURL = repoURL;
  }

  private SourceDef copy() {
    SourceDef copy = new SourceDef(repoURL);
    copy.targetRevision = targetRevision;
    copy.path = path;
    copy.chart = chart;
    copy.ref = ref;
    copy.releaseName = releaseName;
    copy.helmOptions = helmOptions;
    copy.valuesFiles.addAll(valuesFiles);
    for (HelmParameter p : helmParameters) {
      copy.helmParameters.add(new HelmParameter(p.getName(), p.getValue(), p.getForceString()));
    }
    return copy;
  }

  /**
   * Branch, tag or commit (Git), or chart version (Helm).
   *
   * <p>Default: HEAD.
   */
  public SourceDef revision(String revision) {
    SourceDef copy = copy();
    copy.targetRevision = revision;
    return copy;
  }

  /**
   * Path in the Git repository.
   *
   * <p>Default: the repository root.
   */
  public SourceDef path(String path) {
    SourceDef copy = copy();
    copy.path = path;
    return copy;
  }

  /**
   * Chart name in the Helm repository; not together with {@link #path}.
   *
   * <p>Default: not a chart.
   */
  public SourceDef chart(String chart) {
    SourceDef copy = copy();
    copy.chart = chart;
    return copy;
  }

  /**
   * Name other sources use for this one in values files ({@code $<ref>/path}).
   *
   * <p>Default: not referable.
   */
  public SourceDef ref(String ref) {
    SourceDef copy = copy();
    copy.ref = ref;
    return copy;
  }

  /**
   * The Helm release name.
   *
   * <p>Default: the Argo CD Application's name.
   */
  public SourceDef releaseName(String releaseName) {
    SourceDef copy = copy();
    copy.releaseName = releaseName;
    copy.helmOptions = true;
    return copy;
  }

  /**
   * A values file, relative to this source or {@code $<ref>/path} into another source; repeat for
   * more, applied in order.
   *
   * <p>Default: the chart's own values only.
   */
  public SourceDef valuesFile(String file) {
    SourceDef copy = copy();
    copy.valuesFiles.add(file);
    copy.helmOptions = true;
    return copy;
  }

  /**
   * A Helm value, e.g. {@code set("grafana.enabled", "true")}; repeat for more. Experiments
   * override it by name.
   *
   * <p>Default: the chart's value.
   */
  public SourceDef set(String name, String value) {
    return set(name, value, null);
  }

  /**
   * A Helm value passed as a string even when it looks like a number or a boolean ({@code
   * --set-string}).
   *
   * <p>Default: the chart's value.
   */
  public SourceDef setString(String name, String value) {
    return set(name, value, true);
  }

  /**
   * A Helm value with forceString said explicitly ({@code null} leaves it unsaid).
   *
   * <p>Default: forceString false.
   */
  public SourceDef set(String name, String value, Boolean forceString) {
    SourceDef copy = copy();
    copy.helmParameters.add(new HelmParameter(name, value, forceString));
    copy.helmOptions = true;
    return copy;
  }

  /**
   * Helm options present even when empty ({@code helm: {}}): only the renderer of imported
   * components needs it.
   *
   * <p>Default: no Helm options unless one is set.
   */
  public SourceDef helm() {
    SourceDef copy = copy();
    copy.helmOptions = true;
    return copy;
  }

  ComponentSource source() {
    HelmSource helm = null;
    if (helmOptions) {
      List<HelmParameter> parameters = new ArrayList<>();
      for (HelmParameter p : helmParameters) {
        parameters.add(new HelmParameter(p.getName(), p.getValue(), p.getForceString()));
      }
      helm = new HelmSource(releaseName, new ArrayList<>(valuesFiles), parameters);
    }
    return new ComponentSource(repoURL, targetRevision, path, chart, ref, helm);
  }
}
