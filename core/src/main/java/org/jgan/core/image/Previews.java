package org.jgan.core.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Pictures of what is not a picture, for run folders and the dashboard: the first rows of a table as text, and a few
 * series windows as lines, one panel per feature. Plain Java 2D (headless), so the training loop can draw them
 * beside the CSV views of table and series runs.
 */
public final class Previews {
    private static final Color[] LINES = {new Color(0x2563eb), new Color(0xdc2626), new Color(0x16a34a),
            new Color(0x9333ea), new Color(0xea580c), new Color(0x0891b2)};

    private Previews() {
    }

    /** {@code header} and {@code rows} (cells as text) as a table image; long cells are cut at 18 characters. */
    public static BufferedImage table(List<String> header, List<List<String>> rows) {
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = fm.stringWidth(cut(header.get(c)));
            for (List<String> r : rows) {
                widths[c] = Math.max(widths[c], fm.stringWidth(cut(r.get(c))));
            }
        }
        int lineH = fm.getHeight() + 4;
        int w = 8;
        for (int x : widths) {
            w += x + 16;
        }
        BufferedImage img = new BufferedImage(Math.max(w, 40), lineH * (rows.size() + 1) + 8,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setFont(font);
        for (int r = -1; r < rows.size(); r++) {
            int y = 4 + lineH * (r + 1) + fm.getAscent() + 2;
            if (r == -1) {
                g.setColor(new Color(0xf3f4f6));
                g.fillRect(0, 0, img.getWidth(), lineH + 4);
            }
            g.setColor(r == -1 ? new Color(0x374151) : Color.BLACK);
            int x = 8;
            for (int c = 0; c < widths.length; c++) {
                g.drawString(cut(r == -1 ? header.get(c) : rows.get(r).get(c)), x, y);
                x += widths[c] + 16;
            }
        }
        g.dispose();
        return img;
    }

    /**
     * Up to {@code shown} of {@code count} windows ({@code steps} x {@code names.size()} values each, row-major), one
     * panel per feature (at most 6, titled by its name), each window a line, every panel scaled to what it shows.
     */
    public static BufferedImage series(float[] values, int count, int steps, List<String> names, int shown) {
        int features = names.size();
        int panels = Math.min(6, features);
        int pw = 260;
        int ph = 140;
        BufferedImage img = new BufferedImage(pw * Math.min(3, panels), ph * ((panels + 2) / 3),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        int n = Math.min(shown, count);
        for (int k = 0; k < panels; k++) {
            int ox = (k % 3) * pw;
            int oy = (k / 3) * ph;
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < steps; t++) {
                    float v = values[(i * steps + t) * features + k];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            float span = hi > lo ? hi - lo : 1;
            g.setColor(new Color(0xe5e7eb));
            g.drawRect(ox + 6, oy + 6, pw - 12, ph - 12);
            g.setColor(new Color(0x6b7280));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(cut(names.get(k)), ox + 10, oy + 18);
            g.setStroke(new BasicStroke(1.4f));
            for (int i = 0; i < n; i++) {
                g.setColor(LINES[i % LINES.length]);
                for (int t = 1; t < steps; t++) {
                    float a = values[(i * steps + t - 1) * features + k];
                    float b = values[(i * steps + t) * features + k];
                    g.drawLine(ox + 8 + (pw - 16) * (t - 1) / (steps - 1), oy + ph - 8 - (int) ((ph - 16) * (a - lo) / span),
                            ox + 8 + (pw - 16) * t / (steps - 1), oy + ph - 8 - (int) ((ph - 16) * (b - lo) / span));
                }
            }
        }
        g.dispose();
        return img;
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 18 ? s.substring(0, 17) + "\u2026" : s;
    }
}
