package org.jgan.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.api.Samples;

/**
 * One partition of {@link SparkGenerator#images}: the run's generator is loaded once per partition (not per row, not
 * shipped from the driver: only the run folder's path travels), then each request row becomes one image.
 */
final class GeneratePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final boolean byClass;

    GeneratePartition(String run, boolean byClass) {
        this.run = run;
        this.byClass = byClass;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
        List<Row> out = new ArrayList<>();
        if (!rows.hasNext()) {
            return out.iterator();
        }
        SparkTorch.ensure();
        try (GanModel model = Jgan.load(Path.of(run))) {
            while (rows.hasNext()) {
                Row r = rows.next();
                long seed = r.getLong(r.fieldIndex(SparkGenerator.SEED));
                String cls = byClass && !r.isNullAt(r.fieldIndex(SparkGenerator.CLASS))
                        ? r.getString(r.fieldIndex(SparkGenerator.CLASS)) : null;
                if (cls == null && model.conditional()) {
                    // classes cycle with the seed, as they cycle with the index in a single-machine sample
                    cls = String.valueOf(Math.floorMod(seed, model.classes().size()));
                }
                Samples s = cls == null ? model.sample(1, seed) : model.sampleClass(cls, 1, seed);
                out.add(RowFactory.create(seed, cls, png(s), s.pixels(), s.channels(), s.height(), s.width()));
            }
        }
        return out.iterator();
    }

    static byte[] png(Samples s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(s.image(0), "png", b);
        return b.toByteArray();
    }
}
