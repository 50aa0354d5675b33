package org.jgan.metrics.table;

/**
 * One class of a classification target in {@link Utility} (the classes of the real training rows): how well a model
 * trained on real rows (TRTR) and one trained on synthetic rows (TSTR) find it among the real test rows. Macro-F1
 * averages these, so a rare class that synthetic rows teach badly, or never have (F1 0), shows here first.
 *
 * @param label   the class
 * @param support real test rows of the class
 * @param trtrF1  F1 of the class, trained on real
 * @param tstrF1  F1 of the class, trained on synthetic
 */
public record ClassScore(String label, long support, double trtrF1, double tstrF1) {
}
