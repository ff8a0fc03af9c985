package io.illm.lab.dsl.discovery;

import io.illm.lab.dsl.discovery.IndexEntry.Kind;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@value IndexEntry#INDEX} for the classes being compiled: every member annotated with
 * {@code @LabExperiment} or {@code @LabComponent}, and every member that looks like a definition
 * but is not annotated (a static method returning an Experiment, a static ComponentDef field), so
 * that {@code ./lab synth} can say it is left out. A member the catalogue could not call is a
 * compile error on that member.
 *
 * <p>Found by javac through {@code META-INF/services/javax.annotation.processing.Processor} in the
 * sdk jar; it reads every class compiled (hence {@code "*"}) and claims no annotation. Types are
 * compared by name, so it needs nothing but the JDK.
 */
@SupportedAnnotationTypes("*")
public final class DefinitionProcessor extends AbstractProcessor {

  private static final Map<Kind, Set<String>> TYPES =
      Map.of(
          Kind.EXPERIMENT,
          Set.of("io.illm.lab.model.Experiment", "io.illm.lab.dsl.ExperimentDef"),
          Kind.COMPONENT,
          Set.of("io.illm.lab.model.Component", "io.illm.lab.dsl.ComponentDef"));

  /** Unannotated members of these types are reported: what a definition usually is. */
  private static final Map<Kind, String> USUAL =
      Map.of(
          Kind.EXPERIMENT, "io.illm.lab.model.Experiment",
          Kind.COMPONENT, "io.illm.lab.dsl.ComponentDef");

  private final Set<IndexEntry> entries = new TreeSet<>(IndexEntry.ORDER);

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        scan(type);
      }
    }
    if (round.processingOver() && !entries.isEmpty()) {
      write();
    }
    return false;
  }

  private void scan(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement nested) {
        scan(nested);
      } else if (member.getKind() == ElementKind.METHOD || member.getKind() == ElementKind.FIELD) {
        member(type, member);
      }
    }
  }

  /** Indexes an annotated member (or rejects it), or notes a definition left unannotated. */
  private void member(TypeElement type, Element member) {
    List<Kind> annotated =
        member.getAnnotationMirrors().stream()
            .map(a -> a.getAnnotationType().toString())
            .flatMap(
                name -> List.of(Kind.values()).stream().filter(k -> k.annotation().equals(name)))
            .toList();
    if (annotated.size() > 1) {
      error(member, "a member is either an experiment or a component: keep one annotation");
      return;
    }
    if (annotated.size() == 1) {
      Kind kind = annotated.get(0);
      refusal(kind, member)
          .ifPresentOrElse(
              why -> error(member, why), () -> entries.add(entry(kind, true, type, member)));
      return;
    }
    unlisted(member).ifPresent(kind -> entries.add(entry(kind, false, type, member)));
  }

  /** Why the catalogue could not call an annotated member; empty when it can. */
  private Optional<String> refusal(Kind kind, Element member) {
    String annotation = "@" + kind.annotation().substring(kind.annotation().lastIndexOf('.') + 1);
    if (!member.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of(
          annotation
              + " needs a static member: the catalogue has no instance to call (make it static)");
    }
    if (member instanceof ExecutableElement method && !method.getParameters().isEmpty()) {
      return Optional.of(
          annotation
              + " needs a method without parameters: the catalogue has no arguments to pass");
    }
    String type = erasure(member);
    if (!TYPES.get(kind).contains(type)) {
      return Optional.of(
          annotation
              + " goes on a member of type "
              + String.join(" or ", new TreeSet<>(TYPES.get(kind)))
              + ", not "
              + type);
    }
    return Optional.empty();
  }

  /** The kind of definition an unannotated member looks like, if it looks like one. */
  private Optional<Kind> unlisted(Element member) {
    Set<Modifier> modifiers = member.getModifiers();
    if (!modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
      return Optional.empty();
    }
    if (member instanceof ExecutableElement method && !method.getParameters().isEmpty()) {
      return Optional.empty();
    }
    Kind kind = member.getKind() == ElementKind.METHOD ? Kind.EXPERIMENT : Kind.COMPONENT;
    return USUAL.get(kind).equals(erasure(member)) ? Optional.of(kind) : Optional.empty();
  }

  private String erasure(Element member) {
    TypeMirror type =
        member instanceof ExecutableElement method ? method.getReturnType() : member.asType();
    return processingEnv.getTypeUtils().erasure(type).toString();
  }

  private IndexEntry entry(Kind kind, boolean listed, TypeElement type, Element member) {
    String name = member.getSimpleName() + (member.getKind() == ElementKind.METHOD ? "()" : "");
    String binary = processingEnv.getElementUtils().getBinaryName(type).toString();
    return new IndexEntry(kind, listed, binary, name);
  }

  private void write() {
    try {
      FileObject file =
          processingEnv
              .getFiler()
              .createResource(StandardLocation.CLASS_OUTPUT, "", IndexEntry.INDEX);
      try (Writer out =
          new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        out.write(
            "# The definitions of this module, for ./lab; written by "
                + getClass().getName()
                + "\n");
        for (IndexEntry entry : entries) {
          out.write(entry.line() + "\n");
        }
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, "cannot write " + IndexEntry.INDEX + ": " + e.getMessage());
    }
  }

  private void error(Element member, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, member);
  }
}
