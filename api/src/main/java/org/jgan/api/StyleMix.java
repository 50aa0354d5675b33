package org.jgan.api;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.image.ImageGrid;

/**
 * A style-mixing grid (Karras et al. 2019, Figure 3): the row seeds' images, the column seeds' images and, per band
 * of layers, every row seed's image with that band's styles taken from every column seed. Made by
 * {@link GanModel#styleMix}; plain Java data.
 */
public final class StyleMix {
    private final Samples rows;
    private final Samples columns;
    private final List<String> bands;
    private final List<int[]> layers;
    private final List<Samples> mixes;

    StyleMix(Samples rows, Samples columns, List<String> bands, List<int[]> layers, List<Samples> mixes) {
        this.rows = rows;
        this.columns = columns;
        this.bands = List.copyOf(bands);
        this.layers = layers.stream().map(int[]::clone).toList();
        this.mixes = List.copyOf(mixes);
    }

    /** The row seeds' own images (whose styles are kept), one per seed, as {@link GanModel#sample} draws them. */
    public Samples rows() {
        return rows;
    }

    /** The column seeds' own images (whose styles are copied in), one per seed. */
    public Samples columns() {
        return columns;
    }

    /** The bands as they were given (coarse, middle, fine or w ranges such as 0-3), one block of the grid each. */
    public List<String> bands() {
        return bands;
    }

    /** The w indices that band {@code b} takes from the columns. */
    public int[] layers(int b) {
        return layers.get(b).clone();
    }

    /** The mixed images of band {@code b}: row seed r with column seed c's styles is image {@code r * columns + c}. */
    public Samples mixed(int b) {
        return mixes.get(b);
    }

    /**
     * The figure: a blank corner, the column images along the top, then one block of rows per band, each row
     * starting with the row seed's own image.
     */
    public BufferedImage grid() {
        int n = rows.count();
        int m = columns.count();
        int h = rows.height();
        int w = rows.width();
        int pad = 2;
        int cw = w + pad;
        int ch = h + pad;
        int bandGap = mixes.size() > 1 ? 2 * pad : 0;
        BufferedImage img = new BufferedImage((m + 1) * cw + pad + pad, (1 + n * mixes.size()) * ch + pad + pad
                + bandGap * mixes.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D gfx = img.createGraphics();
        gfx.setColor(new Color(40, 40, 40));
        gfx.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int j = 0; j < m; j++) {
            gfx.drawImage(columns.image(j), 2 * pad + (j + 1) * cw, pad, null);
        }
        for (int b = 0; b < mixes.size(); b++) {
            int y0 = pad + ch + b * (n * ch + bandGap) + bandGap;
            for (int i = 0; i < n; i++) {
                int y = y0 + i * ch;
                gfx.drawImage(rows.image(i), pad, y, null);
                for (int j = 0; j < m; j++) {
                    gfx.drawImage(mixes.get(b).image(i * m + j), 2 * pad + (j + 1) * cw, y, null);
                }
            }
        }
        gfx.dispose();
        return img;
    }

    /** Writes {@link #grid()} as a PNG file. */
    public Path writeGrid(Path png) throws IOException {
        ImageGrid.writePng(grid(), png);
        return png;
    }
}
