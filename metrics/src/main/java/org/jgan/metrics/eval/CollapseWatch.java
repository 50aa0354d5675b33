package org.jgan.metrics.eval;

import java.util.ArrayList;
import java.util.List;
import org.jgan.metrics.ClassCoverage;

/**
 * Watches for mode collapse across evaluations: warns when class coverage or the diversity of the fixed latent batch
 * falls sharply below the best seen so far in the run. A collapsing GAN (Goodfellow 2016, section 5.1.1) keeps a low
 * loss while its samples shrink to a few modes; these two signals show it within one evaluation interval.
 */
public final class CollapseWatch {
    /** Warn when diversity falls below this fraction of its best value. */
    public static final double DIVERSITY_DROP = 0.5;
    /** Warn when this many fewer classes than at best get a fair share. */
    public static final int COVERED_DROP = 2;
    /** Warn when the normalised class entropy falls this far below its best. */
    public static final double ENTROPY_DROP = 0.15;
    private double bestDiversity = Double.NaN;
    private int bestCovered = -1;
    private double bestEntropy = Double.NaN;

    /** Records an evaluation without judging it (used to restore history when a run resumes). */
    public void remember(ClassCoverage coverage, double diversity) {
        if (Double.isFinite(diversity) && !(diversity <= bestDiversity)) {
            bestDiversity = diversity;
        }
        if (coverage != null) {
            bestCovered = Math.max(bestCovered, coverage.covered());
            if (!(coverage.entropy() <= bestEntropy)) {
                bestEntropy = coverage.entropy();
            }
        }
    }

    /** Judges an evaluation against the best so far, then records it; returns one message per sharp drop. */
    public List<String> observe(ClassCoverage coverage, double diversity) {
        List<String> w = new ArrayList<>();
        if (Double.isFinite(diversity) && diversity < DIVERSITY_DROP * bestDiversity) {
            w.add(String.format("diversity of the fixed latent batch fell to %.3f from a best of %.3f (samples are "
                    + "becoming alike)", diversity, bestDiversity));
        }
        if (coverage != null && bestCovered >= 0 && coverage.covered() <= bestCovered - COVERED_DROP) {
            w.add(String.format("class coverage fell to %d of %d classes from %d", coverage.covered(),
                    coverage.classes(), bestCovered));
        } else if (coverage != null && coverage.entropy() < bestEntropy - ENTROPY_DROP) {
            w.add(String.format("class entropy fell to %.3f from a best of %.3f (samples concentrate on fewer "
                    + "classes)", coverage.entropy(), bestEntropy));
        }
        remember(coverage, diversity);
        return w;
    }
}
