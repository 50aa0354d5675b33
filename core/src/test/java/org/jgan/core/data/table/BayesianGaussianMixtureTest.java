package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BayesianGaussianMixtureTest {
    @Test
    void specialFunctionsMatchKnownValues() {
        double euler = 0.5772156649015329;
        assertEquals(-euler, SpecialFunctions.digamma(1), 1e-13);
        assertEquals(-euler - 2 * Math.log(2), SpecialFunctions.digamma(0.5), 1e-13);
        assertEquals(1 - euler + 0.5 + 1.0 / 3, SpecialFunctions.digamma(4), 1e-13); // H(3) - gamma
        assertEquals(-1000.5755719318103, SpecialFunctions.digamma(0.001), 1e-9);
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), 1e-14);
        assertEquals(Math.log(362880), SpecialFunctions.logGamma(10), 1e-12);
        assertEquals(0, SpecialFunctions.logGamma(1), 1e-14);
        assertEquals(6.907178885383854, SpecialFunctions.logGamma(0.001), 1e-11);
        assertEquals(Math.log(1.0 / 12), SpecialFunctions.logBeta(2, 3), 1e-13); // B(2,3) = 1!2!/4!
    }

    /** Two clusters written by a formula, so that the same numbers can be fed to scikit-learn. */
    static double[] twoClusters() {
        double[] x = new double[500];
        for (int i = 0; i < 300; i++) {
            double f = i * 0.6180339887498949;
            x[i] = -5 + 2 * (f - Math.floor(f) - 0.5);
        }
        for (int i = 0; i < 200; i++) {
            double f = i * 0.4142135623730951;
            x[300 + i] = 8 + 3 * (f - Math.floor(f) - 0.5);
        }
        return x;
    }

    @Test
    void matchesScikitLearnOnTwoComponents() {
        // scikit-learn 1.2.1: BayesianGaussianMixture(n_components=2, weight_concentration_prior_type=
        // "dirichlet_process", weight_concentration_prior=0.001, random_state=0).fit(x) on the same x gives
        // weights_ [0.6007984, 0.3992016], means_ [-4.98391632, 7.9439904], sqrt(covariances_)
        // [0.7477086, 1.11993529], converged after 2 iterations. Both k-means starts split the two clusters alike,
        // so any difference is in the variational updates. Tolerance: the 1e-6 added to variances is relative
        // here (data standardised first), absolute there, which moves the spreads by about 3e-5.
        BayesianGaussianMixture.Fit f = BayesianGaussianMixture.fit(twoClusters(), 2, 0);
        int lo = f.means()[0] < f.means()[1] ? 0 : 1;
        assertEquals(0.6007984, f.weights()[lo], 1e-6);
        assertEquals(0.3992016, f.weights()[1 - lo], 1e-6);
        assertEquals(-4.98391632, f.means()[lo], 1e-6);
        assertEquals(7.9439904, f.means()[1 - lo], 1e-6);
        assertEquals(0.7477086, f.stds()[lo], 1e-4);
        assertEquals(1.11993529, f.stds()[1 - lo], 1e-4);
        assertTrue(f.converged());
    }

    @Test
    void theLowerBoundNeverFalls() {
        Random r = new Random(5);
        double[] x = new double[900];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 3) * 4 + r.nextGaussian();
        }
        BayesianGaussianMixture.Fit f = BayesianGaussianMixture.fit(x, 10, 3);
        double[] b = f.bounds();
        assertTrue(b.length > 2, "stopped after " + b.length);
        for (int i = 1; i < b.length; i++) {
            // coordinate ascent on the evidence lower bound: every E and M step can only raise it
            assertTrue(b[i] >= b[i - 1] - 1e-6 * Math.abs(b[i - 1]), "iteration " + i + ": " + b[i - 1] + " -> "
                    + b[i]);
        }
        double total = 0;
        for (double w : f.weights()) {
            total += w;
        }
        assertEquals(1, total, 1e-12);
    }
}
