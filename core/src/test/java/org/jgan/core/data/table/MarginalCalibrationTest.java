package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarginalCalibrationTest {
    @TempDir
    Path dir;

    /**
     * {@code rows} rows: a bimodal amount (2 decimals, every 9th missing), a count in 0..60 that is 0 in about 40% of
     * rows (a point mass), dates over three years (their season encoded) and a city. With {@code squash} the amount's
     * modes have other weights, places and spreads and the count is bent towards its low end, as a generator with
     * the wrong shapes would write them.
     */
    private Table table(String name, int rows, long seed, boolean squash) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("amount,count,day,city\n");
        for (int i = 0; i < rows; i++) {
            // bent: the modes' weights, places and spreads off, as a generator might have them
            double amount = r.nextDouble() < (squash ? 0.8 : 0.5) ? (squash ? 22 : 20) + 3 * r.nextGaussian()
                    : (squash ? 230 : 250) + (squash ? 15 : 30) * r.nextGaussian();
            int count = r.nextDouble() < 0.4 ? 0 : 1 + r.nextInt(60);
            if (squash) {
                count = count == 0 ? 0 : 1 + (int) (59 * Math.pow((count - 1) / 59.0, 3));
            }
            b.append(i % 9 == 0 ? "" : String.format("%.2f", amount)).append(',').append(count).append(',')
                    .append(java.time.LocalDate.of(2019, 1, 1).plusDays(r.nextInt(1000))).append(',')
                    .append(r.nextBoolean() ? "Paris" : "Lyon").append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return Table.readCsv(f);
    }

    /** The Kolmogorov-Smirnov statistic between the present values of column {@code c} of two tables. */
    private static double ks(Table a, Table b, int c) {
        double[] x = present(a, c);
        double[] y = present(b, c);
        double worst = 0;
        for (double v : concat(x, y)) {
            worst = Math.max(worst, Math.abs(share(x, v) - share(y, v)));
        }
        return worst;
    }

    private static double[] present(Table t, int c) {
        return java.util.stream.IntStream.range(0, t.rows()).filter(r -> !t.isMissing(c, r))
                .mapToDouble(r -> t.number(c, r)).sorted().toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double copiedShare(double[] values, double[] sortedTraining) {
        return Arrays.stream(values).filter(v -> Arrays.binarySearch(sortedTraining, v) >= 0).count()
                / (double) values.length;
    }

    private static double share(double[] sorted, double v) {
        int n = 0;
        while (n < sorted.length && sorted[n] <= v) {
            n++;
        }
        return n / (double) sorted.length;
    }

    @Test
    void bentNumbersComeBackWithTheTrainingShapesInTheirOwnOrder() throws IOException {
        Table real = table("real.csv", 600, 1, false);
        TableTransformer tf = TableTransformer.fit(real, 7);
        Table bent = table("bent.csv", 3000, 2, true);
        float[] vectors = tf.transformLikeliest(bent);
        MarginalCalibration cal = MarginalCalibration.fit(tf, vectors, bent.rows(), real);
        assertEquals(List.of("amount", "count"), cal.columns(), "the seasonal dates and the city stay as they are");

        Table raw = tf.inverse(vectors, bent.rows());
        Table moved = tf.inverse(vectors, bent.rows(), cal);
        double before = ks(raw, real, 0);
        double after = ks(moved, real, 0);
        assertTrue(before > 0.2 && after < 0.06, "amounts calibrated: KS " + before + " -> " + after);
        // the bent counts are whole numbers, so each of their values is one run of ties that moves as one (a
        // generator's values are not: they are calibrated before rounding); still much closer
        before = ks(raw, real, 1);
        after = ks(moved, real, 1);
        assertTrue(before > 0.2 && after < before / 2, "counts calibrated: KS " + before + " -> " + after);
        for (int r = 0; r < bent.rows(); r++) {
            assertEquals(raw.isMissing(0, r), moved.isMissing(0, r), "missing amounts stay missing, row " + r);
            assertEquals(raw.number(1, r) == 0, moved.number(1, r) == 0, "the point mass at 0 stays, row " + r);
            assertEquals(Math.rint(moved.number(1, r)), moved.number(1, r), "counts stay whole, row " + r);
            assertEquals(raw.cell(2, r), moved.cell(2, r), "dates with their season are not moved");
            assertEquals(raw.cell(3, r), moved.cell(3, r));
            for (int s = r + 1; s < Math.min(bent.rows(), r + 40); s++) {
                if (!raw.isMissing(0, r) && !raw.isMissing(0, s) && raw.number(0, r) < raw.number(0, s)) {
                    assertTrue(moved.number(0, r) <= moved.number(0, s), "order within the column, rows " + r
                            + " and " + s);
                }
            }
        }
        // values are interpolated between training quantiles, not copied from the training rows: no more of them
        // equal a training amount (to the cent) than of new real rows do
        double[] train = present(real, 0);
        double copied = copiedShare(present(moved, 0), train);
        double natural = copiedShare(present(table("fresh.csv", 3000, 3, false), 0), train);
        assertTrue(copied < natural * 1.5 + 0.02, copied + " of the amounts equal a training amount; " + natural
                + " of new real ones do");
    }

    @Test
    void sharesAndQuantilesAreInverseAndTiesSitInTheirMiddle() {
        double[] s = {1, 2, 2, 2, 5, 9};
        assertEquals(2.5 / 6, MarginalCalibration.cdf(s, 2), 1e-12, "the run 1..3 of 2s sits at its middle");
        assertEquals(0.5 / 6, MarginalCalibration.cdf(s, -4), 1e-12, "below every value: the first share");
        assertEquals(5.5 / 6, MarginalCalibration.cdf(s, 40), 1e-12);
        assertEquals((4.5 + 0.5) / 6, MarginalCalibration.cdf(s, 7), 1e-12, "halfway from 5 to 9");
        double[] t = {0, 10, 20, 30};
        for (double x : new double[] {0, 3, 10, 17.5, 30}) {
            assertEquals(x, MarginalCalibration.quantile(t, MarginalCalibration.cdf(t, x)), 1e-9);
        }
        assertEquals(2, MarginalCalibration.quantile(s, 2.5 / 6), 1e-12);
        assertEquals(3.5, MarginalCalibration.quantile(s, 3.5 / 6), 1e-12, "a tied value is one point, not a stretch");
        assertEquals(0, MarginalCalibration.quantile(t, 0.01));
        assertEquals(30, MarginalCalibration.quantile(t, 0.99));
    }

    @Test
    void knotsReachTheTrainingRangesEndsWithoutPilingValuesOnThem() {
        double[] values = new double[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919) % 400;  // 0 .. 399, each once, out of order
        }
        double[] k = MarginalCalibration.knots(values);
        assertEquals(40 + 2, k.length, "2 sqrt(400) quantiles, the minimum and the maximum");
        assertEquals(0, k[0]);
        assertEquals(399, k[k.length - 1]);
        assertEquals(0, MarginalCalibration.atShare(k, 0), 1e-12);
        assertEquals(399, MarginalCalibration.atShare(k, 1), 1e-12);
        assertEquals(k[1], MarginalCalibration.atShare(k, 0.5 / 40), 1e-9, "the first quantile at its share");
        assertEquals(k[20] + 0.5 * (k[21] - k[20]), MarginalCalibration.atShare(k, 0.5), 1e-9);
        // the lowest 1% of shares spread over the range's first values instead of all landing on one
        double a = MarginalCalibration.atShare(k, 0.001);
        double b = MarginalCalibration.atShare(k, 0.008);
        assertTrue(0 < a && a < b && b < k[1], a + " " + b);
        for (double u = 0; u <= 1; u += 0.001) {
            assertTrue(MarginalCalibration.atShare(k, u) <= MarginalCalibration.atShare(k, Math.min(1, u + 0.001)),
                    "monotone at " + u);
        }
    }
}
