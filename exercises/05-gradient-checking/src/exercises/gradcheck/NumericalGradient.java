package exercises.gradcheck;

import backprop.Objective;
import backprop.Parameters;

/**
 * Gradient checking from scratch: the centred difference for every parameter, the relative error
 * that compares it with the backward pass, and a check that names the first tensor that fails.
 *
 * <p>Parameters come as tensors in the order {@code W1, b1, W2, b2, ...}
 * ({@link Parameters#tensor(int)}, named by {@link Parameters#tensorName(int)}); each tensor is a
 * flat row-major {@code double[]} that the objective computes with, so writing into it changes the
 * loss.
 */
public final class NumericalGradient {

    private NumericalGradient() {
    }

    /**
     * Task 1. The numerical gradient: for every parameter θ of every tensor, the centred difference
     * {@code (L(θ + h) − L(θ − h)) / 2h}, with every other parameter held fixed. Each parameter is
     * restored to exactly the value it had (the same double, bit for bit) before the next is probed.
     *
     * @param objective the loss {@code L}; its parameters are nudged one at a time and restored, so
     *     they are unchanged when this returns
     * @param h the step, a small positive number such as 1e-5
     * @return new {@link Parameters} shaped like {@code objective.parameters()}, holding
     *     {@code dL/dθ} estimated for every weight and bias
     */
    public static Parameters numericalGradient(Objective objective, double h) {
        throw new UnsupportedOperationException("Task 1: return the centred differences of every parameter, restoring each exactly.");
    }

    /**
     * Task 2. The relative error between an analytic and a numerical derivative:
     * {@code |a − n| / max(|a|, |n|, floor)}, and 0 when {@code a} and {@code n} are equal (in
     * particular when both are 0, so that 0/0 never happens).
     *
     * @param analytic the derivative from the backward pass, {@code a}
     * @param numerical the centred difference, {@code n}
     * @param floor the smallest denominator, >= 0: below it, differences are judged as absolute
     *     errors, since round-off dominates there
     * @return the relative error, >= 0
     */
    public static double relativeError(double analytic, double numerical, double floor) {
        throw new UnsupportedOperationException("Task 2: return |a − n| / max(|a|, |n|, floor), or 0 when a equals n.");
    }

    /**
     * Task 3. A gradient check that names the culprit: computes the analytic gradient with
     * {@code objective.lossAndGradient}, the numerical one with {@link #numericalGradient}, and
     * goes through the tensors in order {@code W1, b1, W2, ...}; the first tensor whose largest
     * {@link #relativeError} is {@code >= threshold} (or NaN) fails the check.
     *
     * @param objective the loss and its analytic gradient; its parameters are unchanged afterwards
     * @param h the finite-difference step
     * @param floor the floor of the relative error
     * @param threshold a tensor fails when its largest relative error is at least this, e.g. 1e-4
     * @return the name of the first failing tensor ({@link Parameters#tensorName(int)}, e.g.
     *     {@code "b1"}), or {@code null} if every tensor passes
     */
    public static String firstFailingTensor(Objective objective, double h, double floor, double threshold) {
        throw new UnsupportedOperationException("Task 3: return the name of the first tensor that fails the check, or null.");
    }
}
