package org.jgan.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.nn.StyleGenerator;
import org.jgan.core.train.DataShape;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.jgan.models.stylegan2.StyleMixing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan style-mix}: the style-mixing grid of Karras et al. 2019, Figure 3. The top row shows the column seeds'
 * images, the left column the row seeds'; each cell is its row's image with the styles of one band of layers taken
 * from its column's latent. One block of rows per band (coarse, middle, fine by default).
 */
@Command(name = "style-mix", mixinStandardHelpOptions = true,
        description = {"Style-mixing grid of a StyleGAN2 run: cell (r, c) is row seed r with the chosen styles "
                + "(coarse, middle, fine layers) taken from column seed c."})
public final class StyleMixCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--rows", required = true, description = "Seeds of the rows (whose styles are kept), e.g. 1,2,3.")
    String rows;

    @Option(names = "--cols", required = true, description = "Seeds of the columns (whose styles are copied in).")
    String cols;

    @Option(names = "--styles", defaultValue = "coarse,middle,fine", description = "Comma-separated bands, one "
            + "block of rows each: coarse, middle, fine, or w indices such as 0-3 (default: ${DEFAULT-VALUE}).")
    String styles;

    @Mixin
    LatentOptions latent = new LatentOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output PNG.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Long> rowSeeds = SeedList.parse(rows, "--rows");
        List<Long> colSeeds = SeedList.parse(cols, "--cols");
        Torch.init();
        try (RunGenerator rg = run.generator()) {
            if (!(rg.generator() instanceof StyleGenerator g)) {
                throw new ConfigException("--run " + run.dir + ": style mixing needs a style-based model such as "
                        + "stylegan2; this run is " + rg.config().model().name());
            }
            List<String> bands = new ArrayList<>();
            List<int[]> layers = new ArrayList<>();
            for (String b : styles.split(",")) {
                bands.add(b.trim());
                layers.add(Flags.named("--styles", () -> StyleMixing.layers(g, b)));
            }
            DataShape s = rg.shape();
            Long label = latent.label(rg);
            BufferedImage grid;
            try (StepScope scope = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
                rg.generator().eval();
                Tensor rowWs = ws(g, rowSeeds, rg, label);
                Tensor colWs = ws(g, colSeeds, rg, label);
                int n = rowSeeds.size();
                int m = colSeeds.size();
                // cells in reading order: top row (blank + columns), then per band, per row: row image + mixes
                TensorVector all = new TensorVector();
                all.push_back(g.synthesis(colWs));
                all.push_back(g.synthesis(rowWs));
                for (int[] l : layers) {
                    Tensor base = rowWs.repeat_interleave(m, new org.bytedeco.pytorch.LongOptional(0),
                            new org.bytedeco.pytorch.LongOptional());
                    Tensor src = colWs.repeat(n, 1, 1);
                    all.push_back(g.synthesis(StyleMixing.mix(base, src, l)));
                }
                byte[] colImgs = ImageGrid.toBytes(all.get(0));
                byte[] rowImgs = ImageGrid.toBytes(all.get(1));
                List<byte[]> mixes = new ArrayList<>();
                for (int b = 0; b < layers.size(); b++) {
                    mixes.add(ImageGrid.toBytes(all.get(2 + b)));
                }
                grid = layout(s, colImgs, rowImgs, mixes, n, m);
            }
            ImageGrid.writePng(grid, out);
            spec.commandLine().getOut().printf("style-mix: %d rows x %d columns from %s (%s weights) -> %s%n", rowSeeds.size(),
                    colSeeds.size(), rg.checkpoint(), rg.ema() ? "EMA" : "raw", out);
            for (int b = 0; b < bands.size(); b++) {
                spec.commandLine().getOut().printf("  block %d: %s styles (w %s) from the columns%n", b + 1, bands.get(b),
                        java.util.Arrays.toString(layers.get(b)));
            }
        }
        return 0;
    }

    /** ws of each seed, truncated by psi: seeds x numWs x wDim. */
    private Tensor ws(StyleGenerator g, List<Long> seeds, RunGenerator rg, Long label) {
        TensorVector z = new TensorVector();
        for (long seed : seeds) {
            z.push_back(org.jgan.models.Latents.z(seed, rg.latentDim()));
        }
        Tensor zs = torch.cat(z, 0);
        Tensor labels = label == null ? null : torch.full(new long[]{zs.size(0)},
                new org.bytedeco.pytorch.Scalar(label)).to(torch.ScalarType.Long);
        return g.mapping(zs, labels, latent.psi);
    }

    /** The figure: blank corner, column images along the top, then one block of rows per band. */
    static BufferedImage layout(DataShape s, byte[] colImgs, byte[] rowImgs, List<byte[]> mixes, int n, int m) {
        int pad = 2;
        int cw = s.width() + pad;
        int ch = s.height() + pad;
        int bandGap = mixes.size() > 1 ? 2 * pad : 0;
        BufferedImage img = new BufferedImage((m + 1) * cw + pad + pad, (1 + n * mixes.size()) * ch + pad + pad
                + bandGap * mixes.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D gfx = img.createGraphics();
        gfx.setColor(new Color(40, 40, 40));
        gfx.fillRect(0, 0, img.getWidth(), img.getHeight());
        int c = s.channels();
        for (int j = 0; j < m; j++) {
            gfx.drawImage(ImageGrid.image(colImgs, j, c, s.height(), s.width()), 2 * pad + (j + 1) * cw, pad, null);
        }
        for (int b = 0; b < mixes.size(); b++) {
            int y0 = pad + ch + b * (n * ch + bandGap) + bandGap;
            for (int i = 0; i < n; i++) {
                int y = y0 + i * ch;
                gfx.drawImage(ImageGrid.image(rowImgs, i, c, s.height(), s.width()), pad, y, null);
                for (int j = 0; j < m; j++) {
                    gfx.drawImage(ImageGrid.image(mixes.get(b), i * m + j, c, s.height(), s.width()),
                            2 * pad + (j + 1) * cw, y, null);
                }
            }
        }
        gfx.dispose();
        return img;
    }
}
