package org.jgan.cli.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages (installed by ./run-tests
 * through scripts/install-deps), driven by Selenium. Paths are given explicitly so Selenium Manager never tries to
 * download a browser; the flags keep Chromium from calling home, which on a closed network floods it with retries.
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getProperty("jgan.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("jgan.chromedriver", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "dashboard-screenshots");

    private Browser() {
    }

    static ChromeDriver open(Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            // Fail, not skip: a browser test that silently skips proves nothing.
            throw new IllegalStateException("the dashboard's browser tests need " + CHROMIUM + " and " + DRIVER
                    + "; install them with: scripts/install-deps chromium chromium-driver (./run-tests does)");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return d;
    }

    /** Saves a screenshot of the whole page (resized to its height) under target/dashboard-screenshots. */
    static Path screenshot(ChromeDriver d, String name) throws IOException {
        Files.createDirectories(SHOTS);
        Object h = d.executeScript("return Math.min(4000, document.documentElement.scrollHeight)");
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1400, ((Number) h).intValue() + 20));
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Path out = SHOTS.resolve(name + ".png");
        Files.copy(f.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        return out;
    }
}
