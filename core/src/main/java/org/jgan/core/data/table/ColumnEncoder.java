package org.jgan.core.data.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.random.RandomGenerator;

/** How a {@link TableTransformer} writes one column into the row vector and reads it back. */
sealed interface ColumnEncoder permits NumericEncoder, CategoryEncoder {
    ColumnSpec spec();

    /** Positions this column takes in the row vector. */
    int width();

    /** Appends this column's spans, starting at {@code start}. */
    void spans(int column, int start, List<OutputSpan> out);

    /** Throws a DataException when column {@code c} of {@code t} holds what this encoder was not fit on. */
    void check(Table t, int c);

    /**
     * Writes row {@code r} of column {@code c} of {@code t} at {@code out[offset]}; a continuous value's mode is
     * drawn with {@code rng}, or the likeliest when it is null; a missing number's value part is filled as
     * {@code fill} says (with {@code rng}; the mean when it is null).
     */
    void encode(Table t, int c, int r, float[] out, int offset, RandomGenerator rng, MissingFill fill);

    /**
     * The column read back from {@code rows} vectors of length {@code stride}, this column at {@code offset}; a
     * numeric column passes each present value that is not a point mass through {@code adjust} (null: none) before
     * rounding it to the column's grain ({@link MarginalCalibration}).
     */
    Column decode(float[] data, int rows, int stride, int offset, java.util.function.DoubleUnaryOperator adjust);

    ObjectNode toJson();

    /** The position of the largest of {@code length} values at {@code data[offset]} (first on ties). */
    static int argmax(float[] data, int offset, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (data[offset + j] > data[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
