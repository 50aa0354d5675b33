package org.jgan.models.stylegan2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.StyleGenerator;

/**
 * Style mixing as in Karras et al. 2019, Figure 3: the ws of one latent with the ws of chosen layers taken from
 * another. The paper's bands, by the resolution a w styles: coarse (4x4 to 8x8: pose, shape), middle (16x16 to
 * 32x32: features), fine (64x64 and up: colour, micro-structure). A model of 32x32 or less has no fine resolutions,
 * so there its top resolution counts as fine.
 */
public final class StyleMixing {
    public static final List<String> BANDS = List.of("coarse", "middle", "fine");

    private StyleMixing() {
    }

    /** The band of w number {@code index}: coarse, middle or fine. */
    public static String band(StyleGenerator g, int index) {
        int top = g.wResolution(g.numWs() - 1);
        int r = g.wResolution(index);
        if (r >= 64 || (top <= 32 && r == top)) {
            return "fine";
        }
        return r <= 8 ? "coarse" : "middle";
    }

    /** The w indices of each band, in order (a band may be empty for tiny models). */
    public static Map<String, int[]> bands(StyleGenerator g) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String b : BANDS) {
            out.put(b, java.util.stream.IntStream.range(0, g.numWs()).filter(i -> band(g, i).equals(b)).toArray());
        }
        return out;
    }

    /**
     * The w indices named by {@code spec}: a band (coarse, middle, fine), a range "A-B", or a comma list of those.
     */
    public static int[] layers(StyleGenerator g, String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase();
            if (BANDS.contains(p)) {
                int[] b = bands(g).get(p);
                if (b.length == 0) {
                    throw new ConfigException("this " + g.wResolution(g.numWs() - 1)
                            + "x model has no " + p + " styles; use " + describe(g));
                }
                for (int i : b) {
                    out.add(i);
                }
                continue;
            }
            try {
                String[] ab = p.split("-");
                int a = Integer.parseInt(ab[0].trim());
                int b = ab.length == 2 ? Integer.parseInt(ab[1].trim()) : a;
                if (ab.length > 2 || a < 0 || b >= g.numWs() || a > b) {
                    throw new NumberFormatException();
                }
                for (int i = a; i <= b; i++) {
                    out.add(i);
                }
            } catch (NumberFormatException e) {
                throw new ConfigException("'" + part.trim() + "' is not a style band or layer range: give "
                        + "coarse, middle, fine or layers in 0.." + (g.numWs() - 1) + " such as 0-3");
            }
        }
        return out.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    /** e.g. "coarse (0-2), middle (3-4), fine (5-7)". */
    public static String describe(StyleGenerator g) {
        List<String> parts = new ArrayList<>();
        bands(g).forEach((k, v) -> {
            if (v.length > 0) {
                parts.add(k + " (" + v[0] + (v.length > 1 ? "-" + v[v.length - 1] : "") + ")");
            }
        });
        return String.join(", ", parts);
    }

    /** {@code base} ws (N x numWs x wDim) with the ws at {@code layers} taken from {@code source} (same shape). */
    public static Tensor mix(Tensor base, Tensor source, int[] layers) {
        long n = base.size(1);
        boolean[] take = new boolean[(int) n];
        for (int i : layers) {
            take[i] = true;
        }
        TensorVector parts = new TensorVector();
        for (int i = 0; i < n; i++) {
            parts.push_back((take[i] ? source : base).narrow(1, i, 1));
        }
        return torch.cat(parts, 1);
    }
}
