package exercises.gradcheck;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Objective;
import backprop.Parameters;
import backprop.check.GradientCheck;
import backprop.check.GradientCheckReport;
import backprop.check.PlantedBug;
import backprop.check.TensorCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Exercise 05 · NumericalGradient: checking every parameter")
class NumericalGradientTest {

    @Nested
    @Tag("task:1")
    @DisplayName("Task 1 · numericalGradient: (L(θ + h) − L(θ − h)) / 2h for every parameter")
    class CentredDifferences {

        @ParameterizedTest(name = "network {0}, {1} hidden, N = {2}, h = {3}, seed {4}")
        @CsvSource({"2-3-1, TANH, 5, 1e-3, 11", "3-4-2, SIGMOID, 1, 1e-4, 12", "2-5-3-1, RELU, 17, 1e-3, 13",
                "4-2, SIGMOID, 9, 1e-5, 14"})
        @DisplayName("gives the library's centred differences for every weight and bias")
        void matchesTheLibrary(String shape, Activation hidden, int rows, double h, long seed) {
            Case c = Case.of(shape, hidden, rows, seed);
            Objective objective = c.mlp.objective(c.x, c.y);
            Parameters expected = GradientCheck.create().withStep(h).numericalGradient(objective);
            Parameters forward = forwardDifferences(c, h);
            Parameters drifted = withoutRestoring(c, h);

            Parameters actual = NumericalGradient.numericalGradient(objective, h);

            String inputs = c.describe() + ", h = " + Show.num(h);
            Check.that(actual != null && actual != objective.parameters(), actual == null ? "you returned null"
                    : "you returned the objective's own parameters: return new Parameters (zerosLike) with the "
                    + "slopes", inputs);
            Check.that(Arrays.equals(actual.sizes(), expected.sizes()), "the result has sizes "
                    + Show.sizes(actual.sizes()) + ": expected the objective's " + Show.sizes(expected.sizes()),
                    inputs);
            for (int k = 0; k < expected.tensorCount(); k++) {
                Diagnosis.of("numerical d" + expected.tensorName(k), expected.tensor(k), actual.tensor(k), inputs)
                        .tolerance(1e-6)
                        .mistake(forward.tensor(k), "that is the forward difference (L(θ + h) − L(θ)) / h, "
                                + "whose error shrinks only like h: step both ways and divide by 2h")
                        .mistake(scaled(expected.tensor(k), 2), "your slopes are twice too large: "
                                + "L(θ + h) − L(θ − h) spans 2h, so divide by 2h, not h")
                        .mistake(new double[expected.tensor(k).length], "the tensor " + expected.tensorName(k)
                                + " was skipped: probe every tensor, biases included")
                        .mistake(drifted.tensor(k), "the parameters were not restored: each probe started "
                                + "where the previous one left θ; write the saved value back after each probe")
                        .verify();
            }
        }

        @ParameterizedTest(name = "network {0}, {1} hidden, h = {2}")
        @CsvSource({"2-3-1, TANH, 1e-5", "3-4-2, SIGMOID, 0.1", "2-5-3-1, RELU, 1e-3"})
        @DisplayName("leaves every parameter bit for bit as it was")
        void restoresEveryParameter(String shape, Activation hidden, double h) {
            Case c = Case.of(shape, hidden, 6, 20);
            Parameters before = c.mlp.parameters().copy();

            NumericalGradient.numericalGradient(c.mlp.objective(c.x, c.y), h);

            Parameters after = c.mlp.parameters();
            String inputs = c.describe() + ", h = " + Show.num(h);
            Check.that(after.sameValues(before), "the parameters changed: " + firstChange(before, after)
                    + ". Save each value before probing it and write that same double back: θ + h − h is not "
                    + "always θ in floating point", inputs);
        }

        @Test
        @DisplayName("is exact on a quadratic loss, whose derivative is known by hand")
        void exactOnAQuadratic() {
            for (int[] sizes : new int[][] {{2, 1}, {3, 2, 2}, {1, 4, 3, 1}}) {
                Quadratic q = new Quadratic(sizes, 30L + sizes.length);
                double h = 1e-3;

                Parameters actual = NumericalGradient.numericalGradient(q, h);

                String inputs = "L(θ) = Σ (c θ² / 2 + d θ) over parameters " + Show.sizes(sizes) + ", θ = "
                        + Show.array(q.theta.tensor(0)) + " ..., c = " + Show.array(q.c.tensor(0)) + " ..., h = "
                        + Show.num(h) + "; dL/dθ = c θ + d";
                Check.that(actual != null, "you returned null", inputs);
                Parameters exact = q.gradient();
                for (int k = 0; k < exact.tensorCount(); k++) {
                    double[] expected = exact.tensor(k);
                    double[] forward = expected.clone();
                    double[] c = q.c.tensor(k);
                    for (int i = 0; i < forward.length; i++) {
                        forward[i] += c[i] * h / 2; // what (L(θ + h) − L(θ)) / h gives on a parabola
                    }
                    Diagnosis.of("numerical d" + exact.tensorName(k), expected, actual.tensor(k), inputs)
                            .tolerance(1e-8)
                            .mistake(forward, "that is the forward difference, off by c h / 2 on a parabola: "
                                    + "the centred difference is exact there")
                            .mistake(scaled(expected, 2), "your slopes are twice too large: divide by 2h, not h")
                            .mistake(new double[expected.length], "the tensor " + exact.tensorName(k)
                                    + " was skipped: probe every tensor, biases included")
                            .verify();
                }
            }
        }
    }

    @Nested
    @Tag("task:2")
    @DisplayName("Task 2 · relativeError: |a − n| / max(|a|, |n|, floor)")
    class RelativeError {

        @ParameterizedTest(name = "a = {0}, n = {1}, floor = {2}")
        @CsvSource({
            "1,     1,         1e-6",
            "0,     0,         1e-6",
            "0,     0,         0",
            "0.25,  0.5,       1e-6",
            "0.5,   0.25,      1e-6",
            "-3,    3,         1e-6",
            "1e-9,  2e-9,      1e-6",
            "2e-7,  -1e-7,     1e-6",
            "1e-12, 0,         1e-6",
            "0.3,   0.3000003, 1e-6",
            "5,     4,         10",
            "-2,    -2.5,      0",
        })
        @DisplayName("agrees with the library's relative error")
        void matchesTheLibrary(double a, double n, double floor) {
            double expected = GradientCheck.create().withFloor(floor).relativeError(a, n);

            double actual = NumericalGradient.relativeError(a, n, floor);

            String inputs = "a = " + Show.num(a) + ", n = " + Show.num(n) + ", floor = " + Show.num(floor);
            double difference = Math.abs(a - n);
            double larger = Math.max(Math.abs(a), Math.abs(n));
            Check.that(!Double.isNaN(actual), "you returned NaN: when a and n are equal (both 0 here) the error "
                    + "is 0, so 0/0 must never be computed", inputs);
            Diagnosis.of("relative error", expected, actual, inputs)
                    .mistake(difference / larger, "the floor is missing: divide by max(|a|, |n|, floor), so "
                            + "that two tiny gradients are compared absolutely")
                    .mistake(difference / Math.max(Math.abs(a), floor), "you divided by |a| only: use the larger "
                            + "of |a| and |n|, so that the error does not depend on which one is the reference")
                    .mistake(difference / Math.abs(a), "you divided by |a| only: use max(|a|, |n|, floor)")
                    .mistake(difference / Math.max(Math.abs(n), floor), "you divided by |n| only: use the larger "
                            + "of |a| and |n|")
                    .mistake(difference / (Math.abs(a) + Math.abs(n)), "you divided by |a| + |n| (lesson A's "
                            + "measure): this check divides by max(|a|, |n|, floor)")
                    .mistake(difference, "that is the absolute difference |a − n|: divide it by "
                            + "max(|a|, |n|, floor)")
                    .verify();
        }

        @Test
        @DisplayName("is symmetric in a and n, and unchanged when a, n and the floor are scaled together")
        void symmetricAndScaleFree() {
            Random random = new Random(51);
            for (int t = 0; t < 20; t++) {
                double a = random.nextGaussian() * Math.pow(10, -random.nextInt(8));
                double n = a * (1 + 0.1 * random.nextGaussian()) + 1e-7 * random.nextGaussian();
                double floor = 1e-6;
                double scale = Math.pow(2, random.nextInt(20) - 10);
                String inputs = "a = " + Show.num(a) + ", n = " + Show.num(n) + ", floor = " + Show.num(floor)
                        + ", scale " + Show.num(scale);

                double e = NumericalGradient.relativeError(a, n, floor);

                Check.close("relativeError(n, a, floor), against relativeError(a, n, floor)", e,
                        NumericalGradient.relativeError(n, a, floor), inputs);
                Check.close("relativeError(scale · a, scale · n, scale · floor)", e,
                        NumericalGradient.relativeError(scale * a, scale * n, scale * floor), inputs);
            }
        }
    }

    @Nested
    @Tag("task:3")
    @DisplayName("Task 3 · firstFailingTensor: the check names the culprit")
    class FirstFailingTensor {

        @ParameterizedTest(name = "{0} in network {1}, {2} hidden, N = {3}, threshold {4}")
        @CsvSource({
            "BIAS_AVERAGED_TWICE,      2-4-3-1, TANH,    8,  1e-4",
            "BIAS_AVERAGED_TWICE,      3-6-2,   RELU,    17, 1e-2",
            "MISSING_ONE_OVER_N,       2-5-1,   SIGMOID, 6,  1e-4",
            "TRANSPOSED_WEIGHTS,       2-5-4-1, TANH,    5,  1e-4",
            "FLIPPED_SIGN,             3-4-2,   RELU,    7,  1e-2",
            "DERIVATIVE_AT_ACTIVATION, 2-4-3-1, SIGMOID, 5,  1e-4",
        })
        @DisplayName("names the first tensor that a planted bug spoils")
        void namesThePlantedBug(PlantedBug bug, String shape, Activation hidden, int rows, double threshold) {
            Case c = Case.of(shape, hidden, rows, 60L + rows);
            Objective objective = bug.objective(c.mlp, c.x, c.y);
            verifyFirstFailing(objective, c.describe() + ", bug " + bug + " (" + bug.description() + ")", threshold);
        }

        @ParameterizedTest(name = "network {0}, {1} hidden, N = {2}, threshold {3}")
        @CsvSource({"2-4-3-1, TANH, 8, 1e-4", "3-5-2, SIGMOID, 1, 1e-4", "2-6-1, RELU, 12, 1e-2"})
        @DisplayName("returns null for the network's correct gradient")
        void passesTheCorrectGradient(String shape, Activation hidden, int rows, double threshold) {
            Case c = Case.of(shape, hidden, rows, 70L + rows);
            verifyFirstFailing(c.mlp.objective(c.x, c.y), c.describe() + ", the library's correct gradient",
                    threshold);
        }

        @ParameterizedTest(name = "threshold {0}: {1}")
        @CsvSource({"0.5, b1", "0.6, W2", "2, W2", "2.5, null"})
        @DisplayName("fails a tensor whose largest error equals the threshold, and names the first, not the worst")
        void firstAtTheThreshold(double threshold, String expectedName) {
            // L(θ) = Σ c θ at θ = 0 with h = 0.5: the centred difference is exactly c. The analytic
            // gradient given is c, except b1 (2c: error exactly 0.5) and W2 (-c: error exactly 2).
            Linear objective = new Linear();
            String expected = expectedName.equals("null") ? null : expectedName;

            String actual = NumericalGradient.firstFailingTensor(objective, 0.5, 1e-6, threshold);

            String inputs = "L(θ) = Σ c θ over parameters 2-3-2 at θ = 0, h = 0.5, floor 1e-6, threshold "
                    + Show.num(threshold) + "; the analytic gradient has error 0.5 in b1 and 2 in W2, 0 elsewhere";
            String hint = "";
            if ("W2".equals(actual) && "b1".equals(expected)) {
                hint = " (b1's error equals the threshold, and a tensor fails when its error is >= threshold; "
                        + "or you returned the worst tensor instead of the first)";
            } else if (actual == null && expected != null) {
                hint = " (a tensor fails when its largest error is >= threshold, equality included)";
            }
            Check.that(Objects.equals(expected, actual), "expected " + quote(expected) + " but got " + quote(actual)
                    + hint, inputs);
        }

        @Test
        @DisplayName("treats a NaN in the analytic gradient as a failure")
        void nanFails() {
            Case c = Case.of("2-4-3-1", Activation.TANH, 5, 81);
            Objective truth = c.mlp.objective(c.x, c.y);
            Objective withNaN = new Objective() {
                @Override
                public Parameters parameters() {
                    return truth.parameters();
                }

                @Override
                public double loss() {
                    return truth.loss();
                }

                @Override
                public double lossAndGradient(Parameters gradient) {
                    double loss = truth.lossAndGradient(gradient);
                    gradient.biases(1)[2] = Double.NaN; // b2[2]
                    return loss;
                }
            };
            verifyFirstFailing(withNaN, c.describe() + ", analytic b2[2] replaced by NaN (NaN >= threshold is "
                    + "false: a NaN error must still fail)", 1e-4);
        }

        @ParameterizedTest(name = "network {0}, {1}[{2}] given as {3} × its true value, threshold {4}")
        @CsvSource({"4-8-3, W2, 5, 2, 0.1", "3-6-2, W1, 7, 2, 0.05", "2-10-1, b1, 3, 0, 0.2",
                "5-4-4-2, W3, 6, -1, 0.3"})
        @DisplayName("fails a tensor for one wrong element, even when the tensor's mean error is below the threshold")
        void oneWrongElementIsEnough(String shape, String name, int element, double factor, double threshold) {
            // L(θ) = Σ c θ at θ = 0 with h = 0.5: the centred difference is exactly c, so the only
            // error is the one planted in a single element.
            long seed = 100L + element;
            HandMade objective = HandMade.linear(shape, 0.25, 1.25, seed);
            int tensor = 0;
            while (!objective.theta.tensorName(tensor).equals(name)) {
                tensor++;
            }
            objective.analytic.tensor(tensor)[element] *= factor;
            double[] c = objective.c.tensor(tensor);
            double[] a = objective.analytic.tensor(tensor);
            double largest = 0;
            double mean = 0;
            for (int i = 0; i < c.length; i++) {
                double e = Math.abs(a[i] - c[i]) / Math.max(Math.abs(a[i]), Math.abs(c[i]));
                largest = Math.max(largest, e);
                mean += e / c.length;
            }
            double floor = 1e-6;
            Parameters before = objective.theta.copy();

            String actual = NumericalGradient.firstFailingTensor(objective, 0.5, floor, threshold);

            String inputs = "L(θ) = Σ c θ over parameters " + shape + " at θ = 0, c between 0.25 and 1.25, "
                    + "h = 0.5, seed " + seed + ", floor " + Show.num(floor) + ", threshold " + Show.num(threshold)
                    + "; the analytic gradient is c except " + name + "[" + element + "] = " + Show.num(factor)
                    + " × c, relative error " + Show.num(largest) + "; " + name + " has " + c.length
                    + " values, mean error " + Show.num(mean);
            String hint = "";
            if (actual == null) {
                hint = ": " + name + "[" + element + "] has relative error " + Show.num(largest) + " >= threshold "
                        + Show.num(threshold) + ", though the mean over " + name + " is only " + Show.num(mean)
                        + ". A tensor fails when its largest error reaches the threshold, so one wrong element is "
                        + "enough: you averaged the errors over the tensor, or did not look at every element";
            } else if (!actual.equals(name)) {
                hint = ": every other tensor is exact (relative error 0)";
            }
            Check.that(name.equals(actual), "expected " + quote(name) + " but got " + quote(actual) + hint, inputs);
            Check.that(objective.theta.sameValues(before), "the parameters changed during the check: "
                    + firstChange(before, objective.theta), inputs);
        }

        @ParameterizedTest(name = "network {0}, gradients near {1}, noise {2}, floor {3}, threshold {4}")
        @CsvSource({
            "2-3-1,   1e-10, 1e-13, 1e-8, 1e-4, ",
            "3-4-2,   1e-9,  1e-10, 1e-6, 1e-2, ",
            "2-5-3-1, 1e-11, 1e-13, 1e-6, 1e-4, ",
            "3-4-2,   1e-10, 1e-12, 1e-8, 1e-3, b2",
        })
        @DisplayName("uses the floor: tiny gradients that differ only by round-off noise pass")
        void usesTheFloor(String shape, double scale, double noise, double floor, double threshold, String last) {
            // L(θ) = Σ c θ at θ = 0 with h = 0.5: the centred difference is exactly c. Every c is tiny
            // (below the floor) and the analytic gradient is c plus noise, as round-off would leave it.
            // In the last case, b2 holds gradients near 1 with an error of 1 %, a real bug.
            long seed = 200L + 10 * shape.length() + Math.round(-Math.log10(scale));
            HandMade objective = HandMade.linear(shape, 0.25 * scale, 1.25 * scale, seed);
            Random random = new Random(seed + 1);
            Parameters analytic = objective.analytic;
            int bugged = last == null ? -1 : analytic.tensorCount() - 1;
            for (int k = 0; k < analytic.tensorCount(); k++) {
                double[] t = analytic.tensor(k);
                for (int i = 0; i < t.length; i++) {
                    if (k == bugged) {
                        objective.c.tensor(k)[i] = 0.25 + random.nextDouble();
                        t[i] = 1.01 * objective.c.tensor(k)[i];
                    } else {
                        double size = noise * (0.5 + 0.5 * random.nextDouble());
                        t[i] += random.nextBoolean() ? size : -size;
                    }
                }
            }
            String withoutFloor = null;
            for (int k = 0; k < analytic.tensorCount() && withoutFloor == null; k++) {
                for (int i = 0; i < analytic.tensor(k).length; i++) {
                    double a = analytic.tensor(k)[i];
                    double n = objective.c.tensor(k)[i];
                    if (Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n)) >= threshold) {
                        withoutFloor = analytic.tensorName(k);
                        break;
                    }
                }
            }
            Parameters before = objective.theta.copy();

            String actual = NumericalGradient.firstFailingTensor(objective, 0.5, floor, threshold);

            String inputs = "L(θ) = Σ c θ over parameters " + shape + " at θ = 0, c between "
                    + Show.num(0.25 * scale) + " and " + Show.num(1.25 * scale)
                    + (last == null ? "" : " (b2: between 0.25 and 1.25)") + ", seed " + seed + ", h = 0.5, floor "
                    + Show.num(floor) + ", threshold " + Show.num(threshold)
                    + "; the analytic gradient is c plus noise of up to " + Show.num(noise)
                    + (last == null ? "" : ", and 1.01 × c in b2");
            String hint = "";
            if (actual != null && actual.equals(withoutFloor) && !actual.equals(last)) {
                hint = ": you left out the floor inside the check. These gradients are below the floor "
                        + Show.num(floor) + ", where a difference of " + Show.num(noise) + " is round-off and is "
                        + "judged as an absolute error: compare with relativeError(a, n, floor), the floor you were "
                        + "given";
            } else if (actual == null) {
                hint = ": b2 is 1 % off, a relative error near 0.01 >= threshold " + Show.num(threshold);
            }
            Check.that(Objects.equals(last, actual), "expected " + quote(last) + " but got " + quote(actual) + hint,
                    inputs);
            Check.that(objective.theta.sameValues(before), "the parameters changed during the check: "
                    + firstChange(before, objective.theta), inputs);
        }

        private void verifyFirstFailing(Objective objective, String description, double threshold) {
            double h = GradientCheck.DEFAULT_STEP;
            double floor = GradientCheck.DEFAULT_FLOOR;
            GradientCheckReport report = GradientCheck.create().withStep(h).withFloor(floor).run(objective);
            List<String> failing = new ArrayList<>();
            for (TensorCheck t : report.tensors()) {
                if (!(t.maxRelativeError() < threshold)) {
                    failing.add(t.tensor());
                }
            }
            String expected = failing.isEmpty() ? null : failing.get(0);
            Parameters before = objective.parameters().copy();

            String actual = NumericalGradient.firstFailingTensor(objective, h, floor, threshold);

            String inputs = description + ", h = " + Show.num(h) + ", floor = " + Show.num(floor) + ", threshold "
                    + Show.num(threshold) + "; the library's check: failing " + failing + ", " + report.summary();
            String hint = "";
            if (actual != null && expected != null && !actual.equals(expected)) {
                if (actual.equals(report.worst().tensor())) {
                    hint = ": you returned the tensor with the largest error; name the first failing one, in the "
                            + "order W1, b1, W2, b2, ...";
                } else if (actual.equals(failing.get(failing.size() - 1))) {
                    hint = ": you returned the last failing tensor; stop at the first";
                } else if (!failing.contains(actual)) {
                    hint = ": " + actual + " passes the check";
                }
            } else if (actual == null) {
                hint = ": the check fails " + failing + ", so a name was expected";
            } else if (expected == null) {
                hint = ": every tensor passes, so null was expected";
            }
            Check.that(Objects.equals(expected, actual), "expected " + quote(expected) + " but got "
                    + quote(actual) + hint, inputs);
            Check.that(objective.parameters().sameValues(before), "the parameters changed during the check: "
                    + firstChange(before, objective.parameters()), inputs);
        }
    }

    /** A small network with non-zero biases and a batch, all from one seed. */
    static final class Case {
        final int[] sizes;
        final Activation hidden;
        final int rows;
        final long seed;
        final Mlp mlp;
        final double[] x;
        final double[] y;

        private Case(int[] sizes, Activation hidden, int rows, long seed) {
            this.sizes = sizes;
            this.hidden = hidden;
            this.rows = rows;
            this.seed = seed;
            this.mlp = Mlp.create(sizes, hidden, Initialisation.HE, seed);
            Random random = new Random(seed + 1);
            for (int l = 0; l < mlp.parameters().layerCount(); l++) {
                double[] b = mlp.parameters().biases(l);
                for (int j = 0; j < b.length; j++) {
                    b[j] = 0.5 * random.nextGaussian();
                }
            }
            x = new double[rows * sizes[0]];
            for (int k = 0; k < x.length; k++) {
                x[k] = random.nextGaussian();
            }
            y = new double[rows * sizes[sizes.length - 1]];
            for (int k = 0; k < y.length; k++) {
                y[k] = random.nextInt(2);
            }
        }

        static Case of(String shape, Activation hidden, int rows, long seed) {
            int[] sizes = Arrays.stream(shape.trim().split("-")).mapToInt(Integer::parseInt).toArray();
            return new Case(sizes, hidden, rows, seed);
        }

        String describe() {
            return "network " + Show.sizes(sizes) + ", " + hidden + " hidden, N = " + rows + ", seed " + seed
                    + ", x = " + Show.array(x) + ", y = " + Show.array(y);
        }

        /** A fresh copy of the network and its objective, so that a mistake can be replayed on it. */
        Objective copyObjective() {
            return Mlp.of(mlp.parameters().copy(), hidden).objective(x, y);
        }
    }

    /** The forward difference (L(θ + h) − L(θ)) / h, the classic mistake, on a copy. */
    static Parameters forwardDifferences(Case c, double h) {
        Objective objective = c.copyObjective();
        Parameters theta = objective.parameters();
        Parameters result = theta.zerosLike();
        for (int k = 0; k < theta.tensorCount(); k++) {
            double[] t = theta.tensor(k);
            for (int i = 0; i < t.length; i++) {
                double original = t[i];
                double base = objective.loss();
                t[i] = original + h;
                double plus = objective.loss();
                t[i] = original;
                result.tensor(k)[i] = (plus - base) / h;
            }
        }
        return result;
    }

    /** Centred differences that leave each parameter at θ − h: every later probe starts from a drifted θ. */
    static Parameters withoutRestoring(Case c, double h) {
        Objective objective = c.copyObjective();
        Parameters theta = objective.parameters();
        Parameters result = theta.zerosLike();
        for (int k = 0; k < theta.tensorCount(); k++) {
            double[] t = theta.tensor(k);
            for (int i = 0; i < t.length; i++) {
                double original = t[i];
                t[i] = original + h;
                double plus = objective.loss();
                t[i] = original - h;
                double minus = objective.loss();
                result.tensor(k)[i] = (plus - minus) / (2 * h);
            }
        }
        return result;
    }

    static String firstChange(Parameters before, Parameters after) {
        for (int k = 0; k < before.tensorCount(); k++) {
            double[] b = before.tensor(k);
            double[] a = after.tensor(k);
            for (int i = 0; i < b.length; i++) {
                if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                    return before.tensorName(k) + "[" + i + "] was " + b[i] + " and is now " + a[i];
                }
            }
        }
        return "no value differs";
    }

    static String quote(String name) {
        return name == null ? "null" : "\"" + name + "\"";
    }

    static double[] scaled(double[] v, double c) {
        double[] r = v.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] *= c;
        }
        return r;
    }

    /** {@code L(θ) = Σ (c θ² / 2 + d θ)} with random c > 0, d and θ: its gradient is {@code c θ + d}. */
    static final class Quadratic implements Objective {
        final Parameters theta;
        final Parameters c;
        final Parameters d;

        Quadratic(int[] sizes, long seed) {
            Random random = new Random(seed);
            theta = Parameters.zeros(sizes);
            c = Parameters.zeros(sizes);
            d = Parameters.zeros(sizes);
            for (int k = 0; k < theta.tensorCount(); k++) {
                for (int i = 0; i < theta.tensor(k).length; i++) {
                    theta.tensor(k)[i] = random.nextGaussian();
                    c.tensor(k)[i] = 0.5 + random.nextDouble();
                    d.tensor(k)[i] = random.nextGaussian();
                }
            }
        }

        Parameters gradient() {
            Parameters g = theta.zerosLike();
            for (int k = 0; k < theta.tensorCount(); k++) {
                for (int i = 0; i < theta.tensor(k).length; i++) {
                    g.tensor(k)[i] = c.tensor(k)[i] * theta.tensor(k)[i] + d.tensor(k)[i];
                }
            }
            return g;
        }

        @Override
        public Parameters parameters() {
            return theta;
        }

        @Override
        public double loss() {
            double sum = 0;
            for (int k = 0; k < theta.tensorCount(); k++) {
                for (int i = 0; i < theta.tensor(k).length; i++) {
                    double t = theta.tensor(k)[i];
                    sum += c.tensor(k)[i] * t * t / 2 + d.tensor(k)[i] * t;
                }
            }
            return sum;
        }

        @Override
        public double lossAndGradient(Parameters gradient) {
            gradient.copyFrom(gradient());
            return loss();
        }
    }

    /**
     * {@code L(θ) = Σ c θ} at θ = 0, with a given analytic gradient (c unless a test changes it). With
     * h = 0.5 the centred difference is exactly c: {@code L(±h)} holds one non-zero term, {@code ±c/2}.
     */
    static final class HandMade implements Objective {
        final Parameters theta;
        final Parameters c;
        final Parameters analytic;

        private HandMade(int[] sizes) {
            theta = Parameters.zeros(sizes);
            c = Parameters.zeros(sizes);
            analytic = Parameters.zeros(sizes);
        }

        /** c drawn uniformly from [low, high], one seed; the analytic gradient starts as c. */
        static HandMade linear(String shape, double low, double high, long seed) {
            int[] sizes = Arrays.stream(shape.trim().split("-")).mapToInt(Integer::parseInt).toArray();
            HandMade objective = new HandMade(sizes);
            Random random = new Random(seed);
            for (int k = 0; k < objective.c.tensorCount(); k++) {
                double[] t = objective.c.tensor(k);
                for (int i = 0; i < t.length; i++) {
                    t[i] = low + (high - low) * random.nextDouble();
                }
            }
            objective.analytic.copyFrom(objective.c);
            return objective;
        }

        @Override
        public Parameters parameters() {
            return theta;
        }

        @Override
        public double loss() {
            double sum = 0;
            for (int k = 0; k < theta.tensorCount(); k++) {
                for (int i = 0; i < theta.tensor(k).length; i++) {
                    sum += c.tensor(k)[i] * theta.tensor(k)[i];
                }
            }
            return sum;
        }

        @Override
        public double lossAndGradient(Parameters gradient) {
            gradient.copyFrom(analytic);
            return loss();
        }
    }

    /**
     * {@code L(θ) = Σ c θ} over parameters 2-3-2 at θ = 0, with dyadic c, so that a centred
     * difference with h = 0.5 is exactly c. The analytic gradient is c, except 2c in b1 (relative
     * error exactly 0.5) and -c in W2 (relative error exactly 2).
     */
    static final class Linear implements Objective {
        final Parameters theta = Parameters.zeros(2, 3, 2);
        final Parameters c = Parameters.zeros(2, 3, 2);

        Linear() {
            for (int k = 0; k < c.tensorCount(); k++) {
                double[] t = c.tensor(k);
                for (int i = 0; i < t.length; i++) {
                    t[i] = 0.25 * (1 + (i + k) % 5); // 0.25 to 1.25, exact in binary
                }
            }
        }

        @Override
        public Parameters parameters() {
            return theta;
        }

        @Override
        public double loss() {
            double sum = 0;
            for (int k = 0; k < theta.tensorCount(); k++) {
                for (int i = 0; i < theta.tensor(k).length; i++) {
                    sum += c.tensor(k)[i] * theta.tensor(k)[i];
                }
            }
            return sum;
        }

        @Override
        public double lossAndGradient(Parameters gradient) {
            gradient.copyFrom(c);
            for (int i = 0; i < gradient.biases(0).length; i++) {
                gradient.biases(0)[i] *= 2;
            }
            for (int i = 0; i < gradient.weights(1).length; i++) {
                gradient.weights(1)[i] *= -1;
            }
            return loss();
        }
    }
}
