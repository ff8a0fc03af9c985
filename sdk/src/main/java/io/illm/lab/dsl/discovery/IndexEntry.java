package io.illm.lab.dsl.discovery;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@value #INDEX}: a static member that holds or makes a definition, annotated (listed)
 * or not.
 *
 * <p>The line is {@code [unlisted-]experiment|component <binary class name>#<member>}, where the
 * member is {@code name()} for a method and {@code NAME} for a field.
 *
 * @param kind an experiment or a component
 * @param listed true when annotated ({@code @LabExperiment}, {@code @LabComponent}); false for a
 *     member that looks like a definition but is not annotated
 * @param className the binary name of the class the member is in ({@code Outer$Inner})
 * @param member {@code build()} for a method, {@code HELLO_APP} for a field
 */
public record IndexEntry(Kind kind, boolean listed, String className, String member) {

  /** Where the annotation processor writes the entries of a compiled module. */
  public static final String INDEX = "META-INF/illm-lab/definitions";

  /** The order of the lines: deterministic, whatever order the compiler saw the members in. */
  public static final Comparator<IndexEntry> ORDER = Comparator.comparing(IndexEntry::line);

  private static final Pattern LINE =
      Pattern.compile("(unlisted-)?(experiment|component) ([\\w.$]+)#(\\w+(?:\\(\\))?)");

  /** What a member defines. */
  public enum Kind {
    EXPERIMENT("experiment", "LabExperiment"),
    COMPONENT("component", "LabComponent");

    private final String word;
    private final String annotation;

    Kind(String word, String annotation) {
      this.word = word;
      this.annotation = annotation;
    }

    /** {@code experiment} or {@code component}. */
    public String word() {
      return word;
    }

    /** The annotation that lists a member of this kind, qualified. */
    public String annotation() {
      return "io.illm.lab.dsl." + annotation;
    }
  }

  /** The line as it is written. */
  public String line() {
    return (listed ? "" : "unlisted-") + kind.word + " " + className + "#" + member;
  }

  /** True for a method, false for a field. */
  public boolean isMethod() {
    return member.endsWith("()");
  }

  /** The class as Java source names it: {@code Outer.Inner}. */
  public String sourceClassName() {
    return className.replace('$', '.');
  }

  /** Where a definition comes from, for messages: {@code com.acme.HelloApp.build()}. */
  public String origin() {
    return sourceClassName() + "." + member;
  }

  /** The entry a line holds; empty for a blank line or a comment. */
  public static Optional<IndexEntry> parse(String line) {
    String text = line.strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return Optional.empty();
    }
    Matcher m = LINE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an index line: " + text);
    }
    Kind kind = "experiment".equals(m.group(2)) ? Kind.EXPERIMENT : Kind.COMPONENT;
    return Optional.of(new IndexEntry(kind, m.group(1) == null, m.group(3), m.group(4)));
  }
}
