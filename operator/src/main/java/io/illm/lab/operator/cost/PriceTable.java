package io.illm.lab.operator.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.illm.lab.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Hourly list prices of machine shapes per provider, with the per-cluster control-plane fee and the
 * system nodes every cluster of a provider carries. Kept as data ({@value #RESOURCE}), dated and
 * sourced; see docs/judgment.md for how to update it.
 *
 * @param name a short label for results: which prices, as of when
 * @param date the day the prices were written down (ISO 8601)
 * @param source where they come from, and how far to trust them
 * @param providers gke, eks and aks
 */
public record PriceTable(
    String name, String date, String source, SortedMap<String, ProviderPrices> providers) {

  /** The table that ships with the operator. */
  public static final String RESOURCE = "/prices/prices.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private static volatile PriceTable bundled;

  public PriceTable {
    providers = providers == null ? new TreeMap<>() : new TreeMap<>(providers);
  }

  /**
   * One provider's prices.
   *
   * @param region the region the prices are for
   * @param controlPlanePerHour the fee per cluster per hour
   * @param systemNodes nodes every cluster has besides the requested ones
   * @param machines price per machine shape
   */
  public record ProviderPrices(
      String region,
      double controlPlanePerHour,
      SystemNodes systemNodes,
      SortedMap<String, MachinePrice> machines) {
    public ProviderPrices {
      machines = machines == null ? new TreeMap<>() : new TreeMap<>(machines);
    }
  }

  /**
   * The nodes a cluster has besides the requested node pool (on-demand).
   *
   * @param machineType their shape, priced in the same table (null when count is 0)
   * @param count how many (per zone for a regional GKE cluster)
   * @param why where they come from
   */
  public record SystemNodes(String machineType, int count, String why) {}

  /**
   * One machine shape, USD per node-hour.
   *
   * @param onDemand the on-demand price
   * @param spot the spot/preemptible price; null when the shape cannot run as spot
   */
  public record MachinePrice(double onDemand, Double spot) {}

  /** The prices of {@code provider}, or null when the table has none. */
  public ProviderPrices provider(Provider provider) {
    return providers.get(provider.value());
  }

  /** The table that ships with the operator, read once. */
  public static PriceTable bundled() {
    PriceTable table = bundled;
    if (table == null) {
      try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + ": not on the class path");
        }
        table = read("operator/src/main/resources" + RESOURCE, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = table;
    }
    return table;
  }

  /**
   * Reads and checks a table.
   *
   * @param file names the input in errors
   * @throws IllegalArgumentException listing every problem as {@code file: path: message}
   */
  public static PriceTable read(String file, InputStream json) throws IOException {
    PriceTable table;
    try {
      table = MAPPER.readValue(json, PriceTable.class);
    } catch (MismatchedInputException e) {
      String path =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
              .orElse("(document)");
      throw new IllegalArgumentException(file + ": " + path + ": " + e.getOriginalMessage());
    }
    List<String> problems = table.problems(file);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return table;
  }

  /** What is wrong with the table, as {@code file: path: message} lines. */
  List<String> problems(String file) {
    List<String> problems = new ArrayList<>();
    if (name == null || date == null || source == null) {
      problems.add(file + ": name, date and source are required (say where the numbers come from)");
    }
    for (Map.Entry<String, ProviderPrices> entry : providers.entrySet()) {
      String path = "providers." + entry.getKey();
      Provider provider = Provider.fromValue(entry.getKey());
      if (provider == null || provider == Provider.HUB) {
        problems.add(file + ": " + path + ": not a provider that creates clusters (gke, eks, aks)");
      }
      ProviderPrices prices = entry.getValue();
      if (!(prices.controlPlanePerHour() >= 0) || Double.isInfinite(prices.controlPlanePerHour())) {
        problems.add(file + ": " + path + ".controlPlanePerHour: must be a number >= 0");
      }
      prices
          .machines()
          .forEach(
              (shape, price) -> {
                String at = file + ": " + path + ".machines." + shape;
                if (!(price.onDemand() > 0) || Double.isInfinite(price.onDemand())) {
                  problems.add(at + ".onDemand: must be a number > 0");
                }
                if (price.spot() != null
                    && !(price.spot() > 0 && price.spot() <= price.onDemand())) {
                  problems.add(at + ".spot: must be > 0 and at most onDemand (or null: no spot)");
                }
              });
      SystemNodes system = prices.systemNodes();
      if (system == null || system.count() < 0) {
        problems.add(file + ": " + path + ".systemNodes: required, with count >= 0");
      } else if (system.count() > 0 && !prices.machines().containsKey(system.machineType())) {
        problems.add(
            file
                + ": "
                + path
                + ".systemNodes.machineType: "
                + system.machineType()
                + " is not priced in "
                + path
                + ".machines");
      }
    }
    return problems;
  }
}
