package org.jgan.cli;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;

/**
 * Latents named by seeds, for the tools that show particular images (style mixing, interpolation): seed s is the z
 * that {@code jgan sample --seed s --count 1} draws, so an image found with one tool can be reused in the others.
 */
final class Latents {
    private Latents() {
    }

    /** z of seed {@code seed}, 1 x dim. */
    static Tensor z(long seed, int dim) {
        Generator g = torch.createCPUGenerator(seed);
        try {
            return torch.randn(new long[]{1, dim}, new GeneratorOptional(g));
        } finally {
            g.close();
        }
    }

    /** "1,2,3" or "1-4" or a mix ("1-3,9") as a list of seeds; {@code option} names the option in errors. */
    static List<Long> parseSeeds(String spec, String option) {
        List<Long> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    long a = Long.parseLong(p.substring(0, dash).trim());
                    long b = Long.parseLong(p.substring(dash + 1).trim());
                    if (b < a || b - a > 1000) {
                        throw new NumberFormatException();
                    }
                    for (long s = a; s <= b; s++) {
                        out.add(s);
                    }
                } else {
                    out.add(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(option + " '" + p + "': give seeds as numbers, e.g. 1,2,3 or 10-15");
            }
        }
        return out;
    }
}
