package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.model.Experiment;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Which updates of an Experiment are worth a turn: a spec edit (generation), an annotation (the
 * manual-completion signal), the finalizer, deletion. Not our own status patches: they would turn
 * again for nothing. JOSDK's generation filter alone would also hide the annotation, so the
 * controller runs with it off and this filter instead.
 */
final class UserEdits implements OnUpdateFilter<Experiment> {

  @Override
  public boolean accept(Experiment newer, Experiment older) {
    ObjectMeta a = newer.getMetadata();
    ObjectMeta b = older.getMetadata();
    return !Objects.equals(a.getGeneration(), b.getGeneration())
        || !Objects.equals(a.getAnnotations(), b.getAnnotations())
        || !Objects.equals(a.getFinalizers(), b.getFinalizers())
        || !Objects.equals(a.getDeletionTimestamp(), b.getDeletionTimestamp());
  }
}
