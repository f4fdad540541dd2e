package exercises.optimizers;

import backprop.Parameters;
import backprop.train.Momentum;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Task 1 · one momentum step: v ← μ v − η g, then θ ← θ + v")
@Tag("task:1")
class MomentumStepTest {

    private static final String SIGN =
            "the sign is flipped: v ← μ v − η g, so that θ moves against the gradient, downhill";
    private static final String OLD_V =
            "θ was moved with the old velocity: update v first, then add the new v to θ";
    private static final String NO_MOMENTUM =
            "μ v is missing: without it every step is the plain −η g and nothing builds up";
    private static final String VELOCITY_SIGN =
            "your velocity has the opposite sign: here v ← μ v − η g and θ ← θ + v, so v points downhill";

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

    private static double[] gaussian(Random random, int n, double scale) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * random.nextGaussian();
        }
        return values;
    }

    private static double[] negated(double[] values) {
        double[] n = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            n[i] = -values[i];
        }
        return n;
    }

    @ParameterizedTest(name = "{0}-{1} layer, η = {2}, μ = {3}, seed {4}")
    @DisplayName("six steps give the θ and v of the library's Momentum")
    @CsvSource({
        "2, 3, 0.05, 0.9,  1",
        "4, 1, 0.1,  0.5,  2",
        "1, 1, 0.05, 0.9,  3",
        "5, 2, 0.01, 0.99, 4",
        "3, 4, 0.2,  0.0,  5",
    })
    void matchesLibrary(int in, int out, double learningRate, double mu, long seed) {
        int n = in * out + out;
        int steps = 6;
        Random random = new Random(seed);
        double[] theta = gaussian(random, n, 1.0);
        double[] velocity = new double[n];
        Parameters reference = layer(in, out, theta);
        Momentum momentum = new Momentum(learningRate, mu);
        double[] v = new double[n];
        double[] thetaSign = theta.clone();
        double[] vSign = new double[n];
        double[] thetaOld = theta.clone();
        double[] vOld = new double[n];
        double[] thetaPlain = theta.clone();

        for (int k = 1; k <= steps; k++) {
            double[] g = gaussian(random, n, 0.5 + k);
            double[] gBefore = g.clone();
            String inputs = "layer " + in + "-" + out + " (n = " + n + " values: W then b), η = " + Show.num(learningRate)
                    + ", μ = " + Show.num(mu) + ", seed " + seed + ", step " + k + " of " + steps
                    + "; before this step θ = " + Show.array(theta) + ", v = " + Show.array(velocity)
                    + ", g = " + Show.array(g);

            MomentumStep.step(theta, g, velocity, learningRate, mu);
            momentum.step(reference, layer(in, out, g));
            for (int i = 0; i < n; i++) {
                v[i] = mu * v[i] - learningRate * g[i];
                vSign[i] = mu * vSign[i] + learningRate * g[i];
                thetaSign[i] += vSign[i];
                thetaOld[i] += vOld[i];
                vOld[i] = mu * vOld[i] - learningRate * g[i];
                thetaPlain[i] -= learningRate * g[i];
            }

            Check.closeArrays("g (it must not be modified)", gBefore, g, 0, inputs);
            Diagnosis.of("θ after step " + k, flat(reference), theta, inputs)
                    .mistake(thetaSign, SIGN)
                    .mistake(thetaOld, OLD_V)
                    .mistake(thetaPlain, NO_MOMENTUM)
                    .verify();
            Diagnosis.of("v after step " + k, v, velocity, inputs)
                    .mistake(negated(v), VELOCITY_SIGN)
                    .verify();
        }
    }

    @Test
    @DisplayName("under a steady gradient the step grows to η (1 − μᵏ) / (1 − μ), towards ten times η for μ = 0.9")
    void steadyGradient() {
        // The notebook's section 5: a 1-1 layer, gradient 1 for the weight and 0 for the bias.
        double learningRate = 0.05;
        double mu = 0.9;
        int[] shown = {1, 2, 3, 5, 10, 20, 50};
        double[] theta = {0.0, 0.0};
        double[] velocity = new double[2];
        double[] g = {1.0, 0.0};
        double[] moves = new double[shown.length];
        double[] expected = new double[shown.length];
        double[] oldVelocity = new double[shown.length];
        int next = 0;
        for (int k = 1; k <= 50; k++) {
            double before = theta[0];
            MomentumStep.step(theta, g, velocity, learningRate, mu);
            if (k == shown[next]) {
                moves[next] = before - theta[0];
                expected[next] = learningRate * (1 - Math.pow(mu, k)) / (1 - mu);
                oldVelocity[next] = learningRate * (1 - Math.pow(mu, k - 1)) / (1 - mu);
                next++;
            }
        }
        String inputs = "θ = {W = 0, b = 0}, g = {1, 0} at every step, η = 0.05, μ = 0.9, 50 steps; moves of W at steps 1, 2, 3, 5, 10, 20, 50";
        Diagnosis.of("how far W moves", expected, moves, inputs)
                .mistake(negated(expected), SIGN)
                .mistake(oldVelocity, OLD_V)
                .mistake(new double[] {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05}, NO_MOMENTUM)
                .verify();
        Check.close("the bias b, whose gradient is 0", 0.0, theta[1], inputs);
    }
}
