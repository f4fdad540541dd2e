package backprop.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.data.DataSet;
import backprop.data.DataSets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each update rule against its equations, step by step, on a 1-1 network's parameters: one weight
 * and one bias. The expected values are computed here from the formulas, not by calling the
 * optimizer again.
 */
@Timeout(2) // every test loops; each takes well under a second
@DisplayName("Optimizer steps, computed by hand")
class OptimizerStepsTest {

    /** Parameter values are of order 1, so a handful of roundings stay far below this. */
    private static final double STEP_ROUNDING = 1e-13;

    private static final double W0 = 1.0;
    private static final double B0 = -2.0;

    /** One weight and one bias: the parameters of a 1-1 network. */
    private static Parameters pair(double w, double b) {
        return Parameters.of(new int[] {1, 1}, new double[][] {{w}}, new double[][] {{b}});
    }

    /** The weight's gradient is g, the bias's -2g, so both tensors and both signs are exercised. */
    private static Parameters gradient(double g) {
        return pair(g, -2 * g);
    }

    private static void assertPair(double expectedW, double expectedB, Parameters actual, String step) {
        assertAll(step,
                () -> assertEquals(expectedW, actual.weights(0)[0], STEP_ROUNDING, step + ": W1"),
                () -> assertEquals(expectedB, actual.biases(0)[0], STEP_ROUNDING, step + ": b1"));
    }

    @Nested
    @DisplayName("SGD")
    class SgdSteps {

        @ParameterizedTest(name = "η = {0}, g = {1}, {2}, {3}")
        @CsvSource({
            "0.1,  0.5, -1.0, 2.0",
            "0.01, 3.0,  3.0, 3.0",
            "1.0, -0.25, 0.0, 1e-3",
        })
        @DisplayName("moves θ by -η g at every step and keeps no state")
        void steps(double eta, double g1, double g2, double g3) {
            Sgd sgd = new Sgd(eta);
            Parameters theta = pair(W0, B0);
            double w = W0;
            double b = B0;
            int t = 1;
            for (double g : new double[] {g1, g2, g3}) {
                sgd.step(theta, gradient(g));
                w -= eta * g;
                b -= eta * (-2 * g);
                assertPair(w, b, theta, "step " + t++);
            }
        }
    }

    @Nested
    @DisplayName("momentum, v ← μ v - η g, θ ← θ + v")
    class MomentumSteps {

        @ParameterizedTest(name = "η = {0}, μ = {1}, g = {2}")
        @CsvSource({
            "0.1,  0.9,  0.5",
            "0.05, 0.5, -2.0",
            "0.01, 0.99, 3.0",
        })
        @DisplayName("with a constant gradient moves by ηg, then η(1+μ)g, then η(1+μ+μ²)g")
        void constantGradient(double eta, double mu, double g) {
            Momentum momentum = new Momentum(eta, mu);
            Parameters theta = pair(W0, B0);
            double[] factor = {1, 1 + mu, 1 + mu + mu * mu};
            double w = W0;
            double b = B0;
            for (int t = 0; t < 3; t++) {
                momentum.step(theta, gradient(g));
                w -= eta * factor[t] * g;
                b -= eta * factor[t] * (-2 * g);
                assertPair(w, b, theta, "step " + (t + 1) + (t == 0 ? "" : ": velocity ignored or reset?"));
            }
        }

        @ParameterizedTest(name = "η = {0}, μ = {1}, g = {2}, {3}, {4}")
        @CsvSource({
            "0.1,  0.9,  0.5, -1.0, 2.0",
            "0.05, 0.5,  2.0,  0.0, -4.0",
        })
        @DisplayName("with a varying gradient accumulates v = -η(g3 + μ g2 + μ² g1)")
        void varyingGradient(double eta, double mu, double g1, double g2, double g3) {
            Momentum momentum = new Momentum(eta, mu);
            Parameters theta = pair(W0, B0);
            double[] v = {
                -eta * g1,
                -eta * (g2 + mu * g1),
                -eta * (g3 + mu * g2 + mu * mu * g1),
            };
            double[] g = {g1, g2, g3};
            double w = W0;
            double b = B0;
            for (int t = 0; t < 3; t++) {
                momentum.step(theta, gradient(g[t]));
                w += v[t];
                b += -2 * v[t];
                assertPair(w, b, theta, "step " + (t + 1));
            }
        }

        @Test
        @DisplayName("forgets its velocity on reset: the next step is a first step again")
        void reset() {
            Momentum momentum = new Momentum(0.1, 0.9);
            Parameters theta = pair(W0, B0);
            momentum.step(theta, gradient(1.0));
            momentum.step(theta, gradient(1.0));
            double w = theta.weights(0)[0];
            double b = theta.biases(0)[0];
            momentum.reset();
            momentum.step(theta, gradient(1.0));
            assertPair(w - 0.1 * 1.0, b - 0.1 * -2.0, theta, "first step after reset moves by η g only");
        }

        @Test
        @DisplayName("with μ = 0 is plain SGD, bit for bit: every row of the history and every parameter")
        void zeroMomentumIsSgd() {
            DataSet data = DataSets.circle(100, 2);
            for (TrainingOptions options : List.of(TrainingOptions.fullBatch(30),
                    TrainingOptions.miniBatch(5, 16, 3))) {
                Mlp a = network();
                Mlp b = network();
                History sgd = Trainer.train(a, data, new Sgd(0.1), options);
                History m0 = Trainer.train(b, data, new Momentum(0.1, 0.0), options);
                assertAll(options.toString(),
                        () -> assertTrue(sgd.sameAs(m0), sgd + " vs " + m0),
                        () -> assertTrue(a.parameters().sameValues(b.parameters()), "parameters differ"));
            }
        }

        private static Mlp network() {
            return Mlp.create(new int[] {2, 16, 8, 1}, Activation.RELU, Initialisation.HE, 42);
        }
    }

    @Nested
    @DisplayName("Adam, m̂ = m / (1 - β1^t), v̂ = v / (1 - β2^t), θ ← θ - η m̂ / (√v̂ + ε)")
    class AdamSteps {

        @ParameterizedTest(name = "η = {0}, β1 = {1}, β2 = {2}, ε = {3}, g = {4}")
        @CsvSource({
            "0.1,   0.9,  0.999, 1e-8,  0.5",
            "0.01,  0.9,  0.999, 1e-8, -3.0",
            "0.05,  0.5,  0.9,   1e-3,  2.0",
            "0.001, 0.99, 0.9999, 1e-8, 1e-4",
        })
        @DisplayName("with a constant gradient moves exactly η g / (|g| + ε) at every step (bias correction)")
        void constantGradient(double eta, double beta1, double beta2, double epsilon, double g) {
            Adam adam = new Adam(eta, beta1, beta2, epsilon);
            Parameters theta = pair(W0, B0);
            double w = W0;
            double b = B0;
            for (int t = 1; t <= 4; t++) {
                adam.step(theta, gradient(g));
                w -= eta * g / (Math.abs(g) + epsilon);
                b -= eta * (-2 * g) / (Math.abs(-2 * g) + epsilon);
                assertPair(w, b, theta, "step " + t + (t == 1 ? "" : ": bias correction stuck at t = 1?"));
            }
        }

        @ParameterizedTest(name = "η = {0}, β1 = {1}, β2 = {2}, ε = {3}, g = {4}, {5}, {6}")
        @CsvSource({
            "0.1,  0.9, 0.999, 1e-8, 0.5, -1.0, 2.0",
            "0.01, 0.8, 0.99,  1e-3, 2.0,  0.0, -0.5",
            "0.05, 0.5, 0.9,   1e-8, -1.0, 3.0, 3.0",
        })
        @DisplayName("with a varying gradient follows the moment estimates and their bias correction for 3 steps")
        void varyingGradient(double eta, double beta1, double beta2, double epsilon, double g1, double g2,
                             double g3) {
            Adam adam = new Adam(eta, beta1, beta2, epsilon);
            Parameters theta = pair(W0, B0);
            double[] g = {g1, g2, g3};
            double w = W0;
            double b = B0;
            double mW = 0;
            double vW = 0;
            double mB = 0;
            double vB = 0;
            for (int t = 1; t <= 3; t++) {
                double gW = g[t - 1];
                double gB = -2 * gW;
                adam.step(theta, gradient(gW));
                mW = beta1 * mW + (1 - beta1) * gW;
                vW = beta2 * vW + (1 - beta2) * gW * gW;
                mB = beta1 * mB + (1 - beta1) * gB;
                vB = beta2 * vB + (1 - beta2) * gB * gB;
                double c1 = 1 - Math.pow(beta1, t);
                double c2 = 1 - Math.pow(beta2, t);
                w -= eta * (mW / c1) / (Math.sqrt(vW / c2) + epsilon);
                b -= eta * (mB / c1) / (Math.sqrt(vB / c2) + epsilon);
                assertPair(w, b, theta, "step " + t);
            }
        }

        @Test
        @DisplayName("forgets its moments and its step count on reset: the next step is a first step again")
        void reset() {
            Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
            Parameters theta = pair(W0, B0);
            adam.step(theta, gradient(1.0));
            adam.step(theta, gradient(-3.0));
            adam.reset();
            Parameters fresh = theta.copy();
            adam.step(theta, gradient(0.5));
            new Adam(0.1, 0.9, 0.999, 1e-8).step(fresh, gradient(0.5));
            assertTrue(fresh.sameValues(theta), "after reset: W1 " + theta.weights(0)[0] + ", b1 "
                    + theta.biases(0)[0] + "; a fresh Adam gives W1 " + fresh.weights(0)[0] + ", b1 "
                    + fresh.biases(0)[0]);
        }

        @Test
        @DisplayName("does not move a parameter whose gradient has always been zero")
        void zeroGradient() {
            Adam adam = new Adam(0.1);
            Parameters theta = pair(W0, B0);
            for (int t = 0; t < 3; t++) {
                adam.step(theta, pair(0.0, 1.0));
            }
            assertEquals(W0, theta.weights(0)[0], 0.0);
            assertFalse(theta.biases(0)[0] == B0);
        }
    }
}
