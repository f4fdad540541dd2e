package backprop.check;

import backprop.Require;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A gradient check's findings, one {@link TensorCheck} per parameter tensor.
 *
 * @param tensors per-tensor results in the order W1, b1, W2, b2, ...
 * @param step the finite-difference step used
 */
public record GradientCheckReport(List<TensorCheck> tensors, double step) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException if tensors or one of its elements is null
     * @throws IllegalArgumentException if tensors is empty
     */
    public GradientCheckReport {
        Require.nonNull("tensors", tensors, "one TensorCheck per parameter tensor");
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("tensors is empty: expected one TensorCheck per parameter tensor");
        }
        for (int k = 0; k < tensors.size(); k++) {
            Require.nonNull("tensors[" + k + "]", tensors.get(k), "the check of tensor " + k);
        }
        tensors = List.copyOf(tensors);
    }

    /** @return the tensor with the largest relative error */
    public TensorCheck worst() {
        TensorCheck worst = tensors.get(0);
        for (TensorCheck t : tensors) {
            if (GradientCheck.worse(t.maxRelativeError(), worst.maxRelativeError())) {
                worst = t;
            }
        }
        return worst;
    }

    /** @return the verdict of the worst tensor */
    public Verdict verdict() {
        return worst().verdict();
    }

    /** @return true if every tensor passed */
    public boolean passed() {
        return verdict().passed();
    }

    /** @return the tensors whose verdict is not a pass */
    public List<TensorCheck> failures() {
        return tensors.stream().filter(t -> !t.verdict().passed()).toList();
    }

    /**
     * One line for a notebook or a failure message, e.g.
     * {@code "FAIL: worst b1[3], relative error 0.98 (analytic 0.0012, numerical 0.0601)"}.
     *
     * @return the summary
     */
    public String summary() {
        TensorCheck w = worst();
        return String.format("%s: worst %s[%d], relative error %.3g (analytic %.6g, numerical %.6g)",
                w.verdict(), w.tensor(), w.worstIndex(), w.maxRelativeError(), w.analytic(), w.numerical());
    }

    /**
     * The report as a table with columns tensor, size, checked, max relative error, worst index,
     * analytic, numerical, verdict.
     *
     * @return a new table
     */
    public Table asTable() {
        StringColumn tensor = StringColumn.create("tensor");
        IntColumn size = IntColumn.create("size");
        IntColumn checked = IntColumn.create("checked");
        DoubleColumn error = DoubleColumn.create("max relative error");
        IntColumn worstIndex = IntColumn.create("worst index");
        DoubleColumn analytic = DoubleColumn.create("analytic");
        DoubleColumn numerical = DoubleColumn.create("numerical");
        StringColumn verdict = StringColumn.create("verdict");
        for (TensorCheck t : tensors) {
            tensor.append(t.tensor());
            size.append(t.size());
            checked.append(t.checked());
            error.append(t.maxRelativeError());
            worstIndex.append(t.worstIndex());
            analytic.append(t.analytic());
            numerical.append(t.numerical());
            verdict.append(t.verdict().name());
        }
        return Table.create("gradient check", tensor, size, checked, error, worstIndex, analytic, numerical,
                verdict);
    }
}
