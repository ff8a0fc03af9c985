package io.illm.lab.dsl;

import io.illm.lab.model.Tutorial;
import io.illm.lab.model.TutorialService;
import java.util.ArrayList;
import java.util.List;

/**
 * A hands-on tutorial: the target clusters' kubeconfigs for the learner and the services to open,
 * which the operator lists in {@code status.tutorial} once the clusters are ready. Made with {@link
 * Lab#tutorial()}; the services' targets and names are checked by the rules at {@code build()}.
 */
public final class TutorialDef {

  private Boolean exposeKubeconfig;
  private final List<TutorialService> services = new ArrayList<>();

  TutorialDef() {}

  /**
   * Write each cloud target's kubeconfig into a Secret in the experiment's namespace once it is
   * ready; {@code ./lab run} and {@code ./lab submit} print the command that fetches it.
   *
   * <p>Default: not written.
   */
  public TutorialDef exposeKubeconfig() {
    this.exposeKubeconfig = true;
    return this;
  }

  /**
   * A Service to open, in the namespace the target's components are deployed in (the experiment's
   * name).
   *
   * @param name what the learner calls it, e.g. grafana; unique in the tutorial
   * @param target the target whose cluster runs it
   * @param service the Service's name, e.g. kube-prometheus-stack-grafana
   * @param port the Service port to open
   */
  public TutorialDef service(String name, String target, String service, int port) {
    return service(name, target, service, null, port, null);
  }

  /**
   * A Service to open, with its namespace and a path; a null namespace is the experiment's name, a
   * null path none.
   */
  public TutorialDef service(
      String name, String target, String service, String namespace, int port, String path) {
    services.add(new TutorialService(name, target, service, namespace, port, path));
    return this;
  }

  Tutorial tutorial() {
    return new Tutorial(
        exposeKubeconfig,
        services.isEmpty()
            ? null
            : services.stream()
                .map(
                    s ->
                        new TutorialService(
                            s.getName(),
                            s.getTarget(),
                            s.getService(),
                            s.getNamespace(),
                            s.getPort(),
                            s.getPath()))
                .toList());
  }
}
