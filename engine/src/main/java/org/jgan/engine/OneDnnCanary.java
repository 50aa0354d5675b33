package org.jgan.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether this CPU shows oneDNN's padded-reorder bug (docs/engine.md, "The bug"), from two configurations that show it
 * every time where it exists: proven routes ({@link Convolutions#setProvenRoutes}) trust a passed check off the block
 * only where neither canary fails.
 *
 * <p>Why a canary and not each configuration's own check: the bug's race can pass a single check by luck. Measured on
 * a 2-core Zen 5 EPYC (family 26, model 2), channels-last inputs, two threads, ten checks each: the 8 -> 8 3x3
 * double backward at batch 32 passed 1 of 10; the canaries failed 10 of 10 at one and at two threads (32 -> 64 1x1 at
 * batch 4: the weights' double-backward gradient off by 85% of its largest value; 9 -> 8 3x3 at batch 32: off by 56%,
 * or racy). On a Xeon of family 6, model 207 every such configuration passed.
 */
final class OneDnnCanary {
    private static final Map<Integer, ConvCheck.Result> BY_THREADS = new ConcurrentHashMap<>();

    private OneDnnCanary() {
    }

    /** The canaries' result at the current thread count (checked once per process and thread count). */
    static ConvCheck.Result result() {
        return BY_THREADS.computeIfAbsent(Torch.threads(), t -> run());
    }

    private static ConvCheck.Result run() {
        ConvCheck.Result r = check(new ConvSpec(32, 64, new long[]{1, 1}, new long[]{1, 1}, new long[]{0, 0},
                new long[]{1, 1}, new long[]{0, 0}, 1, false), new long[]{4, 32, 16, 16});
        return r.ok() ? check(new ConvSpec(9, 8, new long[]{3, 3}, new long[]{1, 1}, new long[]{1, 1},
                new long[]{1, 1}, new long[]{0, 0}, 1, false), new long[]{32, 9, 16, 16}) : r;
    }

    private static ConvCheck.Result check(ConvSpec spec, long[] input) {
        ConvCheck.Result r = ConvCheckCache.check(spec, ConvRoute.LIBTORCH, input, ConvUse.DOUBLE_BACKWARD,
                Precision.FLOAT32);
        return r.ok() ? r : new ConvCheck.Result(false, r.error(), spec.key() + " at batch " + input[0]
                + ", double backward: " + r.what());
    }
}
