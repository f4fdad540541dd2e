package backprop.train;

import backprop.InterruptedRunException;
import backprop.Mlp;
import backprop.Parameters;
import backprop.Require;
import backprop.Workspace;
import backprop.data.DataSet;
import java.util.Random;

/**
 * The training loop: forward, loss, backward, optimizer step, for a number of epochs, full-batch
 * or in shuffled mini-batches. Returns a {@link History}; prints nothing.
 *
 * <p>All buffers (workspaces, the gradient, the mini-batch copies) are allocated before the first
 * epoch, so the loop itself allocates nothing beyond what the optimizer allocates at its first
 * step.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Trains without a listener. See {@link #train(Mlp, DataSet, Optimizer, TrainingOptions, EpochListener)}.
     */
    public static History train(Mlp mlp, DataSet data, Optimizer optimizer, TrainingOptions options) {
        return train(mlp, data, optimizer, options, null);
    }

    /**
     * Trains the network in place.
     *
     * @param mlp the network; its parameters are updated
     * @param data training set; its feature count must equal the network's input width and the
     *     network must have one output; not modified
     * @param optimizer the update rule (its state carries over between calls unless reset)
     * @param options epochs and batch size
     * @param listener told after each epoch's evaluation, or null
     * @return the history: row e holds loss and accuracy on all rows after e epochs
     * @throws IllegalArgumentException if the data does not fit the network, or the history of so
     *     many epochs cannot be held in memory (nothing is changed)
     * @throws NullPointerException if mlp, data, optimizer or options is null (nothing is changed)
     * @throws TrainingDivergedException if the loss or a parameter becomes NaN or infinite; the network
     *     is rolled back to its last finite parameters
     * @throws TrainingInterruptedException if the thread is interrupted (a notebook's Interrupt): training
     *     stops before the next epoch, the network keeps the parameters of the last completed one
     */
    public static History train(Mlp mlp, DataSet data, Optimizer optimizer, TrainingOptions options,
                                EpochListener listener) {
        check(mlp, data, optimizer, options);
        History history = new History(optimizer.describe(), options.epochs() + 1);
        Run run = new Run(mlp, data, optimizer, history, listener);
        if (options.isFullBatch(data.rows())) {
            fullBatch(run, options.epochs(), data.rows());
        } else {
            miniBatch(run, options, data.rows(), data.features());
        }
        return history;
    }

    /**
     * The fraction of outputs on the right side of 0.5: {@code (a > 0.5) == (y == 1)}.
     *
     * @param mlp the network
     * @param data the data set
     * @return accuracy in [0, 1]
     * @throws IllegalArgumentException if the data does not fit the network (see {@link #train})
     * @throws NullPointerException if an argument is null
     */
    public static double accuracy(Mlp mlp, DataSet data) {
        checkFits(mlp, data);
        Workspace ws = mlp.newWorkspace(data.rows());
        mlp.forward(data.x(), ws);
        return accuracy(ws.output(), data.y());
    }

    /**
     * One training run: what every step needs, gathered once before the first epoch (all buffers
     * included, so the loop allocates nothing), and the bookkeeping shared by both loops.
     */
    private static final class Run {
        final Mlp mlp;
        final Optimizer optimizer;
        final History history;
        final EpochListener listener;
        final Parameters theta;
        final Parameters gradient;
        /** The parameters before the current step (full batch) or epoch (mini-batch). */
        final Parameters lastGood;
        final double[] x;
        final double[] y;

        Run(Mlp mlp, DataSet data, Optimizer optimizer, History history, EpochListener listener) {
            this.mlp = mlp;
            this.optimizer = optimizer;
            this.history = history;
            this.listener = listener;
            theta = mlp.parameters();
            gradient = theta.zerosLike();
            lastGood = theta.copy();
            x = data.x();
            y = data.y();
        }

        void record(int epoch, double loss, double accuracy) {
            history.add(epoch, loss, accuracy);
            if (listener != null) {
                listener.onEpoch(epoch, loss, accuracy);
            }
        }

        /** Measures the network on all rows with ws and records row {@code epoch}. */
        void evaluate(Workspace ws, int epoch) {
            mlp.forward(x, ws);
            double loss = mlp.forwardLoss(y, ws);
            if (!Double.isFinite(loss)) {
                throw diverged(epoch, loss);
            }
            record(epoch, loss, accuracy(ws.output(), y));
        }

        /** Rolls the network back to the last finite parameters and says where training diverged. */
        TrainingDivergedException diverged(int epoch, double loss) {
            if (epoch == 0) {
                throw untrained(loss);
            }
            theta.copyFrom(lastGood);
            return new TrainingDivergedException(epoch, loss, optimizer, history);
        }

        /** One optimizer step; a parameter that leaves the finite numbers rolls the network back. */
        void step(int epochReached) {
            optimizer.step(theta, gradient);
            String bad = theta.firstNonFinite();
            if (bad != null) {
                theta.copyFrom(lastGood);
                throw new TrainingDivergedException(epochReached, "the parameter " + bad
                        + " while the loss was still finite", optimizer, history);
            }
        }
    }

    private static void fullBatch(Run run, int epochs, int rows) {
        Workspace ws = run.mlp.newWorkspace(rows);
        // The forward pass of each step measures the parameters left by the previous step, so the
        // history costs no extra pass: row e is recorded from the forward pass of step e + 1.
        for (int e = 0; e < epochs; e++) {
            if (InterruptedRunException.interrupted()) {
                run.evaluate(ws, e); // row e for the parameters after e epochs, then stop
                throw new TrainingInterruptedException(e, epochs, run.history);
            }
            double loss = run.mlp.lossAndGradient(run.x, run.y, ws, run.gradient);
            if (!Double.isFinite(loss)) {
                throw run.diverged(e, loss);
            }
            run.record(e, loss, accuracy(ws.output(), run.y));
            run.lastGood.copyFrom(run.theta);
            run.step(e + 1);
        }
        run.evaluate(ws, epochs);
    }

    private static void miniBatch(Run run, TrainingOptions options, int rows, int in) {
        int size = options.batchSize();
        int remainder = rows % size;
        double[] xFull = new double[size * in];
        double[] yFull = new double[size];
        double[] xLast = new double[Math.max(remainder, 1) * in];
        double[] yLast = new double[Math.max(remainder, 1)];
        Workspace batchWs = run.mlp.newWorkspace(size);
        Workspace evalWs = run.mlp.newWorkspace(rows);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random random = new Random(options.shuffleSeed());
        run.evaluate(evalWs, 0);
        for (int e = 1; e <= options.epochs(); e++) {
            if (InterruptedRunException.interrupted()) {
                throw new TrainingInterruptedException(e - 1, options.epochs(), run.history);
            }
            run.lastGood.copyFrom(run.theta);
            shuffle(order, random);
            for (int start = 0; start < rows; start += size) {
                int count = Math.min(size, rows - start);
                double[] xb = count == size ? xFull : xLast;
                double[] yb = count == size ? yFull : yLast;
                for (int k = 0; k < count; k++) {
                    int row = order[start + k];
                    System.arraycopy(run.x, row * in, xb, k * in, in);
                    yb[k] = run.y[row];
                }
                double loss = run.mlp.lossAndGradient(xb, yb, batchWs, run.gradient);
                if (!Double.isFinite(loss)) {
                    throw run.diverged(e, loss);
                }
                run.step(e);
            }
            run.evaluate(evalWs, e);
        }
    }

    private static IllegalArgumentException untrained(double loss) {
        return new IllegalArgumentException("the untrained network's loss is " + loss
                + ": expected a finite loss before training (are the initial parameters finite?)");
    }

    private static double accuracy(double[] a, double[] y) {
        int correct = 0;
        for (int n = 0; n < y.length; n++) {
            boolean predicted = a[n] > 0.5;
            boolean actual = y[n] == 1.0;
            correct += predicted == actual ? 1 : 0;
        }
        return (double) correct / y.length;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void check(Mlp mlp, DataSet data, Optimizer optimizer, TrainingOptions options) {
        requireArgument("mlp", mlp, "a network from Mlp.create");
        requireArgument("data", data, "a DataSet, e.g. DataSets.circle(500, 42)");
        requireArgument("optimizer", optimizer, "e.g. new Sgd(0.1)");
        requireArgument("options", options, "e.g. TrainingOptions.fullBatch(1000)");
        checkFits(mlp, data);
        // The history holds epochs + 1 rows of an int and two doubles: refuse what cannot fit.
        long rows = options.epochs() + 1L;
        Require.arrayLength("a history of " + options.epochs() + " epochs", rows);
        Require.memory("a history of " + Require.count(rows) + " rows (epochs = " + options.epochs() + ")", 20 * rows);
    }

    private static void requireArgument(String name, Object value, String expected) {
        Require.nonNull(name, value, expected);
    }

    private static void checkFits(Mlp mlp, DataSet data) {
        requireArgument("mlp", mlp, "a network from Mlp.create");
        requireArgument("data", data, "a DataSet, e.g. DataSets.circle(500, 42)");
        if (data.features() != mlp.inputSize()) {
            throw new IllegalArgumentException("data has " + data.features() + " features but the network's input "
                    + "layer has " + mlp.inputSize() + ": expected the same number");
        }
        if (mlp.outputSize() != 1) {
            throw new IllegalArgumentException("the network has " + mlp.outputSize() + " outputs but the data has "
                    + "one label per row: expected a network with one output");
        }
    }
}
