package org.jgan.core.train;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from the run's root seed, one per component and index (SplitMix64 finaliser over the
 * root, a hash of the component name, and the index). Deriving instead of carrying a mutable RNG through the run is
 * what makes resume exact: the randomness of step N depends on (seed, N) only.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long root, String component, long index) {
        long h = 0xcbf29ce484222325L;
        for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return mix(mix(root ^ h) + index);
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
