package org.jgan.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jgan.cli.Main;
import org.jgan.cli.dashboard.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path tmp;

    int run(String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void htmlIsSelfContainedAndShowsTheRunsNumbers() throws Exception {
        Path run = ReportFixtures.run(tmp, "r1", 200);
        ReportFixtures.appendLine(run, "{\"step\":200,\"alarm\":\"<script>alert(1)</script>\",\"time\":1}");
        Path out = tmp.resolve("out/report.html");
        assertEquals(0, run("report", "--run", run.toString(), "--out", out.toString()));
        String html = Files.readString(out);
        assertFalse(html.contains("<script"), "no scripts, and the alarm text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing loads from anywhere");
        assertTrue(html.contains(ReportFixtures.lossD(200)), "newest Loss/D");
        assertTrue(html.contains("23.46 (step 200)"), "best FID");
        // Three training charts, four metric charts, the newest grid and a strip of four grids, all inlined.
        Matcher m = Pattern.compile("src=\"data:image/png;base64,").matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
        }
        assertEquals(3 + 4 + 1 + 4, images);
    }

    @Test
    void pngHasTheCurvesAndTheNewestGrid() throws Exception {
        Path run = ReportFixtures.run(tmp, "r1", 200);
        Path out = tmp.resolve("report.png");
        assertEquals(0, run("report", "--run", run.toString(), "--out", out.toString()));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(PngReport.WIDTH, img.getWidth());
        assertEquals(PngReport.HEIGHT, img.getHeight());
        assertTrue(count(img, 0, 84, 1000, 410, 0xdc2626) > 200, "the Loss/G curve, in red");
        int gridColor = ReportFixtures.sampleColor(200);
        assertTrue(count(img, 1000, 96, 600, 560, gridColor) > 10_000, "the newest grid, scaled up");
    }

    @Test
    void survivesACorruptLineAndAMissingNewestGrid() throws Exception {
        Path run = ReportFixtures.run(tmp, "r1", 200);
        ReportFixtures.appendLine(run, "{\"step\": 205, \"Loss/D\": broken");
        Files.delete(run.resolve("samples/step-000200.png"));
        Files.write(run.resolve("samples/step-000250.png"), new byte[] {1, 2, 3});
        Path html = tmp.resolve("r.html");
        assertEquals(0, run("report", "--run", run.toString(), "--out", html.toString()));
        String text = Files.readString(html);
        assertTrue(text.contains("1 line of stats.jsonl could not be read and was skipped."));
        assertTrue(text.contains("The newest grid is missing."), "step 250 is not a PNG");
        assertEquals(0, run("report", "--run", run.toString(), "--out", tmp.resolve("r.png").toString()));
        assertTrue(Files.size(tmp.resolve("r.png")) > 10_000);
    }

    @Test
    void aFolderThatIsNoRunIsAUserError() {
        assertEquals(2, run("report", "--run", tmp.toString(), "--out", tmp.resolve("x.html").toString()));
        assertEquals(2, run("report", "--run", tmp.resolve("nope").toString(), "--out", "x.html"));
    }

    private static int count(BufferedImage img, int x0, int y0, int w, int h, int rgb) {
        Color want = new Color(rgb);
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                Color c = new Color(img.getRGB(x, y));
                if (Math.abs(c.getRed() - want.getRed()) + Math.abs(c.getGreen() - want.getGreen())
                        + Math.abs(c.getBlue() - want.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
