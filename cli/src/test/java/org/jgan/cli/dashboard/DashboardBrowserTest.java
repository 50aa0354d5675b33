package org.jgan.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end in headless Chromium: the pages show the numbers and images that are in the run folders,
 * a new stats line and a new grid appear without a reload, and a corrupt line or a missing PNG does not break a page.
 */
class DashboardBrowserTest {
    @TempDir
    static Path tmp;
    static Path runs;
    static RunFixture a;
    static DashboardServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        runs = tmp.resolve("runs");
        a = RunFixture.create(runs, "a", "dcgan", 400, 200);
        a.appendMetrics(100, 41.25);
        a.appendMetrics(200, 23.4567);
        RunFixture.create(runs, "b", "vanilla", 100, 100);
        server = DashboardServer.start(runs, "127.0.0.1", 0);
        browser = Browser.open(tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    static Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    void openRun(String name, long lastStep) {
        browser.get(server.url() + "run/" + name);
        waitFor(d -> String.valueOf(lastStep).equals(js("return document.getElementById('chart-losses')"
                + ".dataset.lastStep")));
    }

    @Test
    void runsListShowsEachRunsRealNumbers() throws Exception {
        browser.get(server.url().toString());
        waitFor(d -> !d.findElements(By.cssSelector("tr[data-run='b']")).isEmpty());
        assertEquals("200 / 400", text("tr[data-run='a'] td.step"));
        assertEquals(RunFixture.fmt(23.4567), text("tr[data-run='a'] td.fid"));
        assertEquals("running", text("tr[data-run='a'] .badge"));
        assertEquals("vanilla", browser.findElements(By.cssSelector("tr[data-run='b'] td")).get(2).getText());
        assertEquals("finished", text("tr[data-run='b'] .badge"));
        Browser.screenshot(browser, "runs-list");
    }

    @Test
    void runPageShowsCurvesGridsMetricsAndConfig() throws Exception {
        openRun("a", 200);
        assertEquals(RunFixture.fmt(RunFixture.lossD(200)), text(".tile[data-key='Loss/D'] .tile-value"));
        assertEquals(RunFixture.fmt(RunFixture.lossG(200)), text(".tile[data-key='Loss/G'] .tile-value"));
        assertEquals(RunFixture.fmt(23.4567), text(".tile[data-key='bestFid'] .tile-value"));
        // What the loss chart draws is what stats.jsonl holds.
        assertEquals(List.of("step", "Loss/D", "Loss/G"), js("return jganCharts.losses.series.map(s => s.label)"));
        assertEquals(20L, js("return jganCharts.losses.data[0].length"));
        assertEquals(RunFixture.lossG(200), ((Number) js("return jganCharts.losses.data[2][19]")).doubleValue());
        assertEquals(List.of("step", "D(x)", "D(G(z))"), js("return jganCharts.scores.series.map(s => s.label)"));
        // The newest grid is shown, and the slider goes back to the first.
        waitFor(d -> Long.valueOf(RunFixture.sampleWidth(200)).equals(js("return document.getElementById"
                + "('sample-img').naturalWidth")));
        assertTrue(text("#sample-caption").startsWith("step 200 (latest)"), text("#sample-caption"));
        js("const s = document.getElementById('sample-slider'); s.value = 0;"
                + "s.dispatchEvent(new Event('input'));");
        waitFor(d -> Long.valueOf(RunFixture.sampleWidth(50)).equals(js("return document.getElementById"
                + "('sample-img').naturalWidth")));
        assertTrue(text("#sample-caption").startsWith("step 50"));
        // metrics.jsonl: one chart per key, unknown keys included.
        for (String k : new String[] {"fid", "kid", "coverage", "precision_k5"}) {
            assertEquals(2L, js("return jganCharts['metric:" + k + "'].data[0].length"), k);
        }
        assertTrue(text("#config").contains("model.name\ndcgan") || text("#config").contains("model.name dcgan"));
        assertTrue(text("#provenance").contains("6e61a3d66c0b4c40"));
        js("const s = document.getElementById('sample-slider'); s.value = s.max;"
                + "s.dispatchEvent(new Event('input'));");
        Browser.screenshot(browser, "run-page");
    }

    @Test
    void aNewStepAndANewGridAppearWithoutReload() throws Exception {
        RunFixture live = RunFixture.create(runs, "live", "dcgan", 1000, 100);
        openRun("live", 100);
        List<Long> latencies = new ArrayList<>();
        for (long step = 110; step <= 150; step += 10) {
            // The page stamps the moment its chart shows the step; both clocks are this machine's.
            js("window.__seen = 0; const h = document.getElementById('chart-losses');"
                    + "new MutationObserver((m, o) => { if (h.dataset.lastStep === arguments[0]) {"
                    + " window.__seen = Date.now(); o.disconnect(); } }).observe(h, {attributes: true});",
                    String.valueOf(step));
            long t0 = System.currentTimeMillis();
            live.appendStats(step);
            waitFor(d -> ((Number) js("return window.__seen")).longValue() > 0);
            latencies.add(((Number) js("return window.__seen")).longValue() - t0);
        }
        latencies.sort(null);
        System.out.println("dashboard latency, stats line appended -> drawn in Chromium (ms): " + latencies);
        assertTrue(latencies.get(latencies.size() / 2) < 2000, "median latency " + latencies);
        assertEquals(RunFixture.fmt(RunFixture.lossG(150)), text(".tile[data-key='Loss/G'] .tile-value"));
        assertEquals("step 150 / 1000", text("#subtitle").split(" \u00b7 ")[1]);
        live.writeSample(150);
        waitFor(d -> Long.valueOf(RunFixture.sampleWidth(150)).equals(js("return document.getElementById"
                + "('sample-img').naturalWidth")));
        assertTrue(text("#sample-caption").startsWith("step 150 (latest)"));
        live.appendLine("{\"step\":150,\"alarm\":\"D wins: D(G(z)) < 0.05 for 500 steps\",\"time\":1}");
        waitFor(d -> text("#alarms").contains("D wins"));
        assertEquals("1", text("#alarm-count"));
        Browser.screenshot(browser, "run-page-live");
    }

    @Test
    void survivesACorruptLineAndMissingOrBrokenGrids() throws Exception {
        RunFixture broken = RunFixture.create(runs, "broken", "dcgan", 400, 100);
        broken.appendLine("{\"step\": 105, \"Loss/D\": 0.5, \"Loss/G\"");
        broken.appendStats(110);
        Files.write(broken.sample(100), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        openRun("broken", 110);
        assertTrue(text("#warnings").contains("1 line of stats.jsonl could not be read and was skipped"));
        // The newest grid is a broken file: the page says so instead of showing a broken image.
        waitFor(d -> d.findElement(By.id("sample-missing")).isDisplayed());
        assertTrue(text("#sample-missing").contains("step 100 is missing"), text("#sample-missing"));
        assertEquals("(2 grids)", text("#sample-count"));
        // A grid deleted while the page is open (a pruned or half-deleted run) leaves the list, live.
        Files.delete(broken.sample(50));
        waitFor(d -> "(1 grid)".equals(text("#sample-count")));
        assertEquals(1, browser.findElements(By.cssSelector("#sample-strip figure")).size());
        // And it keeps going live after another corrupt line.
        broken.appendLine("not json at all");
        broken.appendStats(120);
        waitFor(d -> "120".equals(js("return document.getElementById('chart-losses').dataset.lastStep")));
        waitFor(d -> text("#warnings").contains("2 lines of stats.jsonl"));
        Browser.screenshot(browser, "run-page-broken");
    }

    @Test
    void compareDrawsTwoRunsOnOneChart() throws Exception {
        browser.get(server.url() + "compare?runs=a,b");
        waitFor(d -> Boolean.TRUE.equals(js("return !!window.jganCharts['Loss/G']")));
        waitFor(d -> Long.valueOf(20).equals(js("return jganCharts['Loss/G'].data[0].length")));
        assertEquals(List.of("step", "a", "b"), js("return jganCharts['Loss/G'].series.map(s => s.label)"));
        // Steps 10..200 of a and 10..100 of b on one x axis: b has gaps after step 100.
        assertEquals(RunFixture.lossG(200), ((Number) js("return jganCharts['Loss/G'].data[1][19]")).doubleValue());
        assertEquals(RunFixture.lossG(100), ((Number) js("return jganCharts['Loss/G'].data[2][9]")).doubleValue());
        assertEquals(null, js("return jganCharts['Loss/G'].data[2][19]"));
        assertTrue(text("#chips").contains("vanilla"));
        Browser.screenshot(browser, "compare");
    }
}
