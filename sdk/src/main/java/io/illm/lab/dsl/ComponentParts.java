package io.illm.lab.dsl;

import static io.illm.lab.dsl.JavaSource.entries;
import static io.illm.lab.dsl.JavaSource.notEmpty;
import static io.illm.lab.dsl.JavaSource.str;

import io.illm.lab.dsl.JavaSource.Chain;
import io.illm.lab.model.ComponentObservability;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.ParameterType;

/** The parts of a component's spec, rendered for {@link JavaSource}. */
final class ComponentParts {

  private final JavaSource source;

  ComponentParts(JavaSource source) {
    this.source = source;
  }

  void render(ComponentSpec spec, Chain chain) {
    chain.callIf(spec.getDescription(), v -> "describe(" + str(v) + ")");
    if (spec.getType() != null) {
      source.use("io.illm.lab.model.ComponentType");
      chain.call("type(ComponentType." + spec.getType().name() + ")");
    }
    if (spec.getSources() != null) {
      spec.getSources().forEach(s -> chain.call("source(" + source(s, chain.depth + 1) + ")"));
    }
    if (spec.getParameters() != null) {
      spec.getParameters().forEach(p -> chain.call("parameter(" + parameter(p) + ")"));
    }
    observability(spec.getObservability(), chain);
  }

  private String source(ComponentSource s, int depth) {
    String head;
    boolean pathDone = false;
    boolean chartDone = false;
    if (s.getChart() != null) {
      head = "chart(" + str(s.getRepoURL()) + ", " + str(s.getChart()) + ")";
      chartDone = true;
    } else if (s.getPath() != null) {
      head = "git(" + str(s.getRepoURL()) + ", " + str(s.getPath()) + ")";
      pathDone = true;
    } else {
      head = "repo(" + str(s.getRepoURL()) + ")";
    }
    Chain chain = new Chain(head, depth);
    chain.callIf(s.getTargetRevision(), v -> "revision(" + str(v) + ")");
    if (!pathDone) {
      chain.callIf(s.getPath(), v -> "path(" + str(v) + ")");
    }
    if (!chartDone) {
      chain.callIf(s.getChart(), v -> "chart(" + str(v) + ")");
    }
    chain.callIf(s.getRef(), v -> "ref(" + str(v) + ")");
    HelmSource helm = s.getHelm();
    if (helm != null) {
      boolean any =
          helm.getReleaseName() != null
              || notEmpty(helm.getValuesFiles())
              || notEmpty(helm.getParameters());
      chain.callIf(helm.getReleaseName(), v -> "releaseName(" + str(v) + ")");
      if (helm.getValuesFiles() != null) {
        helm.getValuesFiles().forEach(f -> chain.call("valuesFile(" + str(f) + ")"));
      }
      if (helm.getParameters() != null) {
        helm.getParameters().forEach(p -> chain.call(helmParameter(p)));
      }
      if (!any) {
        chain.call("helm()");
      }
    }
    return chain.toString();
  }

  private static String helmParameter(HelmParameter p) {
    String args = str(p.getName()) + ", " + str(p.getValue());
    if (p.getForceString() == null) {
      return "set(" + args + ")";
    }
    return p.getForceString() ? "setString(" + args + ")" : "set(" + args + ", false)";
  }

  private static String parameter(ComponentParameter p) {
    ParameterType type = p.getType();
    String factory =
        type == null
            ? "param"
            : switch (type) {
              case BOOL -> "boolParam";
              case INT -> "intParam";
              case STRING -> "stringParam";
            };
    StringBuilder text = new StringBuilder(factory + "(" + str(p.getName()) + ")");
    if (p.getDefaultValue() != null) {
      text.append(defaultValue(type, p.getDefaultValue()));
    }
    if (p.getRequired() != null) {
      text.append(p.getRequired() ? ".required()" : ".required(false)");
    }
    if (p.getDescription() != null) {
      text.append(".describe(").append(str(p.getDescription())).append(')');
    }
    return text.toString();
  }

  private static String defaultValue(ParameterType type, String text) {
    if (type == ParameterType.BOOL && (text.equals("true") || text.equals("false"))) {
      return ".defaultValue(" + text + ")";
    }
    if (type == ParameterType.INT && text.matches("-?[1-9][0-9]{0,8}|0")) {
      return ".defaultValue(" + text + ")";
    }
    if (type == null || type == ParameterType.STRING) {
      return ".defaultValue(" + str(text) + ")";
    }
    return ".defaultText(" + str(text) + ")";
  }

  private void observability(ComponentObservability o, Chain chain) {
    if (o == null) {
      return;
    }
    boolean any =
        o.getServiceMonitor() != null
            || o.getPodMonitor() != null
            || (o.getPodLabels() != null && !o.getPodLabels().isEmpty())
            || o.getMetricsPath() != null
            || o.getMetricsPort() != null;
    chain.callIf(o.getServiceMonitor(), v -> v ? "serviceMonitor()" : "serviceMonitor(false)");
    chain.callIf(o.getPodMonitor(), v -> v ? "podMonitor()" : "podMonitor(false)");
    entries(o.getPodLabels())
        .forEach((k, v) -> chain.call("podLabel(" + str(k) + ", " + str(v) + ")"));
    chain.callIf(o.getMetricsPath(), v -> "metricsPath(" + str(v) + ")");
    chain.callIf(o.getMetricsPort(), v -> "metricsPort(" + v + ")");
    if (!any) {
      chain.call("observability()");
    }
  }
}
