package org.jgan.core.train;

import org.bytedeco.pytorch.Tensor;

/**
 * The rows a training step takes and their condition, as a {@link Conditioning} draws them.
 *
 * @param rows      indices into the training data
 * @param condition the condition of each row (in the caller's scope), or null when there is none
 */
public record ConditionedRows(int[] rows, Tensor condition) {
}
