package backprop.check;

import backprop.InterruptedRunException;
import backprop.Objective;
import backprop.Parameters;
import backprop.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Numerical gradient checking: every parameter of every tensor, biases included, is nudged by
 * {@code ±h} and the centred difference {@code (L(θ + h) - L(θ - h)) / 2h} is compared with the
 * analytic gradient.
 *
 * <p><b>Relative error.</b> {@code |a - n| / max(|a|, |n|, floor)}: scale-free for ordinary
 * gradients, 0 when both are 0, and with a {@code floor} (default 1e-6) so that two gradients
 * that are both tiny, where round-off dominates, do not produce a large ratio of two noises.
 *
 * <p><b>Step.</b> The default {@code h = 1e-5}: the centred difference's truncation error grows as
 * {@code h²} and its round-off error as {@code 1e-16 / h}; for losses of order 1 both are near
 * 1e-10 at this h. The step-size sweep of notebook 05 measures this.
 *
 * <p>Each probed parameter is restored to its exact original value (the saved double is written
 * back), so a check leaves the model bit-for-bit unchanged.
 */
public final class GradientCheck {

    /** The default finite-difference step. */
    public static final double DEFAULT_STEP = 1e-5;

    /**
     * The default floor of the relative error's denominator. With {@code h = 1e-5} and a loss of
     * order 1, the centred difference carries an absolute error near 1e-11 to 1e-10 (round-off
     * {@code 1e-16 / h} plus truncation {@code h²}). Measured on a correct 2-8×7-1 sigmoid network,
     * gradients of 5.6e-9 came out with relative errors near 1e-3 when the floor was 1e-8. With a
     * floor of 1e-6 such noise scores at most about 1e-4, while a wrong gradient is still caught down
     * to gradients of about 1e-7 (a factor-of-two error there scores 0.1).
     */
    public static final double DEFAULT_FLOOR = 1e-6;

    private final double step;
    private final double floor;
    private final int maxPerTensor;
    private final long seed;

    private GradientCheck(double step, double floor, int maxPerTensor, long seed) {
        this.step = step;
        this.floor = floor;
        this.maxPerTensor = maxPerTensor;
        this.seed = seed;
    }

    /** @return a check of every element with the default step and floor */
    public static GradientCheck create() {
        return new GradientCheck(DEFAULT_STEP, DEFAULT_FLOOR, Integer.MAX_VALUE, 0L);
    }

    /**
     * @param h the finite-difference step, a positive finite number
     * @return a copy of this check with that step
     * @throws IllegalArgumentException if h is not positive and finite
     */
    public GradientCheck withStep(double h) {
        return new GradientCheck(Require.positiveFinite("step", h), floor, maxPerTensor, seed);
    }

    /**
     * @param floor the floor of the relative error's denominator, finite and >= 0
     * @return a copy of this check with that floor
     * @throws IllegalArgumentException if floor is negative or not finite
     */
    public GradientCheck withFloor(double floor) {
        return new GradientCheck(step, Require.nonNegativeFinite("floor", floor), maxPerTensor, seed);
    }

    /**
     * Probe at most {@code maxPerTensor} elements of each tensor, chosen without replacement from
     * {@code seed}; for large networks, where probing every parameter is slow.
     *
     * @param maxPerTensor at least 1
     * @param seed random seed of the choice
     * @return a copy of this check that samples
     * @throws IllegalArgumentException if maxPerTensor is below 1
     */
    public GradientCheck sampling(int maxPerTensor, long seed) {
        return new GradientCheck(step, floor, Require.atLeast("maxPerTensor", maxPerTensor, 1), seed);
    }

    /** @return the finite-difference step */
    public double step() {
        return step;
    }

    /**
     * Checks the objective's analytic gradient at its current parameters.
     *
     * @param objective the loss and gradient to check; its parameters are probed and restored
     * @return the report, one entry per tensor
     * @throws InterruptedRunException if the thread is interrupted; the parameters are restored
     * @throws IllegalArgumentException if the step cannot change a probed parameter; the
     *     parameters are restored
     * @throws NullPointerException if objective is null
     */
    public GradientCheckReport run(Objective objective) {
        requireObjective(objective);
        Parameters theta = objective.parameters();
        Parameters analytic = theta.zerosLike();
        objective.lossAndGradient(analytic);
        Random random = new Random(seed);
        List<TensorCheck> results = new ArrayList<>();
        for (int k = 0; k < theta.tensorCount(); k++) {
            results.add(checkTensor(objective, theta.tensor(k), analytic.tensor(k), theta.tensorName(k), random));
        }
        return new GradientCheckReport(results, step);
    }

    /**
     * The relative error used by this check.
     *
     * @param analytic analytic gradient
     * @param numerical numerical gradient
     * @return {@code |a - n| / max(|a|, |n|, floor)}; 0 when both are 0
     */
    public double relativeError(double analytic, double numerical) {
        double diff = Math.abs(analytic - numerical);
        if (diff == 0) {
            return 0;
        }
        return diff / Math.max(Math.max(Math.abs(analytic), Math.abs(numerical)), floor);
    }

    /**
     * The centred difference of the objective with respect to one element.
     *
     * @param objective the loss
     * @param tensor a live tensor of the objective's parameters; element {@code index} is nudged
     *     and then restored exactly
     * @param index the element
     * @return {@code (L(θ + h) - L(θ - h)) / 2h}
     * @throws IllegalArgumentException if the step cannot change the parameter (too small for its
     *     size, or so large that θ is lost in θ + h), or index is outside the tensor; nothing is
     *     changed
     * @throws NullPointerException if objective or tensor is null
     */
    public double numericalGradient(Objective objective, double[] tensor, int index) {
        requireObjective(objective);
        Require.nonNull("tensor", tensor, "a live tensor of objective.parameters(), e.g. tensor(0)");
        if (index < 0 || index >= tensor.length) {
            throw new IllegalArgumentException("index is " + index + ": expected 0 to " + (tensor.length - 1)
                    + " (the tensor has " + tensor.length + " values)");
        }
        double original = tensor[index];
        requireStepChanges(original, "the parameter");
        try {
            tensor[index] = original + step;
            double plus = objective.loss();
            tensor[index] = original - step;
            double minus = objective.loss();
            return (plus - minus) / (2 * step);
        } finally {
            tensor[index] = original;
        }
    }

    /**
     * The numerical gradient of every parameter: {@code 2 × count()} loss evaluations, which is why
     * nobody trains this way (notebook 08 measures it).
     *
     * @param objective the loss; each parameter is nudged and restored exactly
     * @return a new {@link Parameters} holding the centred differences
     * @throws NullPointerException if objective is null
     * @throws IllegalArgumentException if the step cannot change a parameter; the parameters are
     *     restored
     */
    public Parameters numericalGradient(Objective objective) {
        requireObjective(objective);
        Parameters theta = objective.parameters();
        Parameters numerical = theta.zerosLike();
        for (int k = 0; k < theta.tensorCount(); k++) {
            double[] tensor = theta.tensor(k);
            double[] out = numerical.tensor(k);
            for (int i = 0; i < tensor.length; i++) {
                stopIfInterrupted(theta.tensorName(k), i);
                out[i] = numericalGradient(objective, tensor, i);
            }
        }
        return numerical;
    }

    private static void requireObjective(Objective objective) {
        Require.nonNull("objective", objective, "a loss and its gradient, e.g. mlp.objective(x, y)");
        Require.nonNull("objective.parameters()", objective.parameters(), "the parameters the loss depends on");
    }

    private TensorCheck checkTensor(Objective objective, double[] tensor, double[] analytic, String name,
                                    Random random) {
        int[] indices = chooseIndices(tensor.length, random);
        double maxError = -1;
        int worst = -1;
        double worstAnalytic = Double.NaN;
        double worstNumerical = Double.NaN;
        for (int index : indices) {
            stopIfInterrupted(name, index);
            requireStepChanges(tensor[index], name + "[" + index + "]");
            double numerical = numericalGradient(objective, tensor, index);
            double error = relativeError(analytic[index], numerical);
            if (worse(error, maxError)) {
                maxError = error;
                worst = index;
                worstAnalytic = analytic[index];
                worstNumerical = numerical;
            }
        }
        double reported = Double.isNaN(maxError) ? Double.NaN : Math.max(maxError, 0);
        return new TensorCheck(name, tensor.length, indices.length, reported, worst, worstAnalytic,
                worstNumerical, Verdict.of(reported));
    }

    /**
     * A step that cannot move a parameter gives a numerical gradient of 0 (or of an overflow), and a
     * false FAIL: refuse it, saying which parameter and why.
     */
    private void requireStepChanges(double value, String parameter) {
        double plus = value + step;
        double minus = value - step;
        if (plus == value || minus == value) {
            throw new IllegalArgumentException("step h = " + step + " is too small to change " + parameter + " = "
                    + value + " (θ + h == θ in double precision): expected h above about " + Math.ulp(value)
                    + ", e.g. the default " + DEFAULT_STEP);
        }
        // So large that θ is lost in θ + h: the loss is probed far from θ, about nothing.
        boolean lost = Math.abs((plus - step) - value) > 1e-3 * Math.abs(value);
        if (!Double.isFinite(plus) || !Double.isFinite(minus) || lost) {
            throw new IllegalArgumentException("step h = " + step + " is too large for " + parameter + " = " + value
                    + " (θ is lost in θ + h): expected a small step, e.g. the default " + DEFAULT_STEP);
        }
    }

    /** Stops a check whose thread was interrupted; every probed parameter has been restored by then. */
    private static void stopIfInterrupted(String tensor, int index) {
        if (InterruptedRunException.interrupted()) {
            throw new InterruptedRunException("gradient check interrupted at " + tensor + "[" + index + "]: every "
                    + "parameter it probed was restored, the network is as it was before the check");
        }
    }

    /** NaN is worse than any number, and once seen it stays the worst. */
    static boolean worse(double error, double worstSoFar) {
        if (Double.isNaN(worstSoFar)) {
            return false;
        }
        return Double.isNaN(error) || error > worstSoFar;
    }

    private int[] chooseIndices(int size, Random random) {
        if (size <= maxPerTensor) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] pool = new int[size];
        for (int i = 0; i < size; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < maxPerTensor; i++) {
            int j = i + random.nextInt(size - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(pool, maxPerTensor);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
