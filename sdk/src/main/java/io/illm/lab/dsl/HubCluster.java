package io.illm.lab.dsl;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;

/** The hub cluster itself: nothing is created, and it is used as it is. */
public final class HubCluster extends ClusterShape {

  HubCluster() {}

  @Override
  ClusterSpec spec() {
    ClusterSpec spec = new ClusterSpec();
    spec.setProvider(Provider.HUB);
    return spec;
  }
}
