package io.illm.lab.platform;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.synth.Synth;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A hub being defined: its objects, each with the file it is written to, and the plain files that
 * go with them (the bootstrap Helm values). {@link #files} is what {@code ./lab synth} writes;
 * {@link #inSyncOrder} what {@code ./lab render --platform} prints.
 */
public final class Hub {

  private final List<HubObject> objects = new ArrayList<>();
  private final SortedMap<String, String> plainFiles = new TreeMap<>();

  /** Adds {@code object}, written to {@code path} (under the lab root). */
  public Hub add(String path, HasMetadata object) {
    objects.add(new HubObject(path, object));
    return this;
  }

  /** Adds a file that is not a Kubernetes object (its content, without the synth header). */
  public Hub addFile(String path, String content) {
    plainFiles.put(path, content);
    return this;
  }

  /** Every object, in the order added. */
  public List<HubObject> objects() {
    return List.copyOf(objects);
  }

  /**
   * The objects as ArgoCD applies them: by sync wave, then (as ArgoCD does within a wave)
   * Namespaces and CRD-defining packages first, then by kind and name.
   */
  public List<HubObject> inSyncOrder() {
    List<HubObject> sorted = new ArrayList<>(objects);
    sorted.sort(
        Comparator.comparingInt(HubObject::wave)
            .thenComparing(o -> o.object().getKind().equals("Namespace") ? 0 : 1)
            .thenComparing(o -> o.object().getKind())
            .thenComparing(o -> String.valueOf(o.object().getMetadata().getNamespace()))
            .thenComparing(o -> o.object().getMetadata().getName()));
    return sorted;
  }

  /**
   * Every file: path to content, each object in a file of its own with the synth header, sorted.
   *
   * @throws IllegalStateException when two objects or files share a path
   */
  public SortedMap<String, String> files(String source) {
    SortedMap<String, String> files = new TreeMap<>();
    Map<String, String> seen = new HashMap<>();
    String header = Synth.header(source);
    for (HubObject object : objects) {
      String before = seen.putIfAbsent(object.path(), object.label());
      if (before != null) {
        throw new IllegalStateException(
            object.label() + " and " + before + " would share " + object.path());
      }
      files.put(object.path(), header + LabYaml.write(object.object()));
    }
    plainFiles.forEach(
        (path, content) -> {
          if (files.putIfAbsent(path, header + content) != null) {
            throw new IllegalStateException("two files would be written to " + path);
          }
        });
    return files;
  }
}
