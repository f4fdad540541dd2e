package exercises.optimizers;

import backprop.Parameters;
import backprop.train.Adam;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Task 2 · one Adam step, with bias correction")
@Tag("task:2")
class AdamStepTest {

    private static final String NO_CORRECTION =
            "the bias correction is missing: divide m by 1 − β1^t and v by 1 − β2^t, because both start at zero";
    private static final String NO_M_CORRECTION =
            "m is not bias-corrected, so the first steps are far too small (by 1 − β1): use m̂ = m / (1 − β1^t)";
    private static final String NO_V_CORRECTION =
            "v is not bias-corrected, so the first steps are far too large: use v̂ = v / (1 − β2^t)";
    private static final String EPSILON_INSIDE =
            "ε went inside the square root: the step divides by √v̂ + ε, not √(v̂ + ε)";
    private static final String T_PLUS_ONE =
            "your bias correction uses β^(t+1): t already counts from 1 (the first step passes t = 1)";
    private static final String NO_SQRT =
            "you divided by v̂ + ε: take the square root, √v̂ + ε, so that the step has the units of θ";
    private static final String SIGN =
            "the sign is flipped: θ ← θ − η m̂ / (√v̂ + ε) moves against the gradient";
    private static final String STORED_M_HAT =
            "m holds m̂: keep the uncorrected average in m and use m̂ only for this step";
    private static final String STORED_V_HAT =
            "v holds v̂: keep the uncorrected average in v and use v̂ only for this step";

    /** The flat parameter vector of one layer: W (in × out, row-major), then b (out). */
    private static double[] flat(Parameters p) {
        double[] w = p.weights(0);
        double[] b = p.biases(0);
        double[] all = new double[w.length + b.length];
        System.arraycopy(w, 0, all, 0, w.length);
        System.arraycopy(b, 0, all, w.length, b.length);
        return all;
    }

    /** A one-layer Parameters holding a flat vector, so that the library's optimizer can step it. */
    private static Parameters layer(int in, int out, double[] values) {
        double[] w = new double[in * out];
        double[] b = new double[out];
        System.arraycopy(values, 0, w, 0, w.length);
        System.arraycopy(values, w.length, b, 0, b.length);
        return Parameters.of(new int[] {in, out}, new double[][] {w}, new double[][] {b});
    }

    /** What one wrong update rule does to θ, given the right m and v of this step. */
    private interface Rule {
        double move(double m, double v, int t);
    }

    /** θ under a wrong rule, followed from the first step on (m and v are the same as the right ones). */
    private static final class Trajectory {
        final double[] theta;
        final Rule rule;

        Trajectory(double[] theta, Rule rule) {
            this.theta = theta.clone();
            this.rule = rule;
        }

        void step(double[] m, double[] v, int t) {
            for (int i = 0; i < theta.length; i++) {
                theta[i] += rule.move(m[i], v[i], t);
            }
        }
    }

    private static boolean allFinite(double[] values) {
        for (double x : values) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double[] divided(double[] values, double by) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i] / by;
        }
        return d;
    }

    private static void run(int in, int out, double[] theta0, double[][] gradients, double learningRate, double beta1,
                            double beta2, double epsilon, String about) {
        int n = theta0.length;
        double[] theta = theta0.clone();
        double[] m = new double[n];
        double[] v = new double[n];
        Parameters reference = layer(in, out, theta0);
        Adam adam = new Adam(learningRate, beta1, beta2, epsilon);
        double[] mRef = new double[n];
        double[] vRef = new double[n];
        double eta = learningRate;
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        Trajectory noCorrection = new Trajectory(theta0, (mi, vi, t) -> -eta * mi / (Math.sqrt(vi) + eps));
        Trajectory noMCorrection = new Trajectory(theta0,
                (mi, vi, t) -> -eta * mi / (Math.sqrt(vi / (1 - Math.pow(b2, t))) + eps));
        Trajectory noVCorrection = new Trajectory(theta0,
                (mi, vi, t) -> -eta * mi / (1 - Math.pow(b1, t)) / (Math.sqrt(vi) + eps));
        Trajectory epsilonInside = new Trajectory(theta0,
                (mi, vi, t) -> -eta * mi / (1 - Math.pow(b1, t)) / Math.sqrt(vi / (1 - Math.pow(b2, t)) + eps));
        Trajectory tPlusOne = new Trajectory(theta0,
                (mi, vi, t) -> -eta * mi / (1 - Math.pow(b1, t + 1)) / (Math.sqrt(vi / (1 - Math.pow(b2, t + 1))) + eps));
        Trajectory noSqrt = new Trajectory(theta0,
                (mi, vi, t) -> -eta * mi / (1 - Math.pow(b1, t)) / (vi / (1 - Math.pow(b2, t)) + eps));
        Trajectory sign = new Trajectory(theta0,
                (mi, vi, t) -> eta * mi / (1 - Math.pow(b1, t)) / (Math.sqrt(vi / (1 - Math.pow(b2, t))) + eps));
        Trajectory[] wrong = {noCorrection, noMCorrection, noVCorrection, epsilonInside, tPlusOne, noSqrt, sign};

        for (int t = 1; t <= gradients.length; t++) {
            double[] g = gradients[t - 1];
            double[] gBefore = g.clone();
            String inputs = about + ", step t = " + t + " of " + gradients.length + "; before this step θ = "
                    + Show.array(theta) + ", m = " + Show.array(m) + ", v = " + Show.array(v) + ", g = " + Show.array(g);

            AdamStep.step(theta, g, m, v, t, learningRate, beta1, beta2, epsilon);
            adam.step(reference, layer(in, out, g));
            for (int i = 0; i < n; i++) {
                mRef[i] = beta1 * mRef[i] + (1 - beta1) * g[i];
                vRef[i] = beta2 * vRef[i] + (1 - beta2) * g[i] * g[i];
            }
            for (Trajectory w : wrong) {
                w.step(mRef, vRef, t);
            }

            Check.closeArrays("g (it must not be modified)", gBefore, g, 0, inputs);
            if (t == 1 && !allFinite(theta)) {
                Check.that(false, "θ is not finite after the first step: " + Show.array(theta) + ". If you counted"
                        + " t from 0, 1 − β^0 = 0 and the bias correction divided by zero; t counts from 1", inputs);
            }
            Diagnosis.of("m after step " + t, mRef, m, inputs)
                    .mistake(divided(mRef, 1 - Math.pow(beta1, t)), STORED_M_HAT)
                    .verify();
            Diagnosis.of("v after step " + t, vRef, v, inputs)
                    .mistake(divided(vRef, 1 - Math.pow(beta2, t)), STORED_V_HAT)
                    .verify();
            Diagnosis.of("θ after step " + t, flat(reference), theta, inputs)
                    .mistake(noCorrection.theta, NO_CORRECTION)
                    .mistake(noMCorrection.theta, NO_M_CORRECTION)
                    .mistake(noVCorrection.theta, NO_V_CORRECTION)
                    .mistake(epsilonInside.theta, EPSILON_INSIDE)
                    .mistake(tPlusOne.theta, T_PLUS_ONE)
                    .mistake(noSqrt.theta, NO_SQRT)
                    .mistake(sign.theta, SIGN)
                    .verify();
        }
    }

    @ParameterizedTest(name = "{0}-{1} layer, η = {2}, β1 = {3}, β2 = {4}, ε = {5}, gradients of size {6}, seed {7}")
    @DisplayName("six steps give the θ, m and v of the library's Adam")
    @CsvSource({
        "2, 3, 0.01,  0.9, 0.999, 1e-8, 1,    1",
        "4, 1, 0.001, 0.9, 0.999, 1e-8, 100,  2",
        "1, 1, 0.1,   0.5, 0.9,   1e-3, 0.01, 3",
        "5, 2, 0.01,  0.8, 0.99,  1e-2, 0.1,  4",
        "3, 4, 0.05,  0.0, 0.5,   1e-8, 1,    5",
    })
    void matchesLibrary(int in, int out, double learningRate, double beta1, double beta2, double epsilon,
                        double gradientSize, long seed) {
        int n = in * out + out;
        int steps = 6;
        Random random = new Random(seed);
        double[] theta0 = new double[n];
        for (int i = 0; i < n; i++) {
            theta0[i] = random.nextGaussian();
        }
        double[][] gradients = new double[steps][n];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < n; i++) {
                gradients[k][i] = gradientSize * (random.nextGaussian() + 0.5);
            }
        }
        String about = "layer " + in + "-" + out + " (n = " + n + " values: W then b), η = " + Show.num(learningRate)
                + ", β1 = " + Show.num(beta1) + ", β2 = " + Show.num(beta2) + ", ε = " + Show.num(epsilon)
                + ", seed " + seed;
        run(in, out, theta0, gradients, learningRate, beta1, beta2, epsilon, about);
    }

    @Test
    @DisplayName("the first two steps move every parameter by about η, whatever the size of its gradient (notebook 09, section 6)")
    void stepOfAboutEta() {
        // The notebook's 3-1 layer: gradients 250, 3e-5 and 1e-10 for the weights, -0.4 for the bias.
        double[] theta0 = {0.5, -0.3, 0.2, 0.1};
        double[] g = {250.0, 3e-5, 1e-10, -0.4};
        String about = "the notebook's 3-1 layer, θ = " + Show.array(theta0) + ", g = " + Show.array(g)
                + " at both steps, η = 0.01, β1 = 0.9, β2 = 0.999, ε = 1e-8";
        run(3, 1, theta0, new double[][] {g, g.clone()}, 0.01, 0.9, 0.999, 1e-8, about);
    }
}
