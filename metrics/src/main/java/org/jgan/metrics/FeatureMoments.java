package org.jgan.metrics;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * The sufficient statistics of FID's Gaussian (Heusel et al. 2017) over samples spread across partitions: count
 * {@code n}, mean {@code m} [d] and centered co-moment {@code M2 = sum (x - m)(x - m)^T} [d, d], in float64. Each
 * partition adds its own features; partitions then merge in any order and any tree shape, and {@link #toFidStats}
 * finishes {@code sigma = M2 / (n - 1)}. The result equals {@link FidStats#of} on all features together up to
 * round-off (in the tests: 1e-15 relative on centered features, 2e-13 on features whose mean is 1e4 times their
 * spread), so FID over partitions is exact, not an average of per-partition FIDs (which would be biased: FID is not
 * linear in the samples).
 *
 * <p>Why a mean and a centered co-moment, not raw sums {@code s = sum x} and {@code S = sum x x^T}: the covariance
 * from raw sums is {@code (S - n m m^T) / (n - 1)}, a small difference of two large numbers. When the features' mean
 * is large against their spread, {@code |m| / std = r}, the subtraction cancels at least {@code 2 log10 r} digits and
 * float64's 16 leave too few (on features 1e4 + N(0, 1) the tests measure 1e-6 relative error). Partitions instead
 * keep their own mean and the co-moment about it, computed in two passes, and combine with Chan, Golub and LeVeque's
 * pairwise update ("Updating formulae and a pairwise algorithm for computing sample variances", 1979), extended to
 * co-moments:
 * <pre>
 *   n = na + nb,  delta = mb - ma,  m = ma + delta nb / n,  M2 = M2a + M2b + delta delta^T na nb / n
 * </pre>
 * No term squares the mean: the only difference of large numbers is {@code delta}, whose round-off
 * ({@code eps |m|}) enters {@code M2} against the spread, not against {@code |m|^2} (hence 2e-13, not 1e-6).
 * Apache Spark's {@code StatCounter} does the same for one variable.
 *
 * <p>A mutable accumulator, as Spark's aggregators are: {@link #add} and {@link #merge} update this object and return
 * it (Spark's {@code treeAggregate} lets its functions modify and return their first argument, and the object is big:
 * the dense d x d co-moment is 32 MiB at d = 2048, so copying it per merge would double the memory). {@code merge} is
 * associative and commutative up to round-off, which is what {@code treeReduce} needs. Plain Java arrays and
 * {@link Serializable}, so it crosses the network with Java serialization; nothing needs closing. Adding a
 * {@link FeatureSet} computes its batch moments with libtorch (float64 matrix product, as {@link FidStats#of}); adding
 * single rows and merging are plain Java. Not thread-safe.
 */
public final class FeatureMoments implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int dim;
    private long count;
    private final double[] mean;
    /** Row-major d x d; symmetric. */
    private final double[] m2;

    private FeatureMoments(int dim, long count, double[] mean, double[] m2) {
        this.dim = dim;
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    /** No samples yet, of {@code dim}-d features: the zero of {@link #merge}. */
    public static FeatureMoments empty(int dim) {
        if (dim < 1 || (long) dim * dim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("feature moments need a dimension from 1 to 46340, got " + dim);
        }
        return new FeatureMoments(dim, 0, new double[dim], new double[dim * dim]);
    }

    /** The moments of {@code f}'s features. */
    public static FeatureMoments of(FeatureSet f) {
        return empty(f.dim()).add(f);
    }

    public int dim() {
        return dim;
    }

    public long count() {
        return count;
    }

    /** A copy of the running mean [d]. */
    public double[] mean() {
        return mean.clone();
    }

    /** An independent copy, for callers that must keep this one unchanged across a {@link #merge}. */
    public FeatureMoments copy() {
        return new FeatureMoments(dim, count, mean.clone(), m2.clone());
    }

    /** Adds the features of {@code f}; returns this. */
    public FeatureMoments add(FeatureSet f) {
        checkDim(f.dim(), f.source());
        return addBatch(f.features(), f.count());
    }

    /** Adds the rows of {@code rows} (each of length d); returns this. */
    public FeatureMoments add(float[][] rows) {
        if (rows.length == 0) {
            return this;
        }
        float[] flat = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            checkDim(rows[i].length, "row " + i);
            checkFinite(rows[i], i);
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return addBatch(flat, rows.length);
    }

    /** Adds one sample; returns this. Welford's update, which is the pairwise update with {@code nb = 1}. */
    public FeatureMoments add(double[] row) {
        checkDim(row.length, "the row");
        for (int j = 0; j < dim; j++) {
            if (!Double.isFinite(row[j])) {
                throw new DataException("feature " + j + " of the row is " + row[j] + "; features must be finite");
            }
        }
        return combine(1, row, null);
    }

    /**
     * Merges {@code other}'s samples into this one; returns this ({@code other} is unchanged). Merging an object into
     * itself counts its samples twice, as for any other pair.
     */
    public FeatureMoments merge(FeatureMoments other) {
        if (other.dim != dim) {
            throw new DataException("cannot merge the moments of " + other.dim + "-d features into those of " + dim
                    + "-d ones; all partitions must use the same feature extractor");
        }
        if (other == this) {
            return merge(other.copy());
        }
        return combine(other.count, other.mean, other.m2);
    }

    /**
     * FID's Gaussian of all samples added or merged so far, named {@code source} in messages. Refuses fewer than
     * {@code d + 1} samples, as {@link FidStats#of} does: their covariance is singular (below 2, undefined).
     */
    public FidStats toFidStats(String source) {
        FidStats.requireNonSingular(source, count, dim);
        double[] sigma = new double[dim * dim];
        double n1 = count - 1;
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = m2[i] / n1;
        }
        return new FidStats(source, count, mean.clone(), sigma);
    }

    /** {@link #toFidStats(String)} named after its sample count. */
    public FidStats toFidStats() {
        return toFidStats("merged moments of " + count + " samples");
    }

    /** Two-pass moments of a batch (mean first, then products of centered rows), merged into this one. */
    private FeatureMoments addBatch(float[] features, int n) {
        try (StepScope s = StepScope.open()) {
            Tensor x = Tensors.fromFloats(features, n, dim).to(torch.ScalarType.Double);
            Tensor mu = x.mean(0);
            Tensor xc = x.sub(mu);
            return combine(n, Float64.values(mu), Float64.values(xc.t().mm(xc)));
        }
    }

    /**
     * The pairwise update with a block of {@code nb} samples of mean {@code mb} and co-moment {@code m2b} (null for
     * zero: a single sample, without allocating d x d zeros per row).
     */
    private FeatureMoments combine(long nb, double[] mb, double[] m2b) {
        if (nb == 0) {
            return this;
        }
        if (count == 0) {
            count = nb;
            System.arraycopy(mb, 0, mean, 0, dim);
            if (m2b != null) {
                System.arraycopy(m2b, 0, m2, 0, m2.length);
            }
            return this;
        }
        double n = (double) count + nb;
        double[] delta = new double[dim];
        for (int j = 0; j < dim; j++) {
            delta[j] = mb[j] - mean[j];
            mean[j] += delta[j] * (nb / n);
        }
        double c = count * (nb / n);
        for (int i = 0; i < dim; i++) {
            int row = i * dim;
            for (int j = 0; j < dim; j++) {
                // (delta_i delta_j) c, not (delta_i c) delta_j: the same product for (i, j) and (j, i), so the
                // update stays exactly symmetric.
                double outer = delta[i] * delta[j] * c;
                m2[row + j] += m2b == null ? outer : m2b[row + j] + outer;
            }
        }
        count += nb;
        return this;
    }

    private void checkDim(int d, String what) {
        if (d != dim) {
            throw new DataException(what + " has " + d + "-d features but these moments are of " + dim
                    + "-d ones; all samples must come from the same feature extractor");
        }
    }

    private static void checkFinite(float[] row, int i) {
        for (int j = 0; j < row.length; j++) {
            if (!Float.isFinite(row[j])) {
                throw new DataException("feature " + j + " of row " + i + " is " + row[j]
                        + "; features must be finite");
            }
        }
    }

    /** A stream from another build, or a corrupt one, must not leave arrays of the wrong size. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (dim < 1 || count < 0 || mean == null || m2 == null || mean.length != dim
                || m2.length != (long) dim * dim) {
            throw new InvalidObjectException("feature moments with dim " + dim + ", count " + count
                    + " and arrays of the wrong size");
        }
    }
}
