package org.jgan.metrics.video;

import java.util.SplittableRandom;
import org.jgan.core.data.Batches;
import org.jgan.core.data.clips.Clips;
import org.jgan.core.train.Seeds;

/**
 * The baselines a video metric must rank below real motion: the same frames in a random order (every frame right,
 * the motion destroyed) and one frame held for the whole clip (right content, no motion at all). A distance that
 * does not put real clips before both is blind to time; FVD's authors (Unterthiner et al. 2018) check their metric
 * against the same kinds of temporal corruption.
 */
public final class ClipVariants {
    private ClipVariants() {
    }

    /**
     * Each clip's frames in a random order of its own (seeded by {@code seed} and the clip's index); never the
     * original order, when a clip has 2 frames or more. Labels and recorded trajectories follow their frames.
     */
    public static Clips shuffledInTime(Clips clips, long seed) {
        int t = clips.frames();
        int[][] orders = new int[clips.size()][];
        for (int i = 0; i < orders.length; i++) {
            int[] p = Batches.permutation(t, new SplittableRandom(Seeds.derive(seed, "shuffled-clip", i)));
            boolean same = true;
            for (int k = 0; k < t; k++) {
                same &= p[k] == k;
            }
            if (same) {
                // the identity would leave the clip as it was: rotate by one frame instead
                for (int k = 0; k < t; k++) {
                    p[k] = (k + 1) % t;
                }
            }
            orders[i] = p;
        }
        return reordered(clips, orders, clips.name() + " shuffled in time");
    }

    /** Each clip's first frame repeated for all its frames. */
    public static Clips repeatedFirstFrame(Clips clips) {
        int[][] orders = new int[clips.size()][clips.frames()];
        return reordered(clips, orders, clips.name() + " first frame repeated");
    }

    /** Clip {@code i}'s frame {@code k} is its frame {@code orders[i][k]}. */
    private static Clips reordered(Clips clips, int[][] orders, String name) {
        int t = clips.frames();
        int c = clips.channels();
        int plane = clips.height() * clips.width();
        int per = clips.clipBytes();
        byte[] src = clips.pixels();
        byte[] px = new byte[src.length];
        int k = clips.objects();
        float[] traj = clips.trajectory() == null ? null : new float[clips.trajectory().length];
        for (int i = 0; i < orders.length; i++) {
            for (int f = 0; f < t; f++) {
                int from = orders[i][f];
                for (int ch = 0; ch < c; ch++) {
                    System.arraycopy(src, i * per + (ch * t + from) * plane, px, i * per + (ch * t + f) * plane,
                            plane);
                }
                if (traj != null) {
                    System.arraycopy(clips.trajectory(), (i * t + from) * k * 2, traj, (i * t + f) * k * 2, k * 2);
                }
            }
        }
        return new Clips(name, c, t, clips.height(), clips.width(), px, clips.labels(), clips.classNames(), traj, k);
    }
}
