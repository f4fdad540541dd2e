package exercises.training;

import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.data.DataSet;
import java.util.ArrayList;
import java.util.List;

/** Full-batch gradient descent, written out: the loop that {@code backprop.train.Trainer} runs. */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    /**
     * Trains {@code mlp} in place with full-batch gradient descent and returns its history.
     *
     * <p>Each epoch is one update over all N rows: the library computes the loss L and the gradient
     * ∇θL ({@code mlp.lossAndGradient}), then every weight and bias moves against it,
     *
     * <pre>
     *   θ ← θ − η ∇θL      for every tensor W1, b1, W2, b2, ... and every element of it
     * </pre>
     *
     * The workspace ({@code mlp.newWorkspace(N)}) and the gradient ({@code zerosLike()} of the
     * parameters) are allocated once, before the first epoch.
     *
     * <p>The history has {@code epochs + 1} rows. Row e is the loss and the accuracy of the network
     * <em>after e updates</em>, on all N rows: row 0 is the untrained network, the last row is the
     * network this method leaves in {@code mlp}.
     *
     * @param mlp the network, one output; its parameters are modified (trained in place)
     * @param data the training set: x is N × {@code mlp.inputSize()} row-major, y has N labels in
     *     {0, 1}; not modified
     * @param learningRate η, positive
     * @param epochs the number of updates, at least 0
     * @return the history, {@code epochs + 1} rows with {@code epoch} = 0, 1, ..., epochs
     */
    public static List<Epoch> train(Mlp mlp, DataSet data, double learningRate, int epochs) {
        double[] x = data.x();
        double[] y = data.y();
        Workspace ws = mlp.newWorkspace(data.rows());
        Parameters theta = mlp.parameters();
        Parameters gradient = theta.zerosLike();
        List<Epoch> history = new ArrayList<>(epochs + 1);
        for (int e = 0; e < epochs; e++) {
            // This pass sees the network after e updates, so its loss is row e, not row e + 1.
            double loss = mlp.lossAndGradient(x, y, ws, gradient);
            history.add(new Epoch(e, loss, accuracy(ws.output(), y)));
            for (int k = 0; k < theta.tensorCount(); k++) {
                double[] t = theta.tensor(k);
                double[] g = gradient.tensor(k);
                for (int i = 0; i < t.length; i++) {
                    t[i] -= learningRate * g[i];
                }
            }
        }
        // One more forward pass measures the network that training returns.
        mlp.forward(x, ws);
        history.add(new Epoch(epochs, mlp.forwardLoss(y, ws), accuracy(ws.output(), y)));
        return history;
    }

    /**
     * The fraction of rows on the right side of 0.5. Given code: complete.
     *
     * <pre>
     *   accuracy = (1/N) · #{n : (a[n] > 0.5) == (y[n] == 1)}
     * </pre>
     *
     * @param a predicted probabilities, at least N values (e.g. {@code ws.output()}); not modified
     * @param y labels, N values in {0, 1}; not modified
     * @return the accuracy, in [0, 1]
     */
    public static double accuracy(double[] a, double[] y) {
        int correct = 0;
        for (int n = 0; n < y.length; n++) {
            correct += ((a[n] > 0.5) == (y[n] == 1.0)) ? 1 : 0;
        }
        return (double) correct / y.length;
    }
}
