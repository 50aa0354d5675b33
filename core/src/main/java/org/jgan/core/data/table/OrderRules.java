package org.jgan.core.data.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Orderings between two numeric columns that every training row keeps ({@code temp_min <= temp_max}, US gross at most
 * worldwide gross, a start date before its end), found in the training rows, and put back into generated rows that
 * break them. A GAN learns such a rule only approximately: on seattle-weather 4-9% of CTGAN's synthetic days had a
 * minimum above their maximum, on movies 28-39% of films grossed less worldwide than in the US, where no training row
 * does. SDV makes a user declare them (its {@code Inequality} constraint, Patki et al. 2016); here they are found,
 * listed, and can be declared instead ({@link Ordering}, a schema file's {@code "orderings"}: a list, or {@code []}
 * for none).
 *
 * <p>A rule {@code low <= high} holds when the two columns have the same type, both hold a value in at least {@value
 * #MIN_ROWS} training rows, every such row has {@code low <= high} and some have {@code low < high}, and their values
 * in those rows overlap (when the highest {@code low} is at most the lowest {@code high}, the two columns measure
 * things on different scales, and the ordering is an accident of units, not a rule). A generated row that breaks a
 * rule gets the two values swapped, which keeps both values and puts them in order (a day with minimum 15 and maximum
 * 13 becomes 13 and 15); swaps repeat over the rules until none is broken (chains such as {@code a <= b <= c} need a
 * few passes), and a row still out of order after {@value #PASSES} passes takes {@code high = low}. Two columns are
 * paired only when their values have the same grain (whole numbers, decimals, days), so that a swapped value needs no
 * rounding ({@link TableTransformer#sameGrain}).
 */
public final class OrderRules {
    static final int MIN_ROWS = 20;
    static final int PASSES = 8;

    /** A rule: column {@code low} is at most column {@code high} (indices into the table's columns). */
    public record Rule(int low, int high, String lowName, String highName) {
        @Override
        public String toString() {
            return lowName + " <= " + highName;
        }
    }

    private final List<Rule> rules;

    private OrderRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules. */
    public static OrderRules none() {
        return new OrderRules(List.of());
    }

    /** The rules every row of {@code t} keeps, as above, with column indices into {@code t}. */
    public static OrderRules of(Table t) {
        return of(t, t.schema());
    }

    /**
     * The rules every row of {@code t} keeps, with column indices into {@code target} (the schema the rows to
     * repair have; a rule on a column it lacks, or types it holds otherwise, is left out). Where {@code target}
     * declares its orderings ({@link TableSchema#orderings()}, from a schema file), those are the rules, whatever
     * the rows of {@code t} do.
     */
    public static OrderRules of(Table t, TableSchema target) {
        List<Rule> out = new ArrayList<>();
        if (target.orderings() != null) {
            for (Ordering o : target.orderings()) {  // checked against target's columns when it was made
                out.add(new Rule(target.indexOf(o.low()), target.indexOf(o.high()), o.low(), o.high()));
            }
            return new OrderRules(out);
        }
        for (int a = 0; a < t.columns(); a++) {
            for (int b = 0; b < t.columns(); b++) {
                if (a == b || !t.type(a).numeric() || t.type(a) != t.type(b) || !holds(t, a, b) || holds(t, b, a)) {
                    continue;
                }
                String lo = t.schema().column(a).name();
                String hi = t.schema().column(b).name();
                int ta = target.indexOf(lo);
                int tb = target.indexOf(hi);
                if (ta >= 0 && tb >= 0 && target.column(ta).type() == t.type(a)
                        && target.column(tb).type() == t.type(b)) {
                    out.add(new Rule(ta, tb, lo, hi));
                }
            }
        }
        return new OrderRules(out);
    }

    /**
     * Whether every row of {@code t} with both values has a at most b, over enough rows, and their values in those
     * rows overlap. Ranges over the rows with both values, not over each column's own: movies' worldwide gross is 0
     * in some films without a running time, and every running time is below every gross of the films that have both,
     * a true ordering that no generated row should be swapped by.
     */
    private static boolean holds(Table t, int a, int b) {
        int both = 0;
        double maxA = Double.NEGATIVE_INFINITY;
        double minB = Double.POSITIVE_INFINITY;
        for (int r = 0; r < t.rows(); r++) {
            if (t.isMissing(a, r) || t.isMissing(b, r)) {
                continue;
            }
            double x = t.number(a, r);
            double y = t.number(b, r);
            if (x > y) {
                return false;
            }
            both++;
            maxA = Math.max(maxA, x);
            minB = Math.min(minB, y);
        }
        return both >= MIN_ROWS && maxA > minB;
    }

    /** The rules whose two column indices {@code keep} accepts. */
    public OrderRules where(java.util.function.BiPredicate<Integer, Integer> keep) {
        return new OrderRules(rules.stream().filter(r -> keep.test(r.low(), r.high())).toList());
    }

    /** The rules: found ones in column order, declared ones in the order of their declaration. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * The share of rows of {@code t} that have both values of {@code rule} and break it, among those with both; the
     * columns are found in {@code t} by name (NaN when {@code t} lacks one or holds no numbers there).
     */
    public static double broken(Table t, Rule rule) {
        int lo = t.schema().indexOf(rule.lowName());
        int hi = t.schema().indexOf(rule.highName());
        if (lo < 0 || hi < 0 || !t.type(lo).numeric() || !t.type(hi).numeric()) {
            return Double.NaN;
        }
        int both = 0;
        int bad = 0;
        for (int r = 0; r < t.rows(); r++) {
            if (!t.isMissing(lo, r) && !t.isMissing(hi, r)) {
                both++;
                bad += t.number(lo, r) > t.number(hi, r) ? 1 : 0;
            }
        }
        return both == 0 ? 0 : bad / (double) both;
    }

    /**
     * Puts {@code rows} rows of column values in order, in place: {@code values[c][r]} is column c's value in row
     * r (NaN: missing, left alone; the arrays of columns no rule names are not read and may be null).
     */
    void repair(double[][] values, int rows) {
        for (int r = 0; r < rows; r++) {
            for (int pass = 0; pass < PASSES && swapOnce(values, r); pass++) {
                // swapped something: look again, a swap can break another rule of the chain
            }
            for (int pass = 0; pass < rules.size(); pass++) {  // never needed in the tables measured
                for (Rule rule : rules) {
                    double[] lo = values[rule.low()];
                    double[] hi = values[rule.high()];
                    if (lo[r] > hi[r]) {
                        hi[r] = lo[r];
                    }
                }
            }
        }
    }

    private boolean swapOnce(double[][] values, int r) {
        boolean swapped = false;
        for (Rule rule : rules) {
            double[] lo = values[rule.low()];
            double[] hi = values[rule.high()];
            if (lo[r] > hi[r]) {  // false when either is NaN
                double t = lo[r];
                lo[r] = hi[r];
                hi[r] = t;
                swapped = true;
            }
        }
        return swapped;
    }
}
