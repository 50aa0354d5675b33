package org.jgan.models.ctgan;

import java.util.SplittableRandom;
import org.jgan.core.data.table.OutputSpan;
import org.jgan.core.data.table.SpanKind;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableTransformer;

/**
 * Generated row vectors back to a table: each one-hot's category drawn from the softmax of its logits (the
 * Gumbel-max trick, as CTGAN samples through its Gumbel-softmax and then takes the argmax), values as they are, then
 * {@link TableTransformer#inverse}. Draws come from a seeded generator, so the same vectors and seed give the same
 * rows.
 */
final class RowDecoder {
    private RowDecoder() {
    }

    static Table decode(float[] raw, int rows, TableTransformer t, SplittableRandom rng) {
        return t.inverse(drawCategories(raw, rows, t, rng), rows);
    }

    /** {@code raw} with each one-hot's category drawn (Gumbel-max) and written as 0 / 1: what the transformer reads. */
    static float[] drawCategories(float[] raw, int rows, TableTransformer t, SplittableRandom rng) {
        int w = t.width();
        float[] out = raw.clone();
        for (int r = 0; r < rows; r++) {
            for (OutputSpan s : t.spans()) {
                if (s.kind() != SpanKind.SOFTMAX) {
                    continue;
                }
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < s.length(); k++) {
                    double u = rng.nextDouble();
                    double score = raw[r * w + s.start() + k] - Math.log(-Math.log(u + 1e-300) + 1e-300);
                    if (score > bestScore) {
                        bestScore = score;
                        best = k;
                    }
                }
                for (int k = 0; k < s.length(); k++) {
                    out[r * w + s.start() + k] = k == best ? 1f : 0f;
                }
            }
        }
        return out;
    }
}
