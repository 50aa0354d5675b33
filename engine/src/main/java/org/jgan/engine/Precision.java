package org.jgan.engine;

import java.util.Locale;

/**
 * The number format jgan's convolutions compute in, for the calling thread.
 *
 * <p>{@link #FLOAT32} is the default: every value in float32. {@link #BFLOAT16} is mixed precision as CPU autocast does
 * it (Micikevicius et al. 2018, "Mixed Precision Training"; Kalamkar et al. 2019, "A Study of BFLOAT16 for Deep
 * Learning Training"): the inputs and weights of each oneDNN convolution are rounded to bfloat16 (float32's exponent,
 * 8 bits of mantissa), oneDNN accumulates their products in float32, and the output and its gradients come back as
 * float32; weights, optimizer state, normalisation, losses and every other operation stay in float32, and so do
 * convolutions differentiated twice (R1, the gradient penalty, path length), whose penalties need the precision. Why: on
 * a CPU with bfloat16 dot-product instructions ({@code avx512_bf16}, {@code amx_bf16}) a bfloat16 convolution does two
 * to three times the float32 work per cycle (measured on a Zen 5 EPYC: 635-641 against 338-350 GFLOP/s for a 256 ->
 * 256 3x3 convolution, docs/engine.md); without them oneDNN emulates it slowly, so jgan refuses it there
 * ({@link #availableHere}).
 *
 * <p>The setting belongs to a thread: {@code try (Precision.Scope s = Precision.use(BFLOAT16)) { ... }} around the
 * forward passes (autograd records the roundings, so backward passes follow them wherever they run).
 */
public enum Precision {
    /** Every value in float32. */
    FLOAT32("float32"),
    /** Convolutions' inputs and weights in bfloat16, accumulated and returned in float32. */
    BFLOAT16("bfloat16");

    private static final ThreadLocal<Precision> CURRENT = ThreadLocal.withInitial(() -> FLOAT32);
    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** The name in configs and printouts: "float32" or "bfloat16". */
    public String label() {
        return label;
    }

    /** The precision named {@code name} ("float32" or "bfloat16", any case), or null. */
    public static Precision byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Precision p : values()) {
            if (p.label.equals(n)) {
                return p;
            }
        }
        return null;
    }

    /** The calling thread's precision. */
    public static Precision current() {
        return CURRENT.get();
    }

    /** Sets the calling thread's precision until the returned scope closes, which restores the one before. */
    public static Scope use(Precision p) {
        Precision before = CURRENT.get();
        CURRENT.set(p == null ? FLOAT32 : p);
        return new Scope(before);
    }

    /**
     * Whether this CPU computes in this precision at full speed: always for float32; for bfloat16 where
     * /proc/cpuinfo lists bfloat16 dot products ({@code avx512_bf16} or {@code amx_bf16}).
     */
    public boolean availableHere() {
        if (this == FLOAT32) {
            return true;
        }
        String f = " " + CpuInfo.flags() + " ";
        return f.contains(" avx512_bf16 ") || f.contains(" amx_bf16 ");
    }

    /** Restores the thread's previous precision on close. */
    public static final class Scope implements AutoCloseable {
        private final Precision before;

        private Scope(Precision before) {
            this.before = before;
        }

        @Override
        public void close() {
            CURRENT.set(before);
        }
    }
}
