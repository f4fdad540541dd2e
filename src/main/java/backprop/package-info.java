/**
 * The Backprop Workbook library: loss, activations, the scalar chain rule, a multi-layer perceptron
 * written with plain array loops, gradient checking, seeded data sets and training.
 *
 * <p>The library returns data and never prints; notebooks and command-line entry points print.
 */
package backprop;
