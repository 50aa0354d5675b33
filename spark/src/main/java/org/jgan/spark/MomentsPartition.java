package org.jgan.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.ClassSums;
import org.jgan.metrics.FeatureMoments;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.DatasetSource;

/**
 * One partition of {@link SparkFid#moments} and {@link SparkEval#evaluate}: its images' features (the extractor opened
 * once per partition) reduced to their {@link FeatureMoments} and {@link ClassSums}, which is all that leaves it.
 */
final class MomentsPartition implements FlatMapFunction<Iterator<Row>, PartitionStats> {
    private static final long serialVersionUID = 1L;
    private final String features;

    MomentsPartition(String features) {
        this.features = features;
    }

    @Override
    public Iterator<PartitionStats> call(Iterator<Row> rows) throws IOException {
        List<byte[]> px = new ArrayList<>();
        int c = 0;
        int h = 0;
        int w = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            px.add((byte[]) r.getAs("pixels"));
            c = r.getAs("channels");
            h = r.getAs("height");
            w = r.getAs("width");
        }
        SparkTorch.ensure();
        try (FeatureExtractor fx = Extractors.open(features)) {
            if (px.isEmpty()) {
                return List.of(new PartitionStats(FeatureMoments.empty(fx.dim()),
                        fx.classes() > 0 ? ClassSums.empty(fx.classes()) : null)).iterator();
            }
            byte[] all = new byte[px.size() * c * h * w];
            for (int i = 0; i < px.size(); i++) {
                System.arraycopy(px.get(i), 0, all, i * c * h * w, c * h * w);
            }
            ImageDataset d = new ImageDataset("partition", c, h, w, all, null, List.of());
            FeatureSet f = FeatureRunner.extract(fx, new DatasetSource(d));
            return List.of(new PartitionStats(FeatureMoments.of(f),
                    f.hasProbs() ? ClassSums.empty(f.classes()).add(f) : null)).iterator();
        }
    }
}
