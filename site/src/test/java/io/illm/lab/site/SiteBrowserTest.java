package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built site in Debian's headless Chromium, driven by Selenium through Debian's chromedriver
 * and served over loopback HTTP: pages load without console errors, every chart draws an SVG with
 * the expected marks, the filters work, and a screenshot of each page is kept under
 * target/screenshots.
 */
class SiteBrowserTest {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  private static Path work;
  private static HttpServer server;
  private static ChromeDriver driver;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    // A missing browser fails, never skips: a skip would hide a CI machine that lacks the install
    // step.
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(binary))) {
        fail(
            binary
                + " is missing; the browser test needs Debian's chromium and chromedriver: "
                + INSTALL);
      }
    }
    work = Files.createTempDirectory("site-browser");
    Path site = work.resolve("site");
    SiteBuilder.Site built = SiteBuilder.build(List.of(SampleSummaries.results(work)), site);
    assertEquals(List.of(), built.problems());
    server = serve(site);
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--user-data-dir=" + work.resolve("profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop(0);
    }
    if (work != null) {
      try (var paths = Files.walk(work)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  void theIndexListsEveryRunAndFilters() {
    open("index.html", "index");
    assertEquals(4, driver.findElements(By.cssSelector("#runs tbody tr")).size());
    assertEquals(List.of("Demos", "Other"), visibleHeadings());
    assertEquals(
        "Demos: 2 run(s), by experiment and run",
        driver.findElement(By.cssSelector("#runs caption")).getText());
    new Select(driver.findElement(By.cssSelector("select[data-filter=verdict]")))
        .selectByValue("invalidated");
    assertEquals(2, visibleRows());
    // both invalidated runs are latency-vs-memory's: the Demos heading goes with its last run
    assertEquals(List.of("Other"), visibleHeadings());
    new Select(driver.findElement(By.cssSelector("select[data-filter=data]")))
        .selectByValue("simulated");
    assertEquals(0, visibleRows());
    assertEquals("0 of 4 runs shown", driver.findElement(By.id("shown")).getText());
    new Select(driver.findElement(By.cssSelector("select[data-filter=verdict]"))).selectByValue("");
    new Select(driver.findElement(By.cssSelector("select[data-filter=tags]")))
        .selectByValue(SampleSummaries.HOSTILE);
    assertEquals(1, visibleRows());
    noErrors("index");
  }

  @Test
  void aMultiTargetRunDrawsBarsIntervalsThresholdsAndLines() {
    open("experiments/latency-vs-memory/20261120T100100Z-aaaa1111.html", "run-multi-target");
    Map<String, Long> p99 = marks("metric-p99_latency");
    assertEquals(3L, p99.get("bars"), "a bar per target: " + p99);
    assertEquals(3L, p99.get("ci"), "an interval per target: " + p99);
    assertEquals(2L, p99.get("thresholds"), "a rule per threshold: " + p99);
    Map<String, Long> rss = marks("metric-memory_rss");
    assertEquals(6L, rss.get("lines"), "a line per series: " + rss);
    assertEquals(3L, rss.get("band"), "a band per target (its two pods): " + rss);
    assertEquals(1L, rss.get("thresholds"), rss.toString());
    assertTrue(
        driver
            .findElement(By.cssSelector("#metric-p99_latency table caption"))
            .getText()
            .startsWith("p99 request latency"));
    assertEquals(3, driver.findElements(By.cssSelector("#verdict table tbody tr")).size());
    noErrors("run-multi-target");
  }

  @Test
  void aSimulatedRunShowsItsBannerAndASingleBar() {
    open("experiments/hello-sim/20261120T100100Z-cccc3333.html", "run-simulated");
    assertTrue(
        driver.findElement(By.cssSelector(".banner.simulated")).getText().startsWith("SIMULATED"));
    Map<String, Long> up = marks("metric-targets_up");
    assertEquals(1L, up.get("bars"), up.toString());
    assertEquals(0L, up.get("ci"), "no interval from one value: " + up);
    assertEquals(1L, up.get("thresholds"), up.toString());
    assertEquals(
        SampleSummaries.HOSTILE + " (targets_up)",
        title("metric-targets_up"),
        "user text drawn as text");
    noErrors("run-simulated");
  }

  @Test
  void aFailedRunWithoutMetricsHasNoChart() {
    open("experiments/hello-sim/20261122T100100Z-dddd4444.html", "run-failed");
    assertEquals(0, driver.findElements(By.cssSelector(".chart")).size());
    assertTrue(
        driver.findElement(By.id("metrics")).getText().contains("No metrics were collected"));
    noErrors("run-failed");
  }

  @Test
  void theComparisonPageDrawsAPointPerRunAndTarget() {
    open("experiments/latency-vs-memory/index.html", "comparison");
    Map<String, Long> p99 = marks("metric-p99_latency");
    assertEquals(6L, p99.get("points"), "2 runs x 3 targets: " + p99);
    assertEquals(3L, p99.get("trend"), "a line per target: " + p99);
    assertEquals(2L, p99.get("thresholds"), p99.toString());
    assertEquals(
        6, driver.findElements(By.cssSelector("#metric-p99_latency table tbody tr")).size());
    noErrors("comparison");
  }

  private static void open(String page, String screenshot) {
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.get(base + page);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                "done"
                    .equals(
                        ((JavascriptExecutor) d)
                            .executeScript("return document.body.dataset.charts")));
    long height = (Long) js("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, 8000)));
    try {
      Files.write(
          SCREENSHOTS.resolve(screenshot + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Per named layer of the chart in section {@code id}: how many SVG items it drew (-1: the chart
   * failed).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> marks(String id) {
    Object rendered = js("return document.querySelector('#" + id + " .chart').dataset.rendered");
    assertEquals("true", rendered, id + " did not render");
    assertEquals(1L, js("return document.querySelectorAll('#" + id + " .chart svg').length"), id);
    return (Map<String, Long>)
        js(
            "var counts = {};"
                + "['bars','ci','thresholds','threshold_labels','lines','band','points','trend'].forEach(function (n) {"
                + "  var groups = document.querySelectorAll('#"
                + id
                + " .chart g.role-mark.' + n + '_marks');"
                + "  var total = 0; groups.forEach(function (g) { total += g.children.length; });"
                + "  counts[n] = total; });"
                + "return counts;");
  }

  private static String title(String id) {
    return (String)
        js(
            "return document.querySelector('#"
                + id
                + " .chart g.role-title-text text').textContent");
  }

  private static List<String> visibleHeadings() {
    return driver.findElements(By.cssSelector("#runs h2")).stream()
        .filter(h -> h.isDisplayed())
        .map(h -> h.getText())
        .toList();
  }

  private static long visibleRows() {
    return driver.findElements(By.cssSelector("#runs tbody tr")).stream()
        .filter(r -> r.isDisplayed())
        .count();
  }

  private static void noErrors(String page) {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        problems.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    Object pageErrors = js("return window.siteErrors");
    assertEquals(List.of(), problems, page + ": console");
    assertEquals(List.of(), pageErrors, page + ": page errors");
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static HttpServer serve(Path site) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/",
        exchange -> {
          Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          byte[] body;
          int status = 200;
          if (file.startsWith(site) && Files.isRegularFile(file)) {
            body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file.toString()));
          } else {
            status = 404;
            body = "not found".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
    return http;
  }

  private static String contentType(String file) {
    if (file.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (file.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return file.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream";
  }
}
