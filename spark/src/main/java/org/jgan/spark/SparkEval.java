package org.jgan.spark;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.Kid;
import org.jgan.metrics.PrecisionRecall;
import org.jgan.metrics.eval.Reference;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.DatasetSource;

/**
 * jgan's evaluation of generated images spread over a Spark job: FID, the Inception Score (one split) and class
 * coverage exactly, from sufficient statistics merged across partitions ({@link SparkFid}, {@code ClassSums}); KID
 * (Binkowski et al. 2018) and precision/recall (Kynkaanniemi et al. 2019), which compare samples with samples, on a
 * seeded random subsample of at most {@code subsample} images ({@code takeSample}: every image equally likely, the
 * same seed the same images), collected to the driver and scored as {@code jgan eval} scores.
 */
public final class SparkEval {
    /** The default bound on the KID / precision-recall subsample: jgan eval's default sample count. */
    public static final int SUBSAMPLE = 10_000;

    private SparkEval() {
    }

    public static SparkEvaluation evaluate(Dataset<Row> images, String features, Reference reference, int subsample,
                                           long seed) throws IOException {
        PartitionStats s = SparkFid.stats(images, features, 2);
        double fid = Fid.distance(s.moments().toFidStats("spark"), reference.stats());
        List<Row> picked = images.select("pixels", "channels", "height", "width").javaRDD()
                .takeSample(false, subsample, seed);
        double kid = Double.NaN;
        double precision = Double.NaN;
        double recall = Double.NaN;
        if (!picked.isEmpty()) {
            Row first = picked.get(0);
            int c = first.getInt(1);
            int h = first.getInt(2);
            int w = first.getInt(3);
            byte[] px = new byte[picked.size() * c * h * w];
            for (int i = 0; i < picked.size(); i++) {
                System.arraycopy((byte[]) picked.get(i).get(0), 0, px, i * c * h * w, c * h * w);
            }
            SparkTorch.ensure();
            FeatureSet fake;
            try (FeatureExtractor fx = Extractors.open(features)) {
                fake = FeatureRunner.extract(fx, new DatasetSource(new ImageDataset("subsample", c, h, w, px, null,
                        List.of())));
            }
            FeatureSet real = reference.features();
            kid = Kid.compute(real, fake, seed).mean();
            PrecisionRecall.Result pr = PrecisionRecall.compute(real, reference.radii(), fake, PrecisionRecall.K);
            precision = pr.precision();
            recall = pr.recall();
        }
        return new SparkEvaluation(s.moments().count(), fid, s.classes() == null ? Double.NaN
                : s.classes().inceptionScore(), s.classes() == null ? -1 : s.classes().coverage().covered(),
                picked.size(), kid, precision, recall);
    }
}
