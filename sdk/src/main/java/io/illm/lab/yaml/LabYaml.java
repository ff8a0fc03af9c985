package io.illm.lab.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one place YAML is written and read.
 *
 * <p>Writing is deterministic: keys sorted (after each class's declared leading properties), no
 * nulls, no empty lists or maps, strings quoted only where YAML would read them as something else,
 * integral numbers without a fraction. The same object always gives the same bytes.
 *
 * <p>Reading is defensive: duplicate keys, alias bombs, very deep nesting and very large documents
 * are rejected by the parser before anything is built from them.
 */
public final class LabYaml {

  /** Documents larger than this are refused (code points). */
  public static final int MAX_DOCUMENT_CODE_POINTS = 2 * 1024 * 1024;

  /** Aliases per document; the lab's own YAML never uses any, so a handful is generous. */
  public static final int MAX_ALIASES = 20;

  /** Nesting depth; an experiment is about 8 levels deep. */
  public static final int MAX_NESTING_DEPTH = 64;

  private static final YAMLMapper WRITER = createWriter();
  private static final YAMLMapper READER = createReader();
  private static final YAMLMapper TRUSTED_READER = createTrustedReader();
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .addModule(numbers())
          .addMixIn(ObjectMeta.class, ObjectMetaOrder.class)
          .build();

  private LabYaml() {}

  /** The mapper that writes deterministic YAML; do not reconfigure it. */
  public static YAMLMapper writer() {
    return WRITER;
  }

  /** The mapper that reads YAML with the safety limits above; do not reconfigure it. */
  public static YAMLMapper reader() {
    return READER;
  }

  /** A JSON mapper with the same ordering and inclusion rules, for JSON output. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** The object as deterministic YAML, without a document start marker. */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one YAML document into a tree; the exception carries the line and column. */
  public static JsonNode readTree(String yaml) throws IOException {
    return READER.readTree(yaml);
  }

  /**
   * Parses a trusted YAML document (an upstream CRD shipped with the lab, not user input) without
   * the size and depth limits: Argo's Workflow CRD alone is over 3 MB.
   */
  public static JsonNode readTrustedTree(String yaml) throws IOException {
    return TRUSTED_READER.readTree(yaml);
  }

  /** Binds a tree to a model class, failing on unknown properties. */
  public static <T> T convert(JsonNode tree, Class<T> type) throws IOException {
    return READER.treeToValue(tree, type);
  }

  /** Parses a YAML document straight into a model class. */
  public static <T> T read(String yaml, Class<T> type) throws IOException {
    return READER.readValue(yaml, type);
  }

  private static YAMLMapper createWriter() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    return YAMLMapper.builder(factory)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // NON_EMPTY for properties, ALWAYS for map values: an empty string value in a map is data.
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
        .addModule(numbers())
        .addMixIn(ObjectMeta.class, ObjectMetaOrder.class)
        .build();
  }

  private static YAMLMapper createReader() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    return YAMLMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();
  }

  private static YAMLMapper createTrustedReader() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(1000);
    options.setCodePointLimit(64 * 1024 * 1024);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    return YAMLMapper.builder(factory).build();
  }

  private static SimpleModule numbers() {
    SimpleModule module = new SimpleModule("illm-lab-numbers");
    module.addSerializer(Double.class, new IntegralDoubleSerializer());
    module.addSerializer(double.class, new IntegralDoubleSerializer());
    return module;
  }

  /** Writes 250.0 as 250, so thresholds read in YAML the way they were written in Java. */
  private static final class IntegralDoubleSerializer extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    IntegralDoubleSerializer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      double d = value;
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        gen.writeNumber((long) d);
      } else {
        gen.writeNumber(d);
      }
    }
  }

  /** Identity first: name and namespace lead metadata. */
  @JsonPropertyOrder({"name", "generateName", "namespace", "labels", "annotations"})
  private abstract static class ObjectMetaOrder {}
}
