package org.jgan.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.image.ImageGrid;

/**
 * {@code jgan report --format png}: one image to paste into a chat or a paper draft: the run's name and headline
 * numbers, the loss and D-output curves on the left, the newest sample grid (and FID, when evaluated) on the right.
 */
public final class PngReport {
    static final int WIDTH = 1600;
    static final int HEIGHT = 920;
    private static final int LEFT = 1000;

    private PngReport() {
    }

    public static void write(RunReport r, Path out) throws IOException {
        ImageGrid.writePng(render(r), out);  // atomically: ImageIO's own file writer deletes first, prints traces
    }

    static BufferedImage render(RunReport r) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0x111827));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        g.drawString(r.name(), 24, 38);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.setColor(new Color(0x4b5563));
        StringBuilder sub = new StringBuilder(Summary.line(r.details()));
        for (String[] t : Summary.tiles(r.details())) {
            sub.append("   ").append(t[0]).append(" ").append(t[1]);
        }
        g.drawString(sub.toString(), 24, 64);
        List<String> keys = RunReport.keys(r.stats());
        drawOrNote(g, ReportCharts.draw("Losses", r.stats(), ReportCharts.group(keys, "losses"), LEFT, 410),
                0, 84, "no stats yet");
        drawOrNote(g, ReportCharts.draw("D(x) on real, D(G(z)) on fake", r.stats(),
                ReportCharts.group(keys, "scores"), LEFT, 410), 0, 500, "");
        grid(g, r);
        g.dispose();
        return img;
    }

    private static void grid(Graphics2D g, RunReport r) {
        List<Long> steps = r.sampleSteps();
        BufferedImage grid = steps.isEmpty() ? null : r.sampleImage(steps.get(steps.size() - 1));
        boolean fid = RunReport.keys(r.metrics()).contains("fid");
        int box = fid ? 520 : 560;
        int x0 = LEFT + (WIDTH - LEFT - box) / 2;
        int y0 = 96;
        g.setColor(new Color(0x111827));
        g.fillRect(x0, y0, box, box);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        if (grid == null) {
            g.setColor(Color.LIGHT_GRAY);
            g.drawString(steps.isEmpty() ? "no sample grid yet" : "the newest grid is missing", x0 + 20, y0 + 40);
        } else {
            // Whole-pixel scaling with nearest neighbour keeps 28x28 samples crisp instead of blurred.
            double scale = Math.min((box - 16.0) / grid.getWidth(), (box - 16.0) / grid.getHeight());
            if (scale >= 1) {
                scale = Math.floor(scale);
            }
            int w = (int) (grid.getWidth() * scale);
            int h = (int) (grid.getHeight() * scale);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale >= 1
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(grid, x0 + (box - w) / 2, y0 + (box - h) / 2, w, h, null);
        }
        g.setColor(new Color(0x4b5563));
        if (!steps.isEmpty()) {
            g.drawString("samples at step " + steps.get(steps.size() - 1), x0, y0 + box + 22);
        }
        if (fid) {
            BufferedImage chart = ReportCharts.draw("FID", r.metrics(), List.of("fid"), WIDTH - LEFT, 250);
            drawOrNote(g, chart, LEFT, HEIGHT - 262, "");
        } else if (steps.size() > 1) {
            strip(g, r, Summary.spread(steps, 4), x0, y0 + box + 40, box);
        }
    }

    /** Earlier grids in a row, so the image shows whether samples improved (or collapsed). */
    private static void strip(Graphics2D g, RunReport r, List<Long> picks, int x0, int y0, int width) {
        int gap = 12;
        int size = (width - gap * (picks.size() - 1)) / picks.size();
        for (int i = 0; i < picks.size(); i++) {
            int x = x0 + i * (size + gap);
            BufferedImage img = r.sampleImage(picks.get(i));
            g.setColor(new Color(0x111827));
            g.fillRect(x, y0, size, size);
            if (img != null) {
                double scale = Math.min((double) size / img.getWidth(), (double) size / img.getHeight());
                int w = (int) (img.getWidth() * scale);
                int h = (int) (img.getHeight() * scale);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, x + (size - w) / 2, y0 + (size - h) / 2, w, h, null);
            }
            g.setColor(new Color(0x4b5563));
            g.drawString("step " + picks.get(i), x, y0 + size + 18);
        }
    }

    private static void drawOrNote(Graphics2D g, BufferedImage chart, int x, int y, String note) {
        if (chart != null) {
            g.drawImage(chart, x, y, null);
        } else if (!note.isEmpty()) {
            g.setColor(Color.GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            g.drawString(note, x + 40, y + 60);
        }
    }
}
