package org.jgan.core.data.table;

/**
 * How a generator should produce one {@link OutputSpan} of a {@link TableTransformer}'s vector, as in CTGAN (Xu et
 * al. 2019, "Modeling Tabular Data using Conditional GAN", section 4.4): tanh for a continuous value's place in its
 * mode, Gumbel-softmax for a one-hot (a mode, a category, present/missing).
 */
public enum SpanKind {
    /** One value in (-1, 1). */
    TANH,
    /** A one-hot over the span's length. */
    SOFTMAX
}
