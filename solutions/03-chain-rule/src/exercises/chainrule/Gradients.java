package exercises.chainrule;

/**
 * Given. The four parameter gradients of the 1-1-1 network for one sample.
 *
 * @param dw1 dL/dw1, the hidden weight's gradient
 * @param db1 dL/db1, the hidden bias's gradient
 * @param dw2 dL/dw2, the output weight's gradient
 * @param db2 dL/db2, the output bias's gradient
 */
public record Gradients(double dw1, double db1, double dw2, double db2) {
}
