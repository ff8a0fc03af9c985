package io.illm.lab.cli.mcp;

import io.illm.lab.cli.LabFiles;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.validate.ComponentCatalogue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What every tool works with: the lab checkout (experiments/, components/, generated-crds/, docs/),
 * extra component folders, where runs are kept and the site is built, the kubeconfig cluster tools
 * read, the safety policy and the clock.
 *
 * @param files the lab checkout
 * @param catalogues more component folders besides {@code components/}
 * @param kubeconfig the kubeconfig to use; empty for $KUBECONFIG, else ~/.kube/config
 * @param policy what beyond reading and simulating is allowed
 * @param clock the clock of records written (analyses)
 */
record Lab(
    LabFiles files, List<Path> catalogues, Optional<Path> kubeconfig, Policy policy, Clock clock) {

  Lab {
    catalogues = List.copyOf(catalogues);
  }

  Path root() {
    return files.root();
  }

  /** Where runs are kept: {@code <root>/.lab/results}, as {@code ./lab run} keeps them. */
  Path results() {
    return root().resolve(FolderResultsStore.DEFAULT_FOLDER);
  }

  /** Where the site is built: {@code <root>/.lab/site}. */
  Path site() {
    return root().resolve(".lab").resolve("site");
  }

  /** Scratch space for texts given as arguments. */
  Path scratch() {
    return root().resolve(".lab").resolve("mcp");
  }

  /** The components of {@code components/} and the extra folders. */
  ComponentCatalogue catalogue() {
    return files.catalogue(catalogues);
  }
}
