package org.jgan.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FeatureMoments;
import org.jgan.metrics.FidStats;

/**
 * FID (Heusel et al. 2017) over images spread across a Spark job's partitions, exactly: each partition returns the
 * sufficient statistics of its features ({@link FeatureMoments}: count, mean and co-moment in float64), which
 * {@code treeReduce} merges (Chan et al.'s pairwise update) and the driver finishes into mean and covariance. The
 * result is the single-process FID on the same images up to round-off (the tests: 1e-9 relative), not an average of
 * per-partition FIDs, which would be biased. Rows are the output of {@link SparkGenerator#images} (columns pixels,
 * channels, height, width).
 */
public final class SparkFid {
    private SparkFid() {
    }

    /** The feature moments of all of {@code images} in {@code features}' space, merged in a tree of {@code depth}. */
    public static FeatureMoments moments(Dataset<Row> images, String features, int depth) {
        return stats(images, features, depth).moments();
    }

    /** Moments and class sums of all of {@code images}, merged in a tree of {@code depth}. */
    static PartitionStats stats(Dataset<Row> images, String features, int depth) {
        return images.select("pixels", "channels", "height", "width").javaRDD()
                .mapPartitions(new MomentsPartition(features))
                .treeReduce(PartitionStats::merge, depth);
    }

    /** FID of {@code images} against {@code reference} (e.g. a pytorch-fid {@code .npz} or jgan's reference stats). */
    public static double fid(Dataset<Row> images, String features, FidStats reference) {
        return Fid.distance(moments(images, features, 2).toFidStats("spark"), reference);
    }
}
