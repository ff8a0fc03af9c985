package io.illm.lab.examples;

import io.illm.lab.platform.Hub;
import io.illm.lab.platform.PlatformCatalogue;
import io.illm.lab.platform.hub.HubParameters;
import io.illm.lab.platform.hub.StandardHub;

/**
 * The lab's own hub (registered for ServiceLoader): the standard hub following this repository's
 * main branch. A fork changes {@link #REPOSITORY} (and its clouds with {@link HubParameters}), then
 * runs {@code ./lab synth}.
 */
public final class LabPlatform implements PlatformCatalogue {

  /** The repository the hub syncs platform/, generated-crds/, components/ and experiments/ from. */
  public static final String REPOSITORY = "https://github.com/illm-lab/illm-lab.git";

  @Override
  public Hub hub() {
    return StandardHub.of(HubParameters.defaults(REPOSITORY));
  }
}
