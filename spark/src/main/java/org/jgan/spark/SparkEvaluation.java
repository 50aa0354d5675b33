package org.jgan.spark;

import java.io.Serializable;

/**
 * The scores of {@link SparkEval#evaluate}.
 *
 * @param count          images scored exactly (FID, IS, coverage)
 * @param fid            FID against the reference, over all images
 * @param inceptionScore Inception Score over all images as one split (NaN without a classifier)
 * @param classesCovered classes holding a fair share of the images (-1 without a classifier)
 * @param subsample      images in the KID / precision-recall subsample
 * @param kid            KID on the subsample
 * @param precision      precision on the subsample
 * @param recall         recall on the subsample
 */
public record SparkEvaluation(long count, double fid, double inceptionScore, int classesCovered, int subsample,
                              double kid, double precision, double recall) implements Serializable {
}
