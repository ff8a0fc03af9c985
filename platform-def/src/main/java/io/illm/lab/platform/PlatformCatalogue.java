package io.illm.lab.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A hub a module offers {@code ./lab synth} and {@code ./lab render --platform}, found with {@link
 * java.util.ServiceLoader}: register an implementation in {@code
 * META-INF/services/io.illm.lab.platform.PlatformCatalogue}. The lab's own is {@code
 * io.illm.lab.examples.LabPlatform} (dsl-examples): {@link io.illm.lab.platform.hub.StandardHub}
 * with the lab's repository.
 */
public interface PlatformCatalogue {

  /** The hub, every object with its file under {@code platform/}. */
  Hub hub();

  /** Every hub definition the thread's class loader sees, in the order of their class names. */
  static List<PlatformCatalogue> onClasspath() {
    List<PlatformCatalogue> platforms = new ArrayList<>();
    ServiceLoader.load(PlatformCatalogue.class).forEach(platforms::add);
    platforms.sort(Comparator.comparing(c -> c.getClass().getName()));
    return platforms;
  }
}
