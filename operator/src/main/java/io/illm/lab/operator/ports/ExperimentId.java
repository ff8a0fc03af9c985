package io.illm.lab.operator.ports;

import java.util.Objects;

/**
 * Which experiment a port call is about: the owner of every child object, and what the ports label
 * children with so that they can be listed (and cleaned up) even when the status lost them.
 *
 * @param namespace the experiment's namespace
 * @param name the experiment's name, the root of every child's name
 */
public record ExperimentId(String namespace, String name) {

  public ExperimentId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
