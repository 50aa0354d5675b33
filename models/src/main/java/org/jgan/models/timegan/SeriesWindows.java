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
 * or time order) or many series in long format (an id column, each series cut on its own).
 *
 * @param name     where they came from
 * @param features the feature names
 * @param steps    steps per window
 * @param values   windows x steps x features values
 */
public record SeriesWindows(String name, List<String> features, int steps, float[] values) {
    /** The data name of the paper's sines; "sines:N" asks for N windows. */
    public static final String SINES = "sines";

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

    /** Windows cut from {@code t}: every numeric column but the id and time columns is a feature. */
    static SeriesWindows fromTable(Table t, String name, TimeGanConfig c) {
        int id = column(t, c.idColumn(), name);
        int time = column(t, c.timeColumn(), name);
        List<Integer> feats = new ArrayList<>();
        for (int k = 0; k < t.columns(); k++) {
            ColumnType ty = t.type(k);
            if (k != id && k != time && (ty == ColumnType.CONTINUOUS || ty == ColumnType.INTEGER)) {
                feats.add(k);
                for (int r = 0; r < t.rows(); r++) {
                    if (t.isMissing(k, r)) {
                        throw new DataException(name + ", line " + (r + 2) + ", column \"" + t.schema().column(k)
                                .name() + "\": a missing value; series windows need every value (fill or drop it)");
                    }
                }
            }
        }
        if (feats.isEmpty()) {
            throw new DataException(name + ": no numeric column to model as a series (columns: " + t.schema() + ")");
        }
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (int r = 0; r < t.rows(); r++) {
            series.computeIfAbsent(id < 0 ? "" : t.cell(id, r), k -> new ArrayList<>()).add(r);
        }
        List<float[]> windows = new ArrayList<>();
        for (List<Integer> rows : series.values()) {
            if (time >= 0) {
                rows.sort(Comparator.comparingDouble(r -> t.type(time).numeric() ? t.number(time, r) : 0));
            }
            for (int s = 0; s + c.seqLen() <= rows.size(); s += c.stride()) {
                float[] w = new float[c.seqLen() * feats.size()];
                for (int j = 0; j < c.seqLen(); j++) {
                    for (int k = 0; k < feats.size(); k++) {
                        w[j * feats.size() + k] = (float) t.number(feats.get(k), rows.get(s + j));
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
                all);
    }

    private static int column(Table t, String name, String source) {
        if (name.isEmpty()) {
            return -1;
        }
        for (int k = 0; k < t.columns(); k++) {
            if (t.schema().column(k).name().equals(name)) {
                return k;
            }
        }
        throw new DataException(source + ": no column \"" + name + "\" (columns: " + t.schema() + ")");
    }

}
