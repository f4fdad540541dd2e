package workbook.display;

import java.util.Map;
import java.util.UUID;
import tech.tablesaw.plotly.components.Figure;

/**
 * Shows figures inline in a notebook run by the JJava kernel: one output per figure carrying the
 * three MIME types of {@link FigureBundle} (interactive plotly JSON, a PNG, one line of text).
 * This is the only class of the library that talks to the kernel, and it does so by reflection
 * (see {@code KernelBridge}), so nothing else depends on the kernel and no kernel jar is needed to
 * compile or test the library.
 *
 * <pre>{@code
 * NotebookDisplay.show(Plots.loss(history, Scale.LOG));        // a statement: prints nothing else
 *
 * String curve = NotebookDisplay.showLive(Plots.learningCurves(history));
 * for (int epoch = 1; epoch <= epochs; epoch++) {
 *   ...                                                         // train, append to history
 *   if (epoch % 10 == 0) NotebookDisplay.update(curve, Plots.learningCurves(history));
 * }
 * }</pre>
 *
 * <p>End a cell with {@code show(...)} (it returns nothing) or assign {@code showLive}'s id to a
 * variable; a cell whose last expression is a {@code String} would print it. Call these from the
 * cell's own thread: output sent from a background thread lands in whichever cell runs next.
 */
public final class NotebookDisplay {

    private static final KernelBridge KERNEL = KernelBridge.jjava();

    private NotebookDisplay() {}

    /**
     * Shows {@code figure} as one output, with a PNG of the size its layout states (see
     * {@link FigureBundle#of(Figure)}).
     *
     * @throws IllegalArgumentException if the figure cannot be bundled (see {@link FigureBundle#of})
     * @throws IllegalStateException if not running inside the JJava kernel
     */
    public static void show(Figure figure) {
        showLive(figure);
    }

    /** Shows {@code figure} with a PNG of {@code width}×{@code height} pixels. */
    public static void show(Figure figure, int width, int height) {
        showLive(figure, width, height);
    }

    /**
     * Shows {@code figure} and returns the output's display id, for {@link #update}.
     *
     * @return a new display id
     */
    public static String showLive(Figure figure) {
        return display(FigureBundle.of(figure));
    }

    /** Shows {@code figure} with a PNG of {@code width}×{@code height}; returns the display id. */
    public static String showLive(Figure figure, int width, int height) {
        return display(FigureBundle.of(figure, width, height));
    }

    /** Sends any bundle of MIME types as one output (also ComputationGraph's PNG and text); returns its id. */
    static String display(Map<String, Object> bundle) {
        String id = "backprop-plot-" + UUID.randomUUID();
        KERNEL.display(id, bundle);
        return id;
    }

    /**
     * Replaces, in place, the output that {@link #showLive} returned {@code displayId} for, e.g. a
     * learning curve redrawn while training runs.
     *
     * @throws IllegalArgumentException if {@code displayId} is null or blank, or the figure cannot be
     *     bundled
     * @throws IllegalStateException if not running inside the JJava kernel
     */
    public static void update(String displayId, Figure figure) {
        checkId(displayId);
        KERNEL.update(displayId, FigureBundle.of(figure));
    }

    /** Replaces the output {@code displayId} with a PNG of {@code width}×{@code height}. */
    public static void update(String displayId, Figure figure, int width, int height) {
        checkId(displayId);
        KERNEL.update(displayId, FigureBundle.of(figure, width, height));
    }

    private static void checkId(String displayId) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException(
                    "displayId must be the id that showLive returned, got "
                            + (displayId == null ? "null" : "\"" + displayId + "\""));
        }
    }
}
