package dev.datamesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestDirs;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import dev.datamesh.topics.GatewayStatsEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The catalog web page in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): the list, a product page and its lineage graph drawn by cytoscape. Screenshots
 * go to {@code target/screenshots/}. Without Chromium the test fails, unless {@code
 * -Dmesh.skipBrowserTests=true} says to skip it.
 */
class CatalogPageIT {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String CHROMIUM = System.getProperty("mesh.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("mesh.chromedriver", "/usr/bin/chromedriver");

  @Test
  void theCatalogListsProductsAndAProductPageDrawsItsLineageGraph() throws Exception {
    WebDriver browser = browser();
    LineageFixture fixture = new LineageFixture(TestKafka.shared());
    String upstream = TestTopics.uniqueProduct("orders", "placed");
    String product = TestTopics.uniqueProduct("analytics", "revenue");
    String consumer = TestTopics.unique("finance-dashboard");
    try (FakeRegistry registry = new FakeRegistry()) {
      registry.register(TestContracts.registered(upstream));
      registry.register(TestContracts.registered(product, "1.0.0", "1h", List.of(upstream)));
      try (TestServices.RunningService service = fixture.start(registry.url())) {
        Instant now = Instant.now();
        fixture.sendStats(
            new GatewayStatsEvent(
                product, "gw", now.minusSeconds(5), now, 120, 1200, 3, Map.of(), now));
        consume(fixture.kafka, product + ".certified", consumer);
        await()
            .atMost(WAIT)
            .until(
                () ->
                    LineageFixture.get(service.url() + "/api/products/" + product + "/consumers")
                        .body()
                        .contains(consumer));

        browser.get(service.url() + "/");
        await()
            .atMost(WAIT)
            .until(
                () ->
                    !browser
                        .findElements(
                            By.cssSelector("tr.product-row[data-product='" + product + "']"))
                        .isEmpty());
        screenshot(browser, "catalog-products.png");

        browser
            .findElement(By.cssSelector("tr.product-row[data-product='" + product + "'] a"))
            .click();
        await().atMost(WAIT).until(() -> graphNodes(browser) >= 5);
        @SuppressWarnings("unchecked")
        List<String> ids =
            (List<String>)
                ((JavascriptExecutor) browser)
                    .executeScript("return window.meshGraph.nodes().map(n => n.id());");
        assertThat(ids)
            .contains(
                product,
                upstream,
                "group:" + consumer,
                "topic:" + product + ".raw",
                "topic:" + product + ".dlq");
        assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo("analytics-team");
        assertThat(browser.findElement(By.id("certified")).getText()).isEqualTo("120");
        assertThat(browser.findElements(By.cssSelector("#schema tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("#graph canvas")).isDisplayed()).isTrue();
        Thread.sleep(500); // let the layout settle for the picture
        Path shot = screenshot(browser, "catalog-product.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        browser.get(service.url() + "/#/lineage");
        await().atMost(WAIT).until(() -> graphNodes(browser) >= 3);
        screenshot(browser, "catalog-lineage.png");
      }
    } finally {
      browser.quit();
    }
  }

  private static WebDriver browser() throws Exception {
    boolean skip = Boolean.getBoolean("mesh.skipBrowserTests");
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    Assumptions.assumeFalse(skip, "browser tests skipped on purpose: -Dmesh.skipBrowserTests=true");
    if (!present) {
      fail(
          "Chromium is needed for the catalog page test: install the Debian packages 'chromium' and"
              + " 'chromium-driver' ("
              + CHROMIUM
              + ", "
              + DRIVER
              + "; .ci/run does), or run with"
              + " -Dmesh.skipBrowserTests=true to skip browser tests on purpose.");
    }
    Path profile = TestDirs.create("mesh-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1100",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return driver;
  }

  private static long graphNodes(WebDriver browser) {
    Object n =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return window.meshGraph && document.getElementById('graph') ? window.meshGraph.nodes().length : 0;");
    return n instanceof Number number ? number.longValue() : 0;
  }

  private static Path screenshot(WebDriver browser, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  private static void consume(TestKafka kafka, String topic, String group) throws Exception {
    KafkaTestClients.createTopics(kafka, 1, topic);
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      producer.send(new ProducerRecord<>(topic, new byte[] {1})).get();
    }
    try (KafkaConsumer<byte[], byte[]> c = KafkaTestClients.consumer(kafka, group)) {
      c.subscribe(Set.of(topic));
      await().atMost(WAIT).until(() -> !c.poll(Duration.ofMillis(200)).isEmpty());
      c.commitSync();
    }
  }
}
