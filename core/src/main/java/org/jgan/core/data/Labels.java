package org.jgan.core.data;

import java.util.BitSet;

/**
 * Checks class labels before they size a model: a conditional model gets one class per label value up to the
 * largest, so a single corrupt label byte of 200 among 0..9 would silently make 201 classes, 191 of them empty. Errors
 * name the source and the index of the first bad label, so the file can be inspected or fixed.
 */
public final class Labels {
    /** Unused label values allowed in a row, whatever the classes below them (e.g. labels counted from 1). */
    static final int SMALL_GAP = 4;

    private Labels() {
    }

    /**
     * The number of classes the labels of {@code source} number from 0: the largest label plus one. Label values may
     * go unused (a class without images), but a run of more than {@value #SMALL_GAP} unused values that is also
     * longer than the number of used values below it is an error: the labels beyond it are not classes but damage.
     */
    public static int classCount(int[] labels, String source) {
        BitSet used = new BitSet();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new DataException(source + ": label " + labels[i] + " at index " + i + " is negative");
            }
            used.set(labels[i]);
        }
        int below = 0;
        for (int v = used.nextSetBit(0), prev = -1; v >= 0; prev = v, v = used.nextSetBit(v + 1)) {
            int gap = v - prev - 1;
            if (gap > Math.max(SMALL_GAP, below)) {
                int first = firstAtLeast(labels, v);
                throw new DataException(source + ": label " + labels[first] + " at index " + first + " is far beyond "
                        + (below == 0 ? "0 (no smaller label" : "the others (the largest below it is " + prev)
                        + ", " + gap + " values unused in between); labels must number the classes from 0, and this "
                        + "one would make a " + used.length() + "-class model");
            }
            below++;
        }
        return used.length();
    }

    /** Requires every label to be in 0..classes-1, the classes {@code source} declares (any count: none declared). */
    public static void requireBelow(int[] labels, int classes, String source) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new DataException(source + ": label " + labels[i] + " at index " + i + (labels[i] < 0
                        ? " is negative" : " is outside the " + classes + " classes 0.." + (classes - 1)));
            }
        }
    }

    private static int firstAtLeast(int[] labels, int v) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= v) {
                return i;
            }
        }
        throw new IllegalStateException("no label " + v);
    }
}
