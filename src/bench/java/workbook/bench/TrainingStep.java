package workbook.bench;

import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.train.Sgd;

/**
 * A workload's network, gradient, workspace (for one thread or several) and SGD, ready to time one
 * step: an epoch (forward, loss, backward, update) or a forward + backward pass.
 */
final class TrainingStep implements AutoCloseable {

    private final Mlp mlp;
    private final Parameters initial;
    private final Parameters gradient;
    private final Workspace ws;
    private final Sgd sgd;
    private final double[] x;
    private final double[] y;

    TrainingStep(Workload w, int threads) {
        mlp = w.network();
        initial = mlp.parameters().copy();
        gradient = mlp.parameters().zerosLike();
        ws = mlp.newWorkspace(w.rows(), threads);
        sgd = w.learningRate() > 0 ? new Sgd(w.learningRate()) : null;
        x = w.x();
        y = w.y();
    }

    /** Puts the parameters back to their initial values. */
    void restart() {
        mlp.parameters().copyFrom(initial);
    }

    /** @return the loss of an epoch: forward, loss, backward and the SGD update */
    double epoch() {
        double loss = mlp.lossAndGradient(x, y, ws, gradient);
        sgd.step(mlp.parameters(), gradient);
        return loss;
    }

    /** @return the gradient of a forward + backward pass, without an update */
    Parameters forwardBackward() {
        mlp.forward(x, ws);
        mlp.backward(x, y, ws, gradient);
        return gradient;
    }

    @Override
    public void close() {
        ws.close();
    }
}
