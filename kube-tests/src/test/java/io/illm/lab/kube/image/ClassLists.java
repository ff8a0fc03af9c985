package io.illm.lab.kube.image;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The class names of a JVM class list ({@code -XX:DumpLoadedClassList}), as the image ships them in
 * image/src/main/cds/operator.classlist: one name per line, sorted, without the list's ids, without
 * lambda proxies, hidden classes and classes of other loaders (which a static dump of JDK 17 takes
 * only with ids that change from run to run), so that the committed list changes only when the
 * classes do.
 */
final class ClassLists {

  private ClassLists() {}

  static SortedSet<String> names(List<String> lines) {
    SortedSet<String> names = new TreeSet<>();
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("@") || l.contains(" source:")) {
        continue;
      }
      String name = l.split("\\s+")[0];
      if (!name.contains("$$Lambda") && !name.contains("/0x")) {
        names.add(name);
      }
    }
    return names;
  }
}
