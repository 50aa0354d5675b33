package org.jgan.models.ctgan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.Batches;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.MissingFill;
import org.jgan.core.data.table.SchemaOverrides;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableSources;
import org.jgan.core.data.table.TableTransformer;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.TrainingData;
import org.jgan.engine.Tensors;

/**
 * A table as CTGAN's training data: its training rows encoded once by a {@link TableTransformer} fit on them (each
 * number's mode drawn as CTGAN encodes, seeded), a seeded held-out share kept apart ({@link CtganConfig#holdout()}),
 * and sample views written as CSV files. The run folder's {@code table/} keeps what sampling and the report need:
 * the fitted transformer, and the training and held-out rows.
 */
final class TableRows implements TrainingData {
    static final String DIR = "table";
    static final String TRANSFORMER = "transformer.json";

    private final String name;
    private final Table train;
    private final Table holdout;
    private final TableTransformer transformer;
    private final float[] encoded;
    private final int width;

    private TableRows(String name, Table train, Table holdout, TableTransformer transformer, long seed,
            MissingFill fill) {
        this.name = name;
        this.train = train;
        this.holdout = holdout;
        this.transformer = transformer;
        this.width = transformer.width();
        this.encoded = transformer.transform(train, seed, fill);
    }

    /** The table {@code config.data().source()} names (a named table or a file), split and encoded. */
    static TableRows open(TrainConfig config, long subsetSeed) {
        CtganConfig c = CtganConfig.of(config);
        String src = config.data().source();
        SchemaOverrides o = c.schema().isEmpty() ? SchemaOverrides.none() : SchemaOverrides.load(Path.of(c.schema()));
        Table all = TableSources.open(src, o);
        if (config.data().perClass() > 0) {
            throw new ConfigException("data.perClass picks images per class; a table has no classes (use data.limit)");
        }
        if (config.data().limit() > 0 && config.data().limit() < all.rows()) {
            all = all.select(range(0, config.data().limit()));
        }
        int[] order = Batches.permutation(all.rows(), new SplittableRandom(Seeds.derive(config.seed(), "holdout", 0)));
        int held = (int) Math.floor(all.rows() * c.holdout());
        if (all.rows() - held < 2) {
            throw new ConfigException(src + ": " + all.rows() + " rows leave too few to train on after holding out "
                    + held + " (ctgan.holdout " + c.holdout() + ")");
        }
        int[] trainIdx = sorted(java.util.Arrays.copyOfRange(order, held, order.length));
        Table train = all.select(trainIdx);
        Table holdout = held > 0 ? all.select(sorted(java.util.Arrays.copyOfRange(order, 0, held))) : null;
        TableTransformer t = TableTransformer.fit(train, Seeds.derive(config.seed(), "table-transformer", 0));
        t.checkOrderings(c.schema());
        return new TableRows(src, train, holdout, t, Seeds.derive(config.seed(), "table-encode", 0), c.fill());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static int[] sorted(int[] a) {
        java.util.Arrays.sort(a);
        return a;
    }

    /** The training rows (the held-out share removed). */
    Table trainTable() {
        return train;
    }

    TableTransformer transformer() {
        return transformer;
    }

    /** Training row {@code r}'s vector. */
    float value(int r, int k) {
        return encoded[r * width + k];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> notes() {
        return train.leftOut();
    }

    @Override
    public int size() {
        return train.rows();
    }

    @Override
    public String items() {
        return "rows";
    }

    @Override
    public DataShape shape() {
        return DataShape.table(transformer.spans());
    }

    @Override
    public Tensor batch(int[] idx) {
        return Tensors.gather(encoded, width, idx, idx.length, width);
    }

    @Override
    public Tensor labels(int[] idx) {
        return null;
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("kind", "table");
        d.put("rows", train.rows());
        d.put("heldOutRows", holdout == null ? 0 : holdout.rows());
        List<String> cols = new ArrayList<>();
        train.schema().columns().forEach(s -> cols.add(s.name() + ":" + s.type().key()));
        d.put("columns", cols);
        if (!train.leftOut().isEmpty()) {
            d.put("leftOut", train.leftOut());
        }
        d.put("shape", new int[]{width, 1, 1});
        d.put("classes", List.of());
        d.put("fingerprint", fingerprint());
        return d;
    }

    private String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(train.schema().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.allocate(encoded.length * 4);
            b.asFloatBuffer().put(encoded);
            md.update(b);
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The generated rows as a CSV file {@code samples/step-NNNNNN.csv}, decoded with a fixed seed, and their first
     * 20 rows as a picture beside it ({@code step-NNNNNN.png}, what the dashboard shows).
     */
    @Override
    public Path writeView(Tensor generated, int columns, Path samplesDir, long step) throws IOException {
        Path csv = samplesDir.resolve(String.format("step-%06d.csv", step));
        int n = (int) generated.size(0);
        Table t = RowDecoder.decode(Tensors.toFloats(generated.contiguous()), n, transformer, new SplittableRandom(0));
        t.writeCsv(csv);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(20, t.rows()); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < t.columns(); c++) {
                row.add(t.cell(c, r));
            }
            rows.add(row);
        }
        org.jgan.core.image.ImageGrid.writePng(org.jgan.core.image.Previews.table(t.schema().names(), rows),
                samplesDir.resolve(String.format("step-%06d.png", step)));
        return csv;
    }

    /**
     * Writes the transformer and the training and held-out rows into {@code runDir/table}. A run resumed there must
     * find the transformer it was trained with: the row layout and what each mode stands for come from it, and the
     * one fitted now differs when the data changed or an earlier jgan fit it otherwise (before point masses). The
     * orderings the schema declares may change on resume (they only put sampled rows in order).
     */
    @Override
    public void save(Path runDir) throws IOException {
        Path dir = Files.createDirectories(runDir.resolve(DIR));
        Path saved = dir.resolve(TRANSFORMER);
        if (Files.exists(saved) && !transformer.isSavedIn(saved)) {
            throw new DataException(saved + ": the run's table encoding differs from the one fitted now to " + name
                    + " (the data changed, or an earlier version of jgan trained the run); its checkpoints would "
                    + "read rows wrongly, so it cannot be resumed: start a new run");
        }
        transformer.save(saved);  // the same encoding; a resumed run takes the orderings its schema declares now
        train.writeCsv(dir.resolve(TableRunFiles.TRAIN));
        if (holdout != null) {
            holdout.writeCsv(dir.resolve(TableRunFiles.HOLDOUT));
        }
    }
}
