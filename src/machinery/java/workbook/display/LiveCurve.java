package workbook.display;

import backprop.Require;
import backprop.train.EpochListener;
import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * A learning curve that draws itself while training runs: one call shows it, and the trainer,
 * told about each epoch, redraws it in place every few epochs, with the run's progress as its
 * title.
 *
 * <pre>{@code
 * LiveCurve curve = LiveCurve.show("spirals", epochs, 100);
 * History history = Trainer.train(net, spirals, new Sgd(0.05), TrainingOptions.fullBatch(epochs), curve);
 * System.out.printf("drawing took %.1f s of the run%n", curve.drawingSeconds());
 * }</pre>
 *
 * <p>Drawing costs time (a PNG is drawn at each redraw); {@link #drawingSeconds} says how much, so
 * that a notebook can subtract it from a training time it reports.
 */
public final class LiveCurve implements EpochListener {

    /** Where the figure goes: the notebook, or a test's fake. */
    interface Screen {
        String show(Figure figure);

        void update(String id, Figure figure);
    }

    private static final Screen NOTEBOOK = new Screen() {
        @Override
        public String show(Figure figure) {
            return NotebookDisplay.showLive(figure);
        }

        @Override
        public void update(String id, Figure figure) {
            NotebookDisplay.update(id, figure);
        }
    };

    private final String name;
    private final int epochs;
    private final int every;
    private final Screen screen;
    private final double[] losses;
    private final double[] accuracies;
    private final String id;
    private int last = -1;
    private long drawingNanos;

    /**
     * Shows an empty learning curve now, below the cell, and returns the listener that fills it.
     *
     * @param name what is trained, e.g. {@code "spirals"}: the title begins with it
     * @param epochs the run's epochs (rows 0 to epochs are drawn)
     * @param every redraw at every multiple of this epoch, and at the last
     * @return the listener to hand to {@code Trainer.train}
     * @throws NullPointerException if name is null
     * @throws IllegalArgumentException if epochs is negative or every is below 1
     * @throws IllegalStateException if not running inside the JJava kernel
     */
    public static LiveCurve show(String name, int epochs, int every) {
        return new LiveCurve(name, epochs, every, NOTEBOOK);
    }

    LiveCurve(String name, int epochs, int every, Screen screen) {
        this.name = Require.nonNull("name", name, "what is trained, e.g. \"spirals\"");
        this.epochs = Require.atLeast("epochs", epochs, 0);
        this.every = Require.atLeast("every", every, 1);
        this.screen = screen;
        Require.arrayLength("a live curve of " + epochs + " epochs", epochs + 1L);
        losses = new double[epochs + 1];
        accuracies = new double[epochs + 1];
        long start = System.nanoTime();
        id = screen.show(figure(name + ": starting"));
        drawingNanos += System.nanoTime() - start;
    }

    /**
     * Records row {@code epoch}; redraws at every multiple of {@code every} and at the last epoch.
     *
     * @throws IllegalArgumentException if epoch is outside 0 to epochs
     */
    @Override
    public void onEpoch(int epoch, double loss, double accuracy) {
        if (epoch < 0 || epoch > epochs) {
            throw new IllegalArgumentException("epoch is " + epoch + ": expected 0 to " + epochs
                    + " (the live curve was shown for " + epochs + " epochs)");
        }
        losses[epoch] = loss;
        accuracies[epoch] = accuracy;
        last = Math.max(last, epoch);
        if (epoch % every == 0 || epoch == epochs) {
            long start = System.nanoTime();
            screen.update(id, figure(String.format(Locale.ROOT, "%s: epoch %d/%d, loss %.4f, accuracy %.1f%%",
                    name, epoch, epochs, loss, 100 * accuracy)));
            drawingNanos += System.nanoTime() - start;
        }
    }

    /** @return the seconds spent drawing so far, the first empty figure included */
    public double drawingSeconds() {
        return drawingNanos / 1e9;
    }

    /** @return the rows recorded so far, 0 to the latest epoch, as a history table */
    public Table table() {
        int rows = last + 1;
        int[] epochNumbers = new int[rows];
        for (int e = 0; e < rows; e++) {
            epochNumbers[e] = e;
        }
        return Table.create(name, IntColumn.create("epoch", epochNumbers),
                DoubleColumn.create("loss", Arrays.copyOf(losses, rows)),
                DoubleColumn.create("accuracy", Arrays.copyOf(accuracies, rows)));
    }

    private Figure figure(String title) {
        return Plots.learningCurves(title, table());
    }
}
