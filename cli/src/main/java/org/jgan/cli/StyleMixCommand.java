package org.jgan.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.StyleMix;
import org.jgan.engine.Torch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan style-mix}: the style-mixing grid of Karras et al. 2019, Figure 3 ({@link GanModel#styleMix}). The top
 * row shows the column seeds' images, the left column the row seeds'; each cell is its row's image with the styles of
 * one band of layers taken from its column's latent. One block of rows per band (coarse, middle, fine by default).
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
        List<String> bands = Arrays.asList(styles.split(","));
        // one mixed image per (row, column, band): refused before generating, as sample refuses a huge grid
        org.jgan.api.Samples.checkGrid((long) rowSeeds.size() * colSeeds.size() * bands.size());
        Torch.init();
        try (GanModel m = run.model()) {
            if (m.styleBased()) {
                for (String b : bands) {
                    Flags.named("--styles", () -> m.styleLayers(b));
                }
            }
            StyleMix mix = m.styleMix(rowSeeds, colSeeds, bands, latent.psi, latent.cls(m));
            mix.writeGrid(out);
            var o = spec.commandLine().getOut();
            o.printf("style-mix: %d rows x %d columns from %s (%s weights) -> %s%n", rowSeeds.size(),
                    colSeeds.size(), m.checkpoint(), m.ema() ? "EMA" : "raw", out);
            for (int b = 0; b < mix.bands().size(); b++) {
                o.printf("  block %d: %s styles (w %s) from the columns%n", b + 1, mix.bands().get(b),
                        Arrays.toString(mix.layers(b)));
            }
        }
        return 0;
    }
}
