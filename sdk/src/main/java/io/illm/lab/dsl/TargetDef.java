package io.illm.lab.dsl;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ObservabilitySpec;
import io.illm.lab.model.Target;
import io.illm.lab.model.Transport;
import io.illm.lab.rules.Findings;
import java.util.ArrayList;
import java.util.List;

/** A cluster and what is deployed on it; made with {@link Lab#target}. */
public final class TargetDef {

  private final String name;
  private ClusterShape cluster;
  private final List<Deployment> deployments = new ArrayList<>();
  private ObservabilitySpec observability;
  private final List<String> depends = new ArrayList<>();

  TargetDef(String name) {
    this.name = name;
  }

  /**
   * The cluster it runs on, e.g. {@code on(gke(GkeMachine.E2_STANDARD_4).spot())}; required.
   *
   * <p>Default: none; {@code build()} reports a target without a cluster.
   */
  public TargetDef on(ClusterShape cluster) {
    this.cluster = cluster;
    return this;
  }

  /**
   * Components to deploy, in order; repeat for more.
   *
   * <p>Default: nothing deployed (an empty cluster).
   */
  public TargetDef deploy(Deployable... components) {
    for (Deployable component : components) {
      deployments.add(component.deployment());
    }
    return this;
  }

  /**
   * Metrics backhaul to the hub: the operator deploys the metrics agent on this target.
   *
   * <p>Default: disabled; transport direct when enabled.
   */
  public TargetDef observability() {
    return observability(true, null);
  }

  /**
   * Metrics backhaul to the hub over a transport.
   *
   * <p>Default: disabled; transport direct when enabled.
   */
  public TargetDef observability(Transport transport) {
    return observability(true, transport);
  }

  /**
   * Metrics backhaul said in full, written even when disabled; {@code transport} may be null.
   *
   * <p>Default: disabled.
   */
  public TargetDef observability(boolean enabled, Transport transport) {
    this.observability = new ObservabilitySpec(enabled, transport);
    return this;
  }

  /**
   * Other targets whose components must be healthy before this target's are deployed.
   *
   * <p>Default: no dependencies (deployed as soon as its cluster is ready).
   */
  public TargetDef depends(String... targets) {
    depends.addAll(List.of(targets));
    return this;
  }

  String name() {
    return name;
  }

  List<Deployment> deployments() {
    return deployments;
  }

  Target target(Findings findings, String path) {
    List<ComponentRef> refs = new ArrayList<>();
    for (int i = 0; i < deployments.size(); i++) {
      Deployment deployment = deployments.get(i);
      for (Param<?> param : deployment.undeclared()) {
        findings.error(
            path + ".components[" + i + "].params[\"" + param.name() + "\"]",
            "component \"" + deployment.name() + "\" declares no parameter " + param,
            "declare it on the component with .parameter(...), or use .with(\""
                + param.name()
                + "\", value) for an undeclared Helm value");
      }
      refs.add(deployment.ref());
    }
    ObservabilitySpec obs =
        observability == null
            ? null
            : new ObservabilitySpec(observability.isEnabled(), observability.getTransport());
    return new Target(
        name,
        cluster == null ? null : cluster.spec(),
        refs.isEmpty() ? null : refs,
        obs,
        depends.isEmpty() ? null : new ArrayList<>(depends));
  }
}
