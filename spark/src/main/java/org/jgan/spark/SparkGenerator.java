package org.jgan.spark;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jgan.core.config.ConfigException;

/**
 * Generation on Apache Spark, as DJL's Spark extension serves models (Zaharia et al. 2012 for the engine): a table of
 * requests in, one generated image per row out, each partition loading the run's checkpoint once. The images are the
 * ones the single-machine {@code jgan sample --count 1 --seed S [--class C]} (or {@code GanModel.sample(1, seed)},
 * {@code sampleClass(c, 1, seed)}) makes, bit for bit on the same machine, so a job can be re-run, retried or split
 * any way and give the same data.
 *
 * <p>The run folder must be readable at the same path by every executor (a shared file system, or copied to each
 * node); only the path travels with the tasks.
 */
public final class SparkGenerator {
    /** Request column: the latent seed (long). */
    public static final String SEED = "seed";
    /**
     * Optional request column: the class name or index (conditional runs); where it is absent or null, the class is
     * the seed modulo the number of classes.
     */
    public static final String CLASS = "class";
    /** The output columns: seed, class, png (PNG bytes), pixels (C x H x W bytes), channels, height, width. */
    public static final StructType SCHEMA = new StructType()
            .add(SEED, DataTypes.LongType, false)
            .add(CLASS, DataTypes.StringType, true)
            .add("png", DataTypes.BinaryType, false)
            .add("pixels", DataTypes.BinaryType, false)
            .add("channels", DataTypes.IntegerType, false)
            .add("height", DataTypes.IntegerType, false)
            .add("width", DataTypes.IntegerType, false);

    /** Table requests: rows to sample with the request's seed (int). */
    public static final String COUNT = "count";
    /** Optional table request column: conditions, "COLUMN=VALUE[,COLUMN=VALUE...]" (null or empty for none). */
    public static final String WHERE = "where";

    private SparkGenerator() {
    }

    /**
     * Table rows from a ctgan run: each request (long "seed", int "count", optional string "where") becomes the
     * {@code count} rows that {@code jgan sample --count COUNT --seed SEED [--where ...]} writes, in that order, as
     * output rows (seed, index, then the table's columns: continuous as double, integer as long, the others as
     * text; missing as null).
     */
    public static Dataset<Row> rows(Dataset<Row> requests, String runDir) {
        StructType in = requests.schema();
        java.util.List<String> names = Arrays.asList(in.fieldNames());
        if (!names.contains(SEED) || !names.contains(COUNT) || !in.apply(SEED).dataType().equals(DataTypes.LongType)
                || !in.apply(COUNT).dataType().equals(DataTypes.IntegerType)) {
            throw new ConfigException("row requests need a long column \"" + SEED + "\" and an int column \"" + COUNT
                    + "\"; got " + in.simpleString());
        }
        org.jgan.core.config.TrainConfig config = new org.jgan.core.train.RunDir(java.nio.file.Path.of(runDir))
                .readConfig();
        ConfigException.check(java.nio.file.Files.exists(java.nio.file.Path.of(runDir, "table", "transformer.json")),
                runDir + " is a " + config.model().name() + " run, not a table run (ctgan): it samples no rows");
        org.jgan.core.data.table.TableTransformer t = org.jgan.core.data.table.TableTransformer.load(
                java.nio.file.Path.of(runDir, "table", "transformer.json"));
        StructType out = new StructType().add(SEED, DataTypes.LongType, false).add("index", DataTypes.IntegerType, false);
        for (org.jgan.core.data.table.ColumnSpec c : t.schema().columns()) {
            out = out.add(c.name(), switch (c.type()) {
                case CONTINUOUS -> DataTypes.DoubleType;
                case INTEGER -> DataTypes.LongType;
                default -> DataTypes.StringType;
            }, true);
        }
        return requests.mapPartitions(new RowsPartition(runDir), Encoders.row(out));
    }

    /** One image per row of {@code requests} (a long column "seed", optionally a string column "class"). */
    public static Dataset<Row> images(Dataset<Row> requests, String runDir) {
        StructType in = requests.schema();
        if (!Arrays.asList(in.fieldNames()).contains(SEED)
                || !in.apply(SEED).dataType().equals(DataTypes.LongType)) {
            throw new ConfigException("generation requests need a long column \"" + SEED + "\"; got " + in.simpleString());
        }
        // refused here, in one line, before any task starts (the executors would each refuse it inside Spark's logs)
        new org.jgan.core.train.RunDir(java.nio.file.Path.of(runDir)).readConfig();
        boolean byClass = Arrays.asList(in.fieldNames()).contains(CLASS);
        if (byClass && !in.apply(CLASS).dataType().equals(DataTypes.StringType)) {
            throw new ConfigException("the request column \"" + CLASS + "\" must hold strings (class names or indices)");
        }
        return requests.mapPartitions(new GeneratePartition(runDir, byClass), Encoders.row(SCHEMA));
    }
}
