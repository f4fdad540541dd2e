package backprop.check;

import backprop.Require;

/**
 * The result of checking one parameter tensor.
 *
 * @param tensor the tensor's name, e.g. {@code "b2"}
 * @param size the number of elements in the tensor
 * @param checked how many of them were probed
 * @param maxRelativeError the largest relative error among the probed elements
 * @param worstIndex the flat index of that element (row-major), or -1 if none was probed
 * @param analytic the analytic gradient at the worst element
 * @param numerical the numerical gradient at the worst element
 * @param verdict the rung of {@link Verdict} that {@code maxRelativeError} falls on
 */
public record TensorCheck(String tensor, int size, int checked, double maxRelativeError, int worstIndex,
                          double analytic, double numerical, Verdict verdict) {

    /**
     * @throws NullPointerException if tensor or verdict is null
     */
    public TensorCheck {
        Require.nonNull("tensor", tensor, "the tensor's name, e.g. \"b2\"");
        Require.nonNull("verdict", verdict, "the rung of Verdict that maxRelativeError falls on");
    }
}
