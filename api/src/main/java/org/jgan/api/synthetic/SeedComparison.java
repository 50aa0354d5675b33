package org.jgan.api.synthetic;

/**
 * Test accuracies of two training conditions, one per classifier seed, and whether their difference stands out from
 * the spread between seeds.
 *
 * @param baseline accuracies of the condition compared against (e.g. real images only)
 * @param treated  accuracies of the condition under test (e.g. real plus synthetic images)
 */
public record SeedComparison(double[] baseline, double[] treated) {
    /** The mean of {@code values}. */
    public static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** The sample standard deviation of {@code values} (n - 1 in the denominator); 0 for a single value. */
    public static double std(double[] values) {
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return values.length > 1 ? Math.sqrt(s / (values.length - 1)) : 0;
    }

    /** Mean treated minus mean baseline accuracy: the lift, negative when the treatment hurt. */
    public double difference() {
        return mean(treated) - mean(baseline);
    }

    /** The larger of the two conditions' seed spreads (standard deviations). */
    public double spread() {
        return Math.max(std(baseline), std(treated));
    }

    /** True when the treatment gained more than the larger seed spread. */
    public boolean gainBeyondSpread() {
        return difference() > spread();
    }

    /** True when the treatment lost more than the larger seed spread. */
    public boolean lossBeyondSpread() {
        return -difference() > spread();
    }

    /** The verdict in words: a gain or a loss beyond the seeds' spread, or within it. */
    public String verdict() {
        return gainBeyondSpread() ? "a gain beyond the seeds' spread"
                : lossBeyondSpread() ? "a loss beyond the seeds' spread" : "within the seeds' spread";
    }
}
