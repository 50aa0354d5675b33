package org.jgan.models.timegan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.DataException;
import org.jgan.core.data.JsonFiles;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.TrainingData;
import org.jgan.engine.Tensors;

/**
 * Series windows as TimeGAN's training data: each feature min-max scaled to [0, 1] over all windows, as the paper's
 * code scales, or each feature at each step by its own range ({@link TimeGanConfig#scaling}), the scaling saved with
 * the run ({@code series/scaling.json}) so generated windows come back in the data's units. Sample views are CSV
 * files in long format (window, step, then one column per feature) with a PNG of a few windows beside each.
 */
public final class SeriesData implements TrainingData {
    static final String DIR = "series";
    static final String SCALING = "scaling.json";
    private static final String FORMAT = "jgan-series-scaling";

    private final SeriesWindows windows;
    private final float[] scaled;
    private final float[] min;
    private final float[] max;
    private final SeriesPointMasses masses;
    private final boolean perStep;

    /**
     * @param perStep scale each feature at each step by its own range (min and max then hold steps x features
     *                values, step-major), else each feature by its range over all steps
     */
    SeriesData(SeriesWindows windows, boolean perStep) {
        this.windows = windows;
        this.masses = SeriesPointMasses.of(windows);
        this.perStep = perStep;
        // values are laid out (window, step, feature), so index % n is the feature, or the (step, feature) pair
        int n = windows.features().size() * (perStep ? windows.steps() : 1);
        min = new float[n];
        max = new float[n];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        float[] v = windows.values();
        for (int i = 0; i < v.length; i++) {
            min[i % n] = Math.min(min[i % n], v[i]);
            max[i % n] = Math.max(max[i % n], v[i]);
        }
        scaled = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            float range = max[i % n] - min[i % n];
            scaled[i] = range > 0 ? (v[i] - min[i % n]) / range : 0.5f;
        }
    }

    /** The windows in the data's units. */
    public SeriesWindows windows() {
        return windows;
    }

    @Override
    public String name() {
        return windows.name();
    }

    @Override
    public int size() {
        return windows.count();
    }

    @Override
    public String items() {
        return "windows";
    }

    @Override
    public DataShape shape() {
        return new DataShape(windows.features().size(), windows.steps(), 1, 0);
    }

    @Override
    public Tensor batch(int[] idx) {
        int f = windows.features().size();
        return Tensors.gather(scaled, windows.steps() * f, idx, idx.length, windows.steps(), f);
    }

    @Override
    public Tensor labels(int[] idx) {
        return null;
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", windows.name());
        d.put("kind", "series");
        d.put("windows", windows.count());
        d.put("features", windows.features());
        d.put("shape", new int[]{windows.features().size(), windows.steps(), 1});
        d.put("classes", List.of());
        d.put("fingerprint", Integer.toHexString(java.util.Arrays.hashCode(windows.values())));
        return d;
    }

    @Override
    public Path writeView(Tensor generated, int columns, Path samplesDir, long step) throws IOException {
        Path csv = samplesDir.resolve(String.format("step-%06d.csv", step));
        float[] v = unscale(Tensors.toFloats(generated.contiguous()), min, max);
        int f = windows.features().size();
        v = masses.snap(v, masses.bands(v, f), f);  // the view's own windows set the bands
        writeCsv(new SeriesWindows("generated", windows.features(), windows.steps(), v, windows.statics(),
                windows.categories()), csv);
        // and a picture of six windows beside it, one panel per feature (what the dashboard shows)
        org.jgan.core.image.ImageGrid.writePng(org.jgan.core.image.Previews.series(v, (int) generated.size(0),
                windows.steps(), windows.features(), 6), samplesDir.resolve(String.format("step-%06d.png",
                step)));
        return csv;
    }

    @Override
    public void save(Path runDir) throws IOException {
        ObjectNode root = JsonFiles.start(FORMAT, 1);
        windows.features().forEach(root.putArray("features")::add);
        root.put("steps", windows.steps());
        root.put("statics", windows.statics());
        ObjectNode cats = root.putObject("categories");
        windows.categories().forEach((name, labels) -> labels.forEach(cats.putArray(name)::add));
        root.put("scaling", perStep ? TimeGanConfig.STEP : TimeGanConfig.FEATURE);
        ArrayNode lo = root.putArray("min");
        ArrayNode hi = root.putArray("max");
        for (int k = 0; k < min.length; k++) {
            lo.add(min[k]);
            hi.add(max[k]);
        }
        ArrayNode at = root.putArray("pointMasses");
        for (int j = 0; j < masses.features().length; j++) {
            at.addObject().put("feature", windows.features().get(masses.features()[j]))
                    .put("value", masses.values()[j]).put("share", masses.shares()[j]);
        }
        JsonFiles.write(Files.createDirectories(runDir.resolve(DIR)).resolve(SCALING), root, "series scaling");
    }

    /** Scaled values back to the data's units, feature by feature or (step, feature) by (step, feature). */
    static float[] unscale(float[] v, float[] min, float[] max) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int k = i % min.length;
            out[i] = min[k] + v[i] * (max[k] - min[k]);
        }
        return out;
    }

    /**
     * A run's saved scaling and the layout of its windows (runs from before static features have none, runs from
     * before point masses none of those: their samples stay as they were); min and max hold one value per feature,
     * or per step and feature when the run scaled by step.
     */
    record Scaling(List<String> names, float[] min, float[] max, int steps, int statics,
                   Map<String, List<String>> categories, SeriesPointMasses masses) {
    }

    /** Reads a run's {@link Scaling}. */
    static Scaling readScaling(Path runDir) {
        Path file = runDir.resolve(DIR).resolve(SCALING);
        JsonNode root = JsonFiles.read(file, FORMAT, 1, "series scaling");
        List<String> names = new ArrayList<>();
        root.path("features").forEach(n -> names.add(n.asText()));
        String by = root.path("scaling").asText(TimeGanConfig.FEATURE);  // runs from before the key: by feature
        int steps = root.path("steps").asInt();
        boolean byStep = by.equals(TimeGanConfig.STEP);
        if (byStep ? steps < 1 : !by.equals(TimeGanConfig.FEATURE)) {
            throw new DataException(file + ": scaling must be " + TimeGanConfig.FEATURE + " or "
                    + TimeGanConfig.STEP + " (with steps >= 1), got '" + by + "'");
        }
        int n = names.size() * (byStep ? steps : 1);
        if (root.path("min").size() != n || root.path("max").size() != n) {
            throw new DataException(file + ": scaling by " + by + " needs " + n + " min and max values, got "
                    + root.path("min").size() + " and " + root.path("max").size());
        }
        float[] lo = new float[n];
        float[] hi = new float[n];
        for (int k = 0; k < n; k++) {
            lo[k] = (float) root.path("min").path(k).asDouble(Double.NaN);
            hi[k] = (float) root.path("max").path(k).asDouble(Double.NaN);
            if (!Float.isFinite(lo[k]) || !Float.isFinite(hi[k])) {
                throw new DataException(file + ": feature " + names.get(k % names.size()) + (n > names.size()
                        ? " at step " + k / names.size() : "") + " has no finite min and max");
            }
        }
        Map<String, List<String>> cats = new LinkedHashMap<>();
        root.path("categories").fields().forEachRemaining(e -> {
            List<String> labels = new ArrayList<>();
            e.getValue().forEach(l -> labels.add(l.asText()));
            cats.put(e.getKey(), labels);
        });
        JsonNode at = root.path("pointMasses");
        int[] features = new int[at.size()];
        float[] values = new float[at.size()];
        double[] shares = new double[at.size()];
        for (int j = 0; j < at.size(); j++) {
            features[j] = names.indexOf(at.get(j).path("feature").asText());
            values[j] = (float) at.get(j).path("value").asDouble(Double.NaN);
            shares[j] = at.get(j).path("share").asDouble(Double.NaN);
            if (features[j] < 0 || !Float.isFinite(values[j]) || !(shares[j] > 0 && shares[j] <= 1)) {
                throw new DataException(file + ": point mass " + j + " needs a feature of the run, a finite value "
                        + "and a share in (0, 1]");
            }
        }
        return new Scaling(names, lo, hi, steps, root.path("statics").asInt(0), cats,
                new SeriesPointMasses(features, values, shares));
    }

    /** Writes {@code w} as CSV, long format: window, step, then the features; whole or not at all. */
    public static void writeCsv(SeriesWindows w, Path file) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        int f = w.features().size();
        try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            List<String> head = new ArrayList<>(List.of("window", "step"));
            head.addAll(w.features());
            p.printRecord(head);
            for (int i = 0; i < w.count(); i++) {
                for (int t = 0; t < w.steps(); t++) {
                    List<Object> row = new ArrayList<>(List.of(i, t));
                    for (int k = 0; k < f; k++) {
                        row.add(w.cell(k, w.values()[(i * w.steps() + t) * f + k]));
                    }
                    p.printRecord(row);
                }
            }
        }
        AtomicFiles.writeString(file, out.toString());
    }
}
