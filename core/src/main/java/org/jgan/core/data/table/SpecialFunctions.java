package org.jgan.core.data.table;

/**
 * The digamma and log-gamma functions the variational mixture of {@link BayesianGaussianMixture} needs (expectations
 * under Beta and Wishart posteriors). Written here rather than taken from a library: they are a few lines each, and
 * the mixture is the only user.
 */
final class SpecialFunctions {
    /** Lanczos coefficients for g = 7, n = 9 (Numerical Recipes, 3rd ed., and Boost): about 15 correct digits. */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /** psi(x) = d/dx log Gamma(x) for x > 0. */
    static double digamma(double x) {
        double r = 0;
        // psi(x) = psi(x + 1) - 1/x moves x to where the asymptotic series is accurate to double precision.
        while (x < 10) {
            r -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        // ln x - 1/(2x) - 1/(12x^2) + 1/(120x^4) - 1/(252x^6) + 1/(240x^8) - 1/(132x^10)
        return r + Math.log(x) - 0.5 / x
                - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
    }

    /** log Gamma(x) for x > 0. */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x); keeps the series where it is accurate
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (x + i);
        }
        return HALF_LOG_2PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b). */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }
}
