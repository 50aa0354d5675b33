package org.jgan.models.timegan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.ColumnType;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableSources;

/**
 * Fixed-length windows of multivariate series, [windows, steps, features] row-major, in the data's own units: the
 * sines of TimeGAN's paper (Yoon et al. 2019), generated, or windows cut from a table, either one long series (file
 * or time order) or many series in long format (an id column, each series cut on its own). Static features (the
 * paper's per-series attributes) come first among the features and hold one value at every step of a window; a
 * categorical or boolean one is held as its category's code (0, 1, ...), {@code categories} giving the labels.
 *
 * @param name     where they came from
 * @param features the feature names, the static ones first
 * @param steps    steps per window
 * @param values   windows x steps x features values
 * @param statics  how many of the first features are static
 * @param categories the labels of each categorical static feature, by code; numeric features are not in it
 */
public record SeriesWindows(String name, List<String> features, int steps, float[] values, int statics,
                            Map<String, List<String>> categories) {
    /** The data name of the paper's sines; "sines:N" asks for N windows. */
    public static final String SINES = "sines";

    public SeriesWindows {
        if (statics < 0 || statics >= features.size()) {
            throw new IllegalArgumentException("statics must be in 0.." + (features.size() - 1) + " (at least one "
                    + "feature changes over time), got " + statics);
        }
        // insertion order kept: it is the order written to the run's scaling.json
        categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    /** Windows without static features. */
    public SeriesWindows(String name, List<String> features, int steps, float[] values) {
        this(name, features, steps, values, 0, Map.of());
    }

    /** These windows with each categorical static feature rounded to the nearest of its codes. */
    public SeriesWindows snapped() {
        float[] v = values.clone();
        int f = features.size();
        for (int k = 0; k < statics; k++) {
            List<String> labels = categories.get(features.get(k));
            for (int i = k; labels != null && i < v.length; i += f) {
                v[i] = nearestCode(v[i], labels.size());
            }
        }
        return new SeriesWindows(name, features, steps, v, statics, categories);
    }

    /** Feature {@code k}'s value {@code v} as written to CSV: a categorical static's label, else the number. */
    public Object cell(int k, float v) {
        List<String> labels = k < statics ? categories.get(features.get(k)) : null;
        return labels == null ? (Object) v : labels.get(nearestCode(v, labels.size()));
    }

    /** The code of {@code n} categories nearest {@code v}. */
    private static int nearestCode(float v, int n) {
        return Math.max(0, Math.min(n - 1, Math.round(v)));
    }

    public int count() {
        return values.length / (steps * features.size());
    }

    /** TimeGAN's sines: per window and feature, sin(f t + p) with f, p ~ U[0, 0.1], scaled to [0, 1]; seeded. */
    public static SeriesWindows sines(int n, int steps, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * steps * features];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < features; k++) {
                double f = r.nextDouble(0, 0.1);
                double p = r.nextDouble(0, 0.1);
                for (int t = 0; t < steps; t++) {
                    v[(i * steps + t) * features + k] = (float) ((Math.sin(f * t + p) + 1) / 2);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < features; k++) {
            names.add("x" + k);
        }
        return new SeriesWindows(SINES, names, steps, v);
    }

    /** The windows {@code source} names: "sines", "sines:N", a named table or a table file. */
    static SeriesWindows open(String source, TimeGanConfig c) {
        if (source.equals(SINES) || source.startsWith(SINES + ":")) {
            int n = 2000;
            if (source.startsWith(SINES + ":")) {
                try {
                    n = Integer.parseInt(source.substring(SINES.length() + 1));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                ConfigException.check(n >= 2 && n <= 1_000_000, source + ": give the number of windows, 2..1000000");
            }
            return sines(n, c.seqLen(), 5, 0);  // seed 0: the same data whatever the run's seed
        }
        return fromTable(TableSources.open(source), source, c);
    }

    /**
     * Windows cut from {@code t}: the static columns {@code c} names first, then every other numeric column but the
     * id and time columns as a feature that changes over time.
     */
    static SeriesWindows fromTable(Table t, String name, TimeGanConfig c) {
        int id = column(t, c.idColumn(), name, "timegan.idColumn");
        int time = column(t, c.timeColumn(), name, "timegan.timeColumn");
        List<Integer> statics = new ArrayList<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Map<Integer, int[]> codes = new java.util.HashMap<>();
        for (String s : c.statics()) {
            int k = column(t, s, name, "timegan.staticColumns");
            if (k == id || k == time || statics.contains(k)) {
                throw new DataException(name + ", column \"" + s + "\" (timegan.staticColumns): a static feature "
                        + "must be a column other than the id and time columns, named once");
            }
            statics.add(k);
            if (!t.type(k).numeric()) {
                codes.put(k, codeOrder(t.categories(k)));
                List<String> labels = new ArrayList<>(t.categories(k));
                for (int old = 0; old < labels.size(); old++) {
                    labels.set(codes.get(k)[old], t.categories(k).get(old));
                }
                categories.put(t.schema().column(k).name(), labels);
            }
        }
        List<Integer> feats = new ArrayList<>(statics);
        for (int k = 0; k < t.columns(); k++) {
            ColumnType ty = t.type(k);
            if (k != id && k != time && !statics.contains(k)
                    && (ty == ColumnType.CONTINUOUS || ty == ColumnType.INTEGER)) {
                feats.add(k);
            }
        }
        if (feats.size() == statics.size()) {
            throw new DataException(name + ": no numeric column to model as a series (columns: " + t.schema() + ")");
        }
        for (int k : feats) {
            for (int r = 0; r < t.rows(); r++) {
                if (t.isMissing(k, r)) {
                    throw new DataException(name + ", line " + (r + 2) + ", column \"" + t.schema().column(k)
                            .name() + "\": a missing value; series windows need every value (fill or drop it)");
                }
            }
        }
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (int r = 0; r < t.rows(); r++) {
            series.computeIfAbsent(id < 0 ? "" : t.cell(id, r), k -> new ArrayList<>()).add(r);
        }
        List<float[]> windows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : series.entrySet()) {
            List<Integer> rows = e.getValue();
            checkStatic(t, name, statics, codes, e.getKey(), rows);
            if (time >= 0) {
                rows.sort(Comparator.comparingDouble(r -> t.type(time).numeric() ? t.number(time, r) : 0));
            }
            for (int s = 0; s + c.seqLen() <= rows.size(); s += c.stride()) {
                float[] w = new float[c.seqLen() * feats.size()];
                for (int j = 0; j < c.seqLen(); j++) {
                    for (int k = 0; k < feats.size(); k++) {
                        w[j * feats.size() + k] = (float) value(t, codes, feats.get(k), rows.get(s + j));
                    }
                }
                windows.add(w);
            }
        }
        if (windows.size() < 2) {
            throw new DataException(name + ": fewer than 2 windows of " + c.seqLen() + " steps (timegan.seqLen); "
                    + "the longest series has " + series.values().stream().mapToInt(List::size).max().orElse(0)
                    + " rows");
        }
        float[] all = new float[windows.size() * c.seqLen() * feats.size()];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(windows.get(i), 0, all, i * windows.get(i).length, windows.get(i).length);
        }
        return new SeriesWindows(name, feats.stream().map(k -> t.schema().column(k).name()).toList(), c.seqLen(),
                all, statics.size(), categories);
    }

    /** A numeric cell, or the code of a categorical or boolean one as {@code codes} renumbers it. */
    private static double value(Table t, Map<Integer, int[]> codes, int k, int r) {
        return t.type(k).numeric() ? t.number(k, r) : codes.get(k)[t.code(k, r)];
    }

    /**
     * New codes for a static's categories (old code to new): by numeric value where every label is a number (a
     * 1-5 level read as categorical keeps its order, since the networks see the code as one number), else as they are.
     */
    static int[] codeOrder(List<String> labels) {
        Integer[] order = new Integer[labels.size()];
        double[] v = new double[labels.size()];
        boolean numbers = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            try {
                v[i] = Double.parseDouble(labels.get(i).trim());
            } catch (NumberFormatException e) {
                numbers = false;
            }
        }
        if (numbers) {
            java.util.Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        }
        int[] code = new int[order.length];
        for (int rank = 0; rank < order.length; rank++) {
            code[order[rank]] = rank;
        }
        return code;
    }

    /** A static feature holds one value over all rows of a series; the first row that differs is an error. */
    private static void checkStatic(Table t, String name, List<Integer> statics, Map<Integer, int[]> codes,
                                    String id, List<Integer> rows) {
        for (int k : statics) {
            double first = value(t, codes, k, rows.get(0));
            for (int r : rows) {
                if (value(t, codes, k, r) != first) {
                    throw new DataException(name + ", line " + (r + 2) + ", column \"" + t.schema().column(k).name()
                            + "\": static feature changes within series \"" + id + "\" (" + t.cell(k, rows.get(0))
                            + " on line " + (rows.get(0) + 2) + ", " + t.cell(k, r) + " here); a static feature "
                            + "holds one value per series");
                }
            }
        }
    }

    private static int column(Table t, String name, String source, String key) {
        if (name.isEmpty()) {
            return -1;
        }
        for (int k = 0; k < t.columns(); k++) {
            if (t.schema().column(k).name().equals(name)) {
                return k;
            }
        }
        throw new DataException(source + ": no column \"" + name + "\" (" + key + "; columns: " + t.schema() + ")");
    }

}
