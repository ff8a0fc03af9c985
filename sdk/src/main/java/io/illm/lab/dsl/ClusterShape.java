package io.illm.lab.dsl;

import io.illm.lab.model.ClusterSpec;

/**
 * The cluster a target runs on: a cloud cluster the operator creates ({@link Lab#gke}, {@link
 * Lab#eks}, {@link Lab#aks}) or the hub itself ({@link Lab#hub()}). A hub has no machine shape, so
 * its type offers none of those methods.
 */
public abstract sealed class ClusterShape permits CloudCluster, HubCluster {

  ClusterShape() {}

  /** A fresh model object. */
  abstract ClusterSpec spec();
}
