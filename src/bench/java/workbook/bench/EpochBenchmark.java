package workbook.bench;

import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.train.Sgd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full-batch training epoch of lessons 06 and 07: forward pass, loss, backward pass, SGD update,
 * the work of one epoch of {@code Trainer.train} without its bookkeeping (history, accuracy,
 * divergence check). The parameters go back to their initial values before every measurement
 * iteration, so every iteration trains the same stretch of epochs from the start.
 */
@State(Scope.Thread)
public class EpochBenchmark {

    /** Which lesson's network and data. */
    @Param({"circle", "spirals"})
    public String workload;

    private Mlp mlp;
    private Parameters initial;
    private Parameters gradient;
    private Workspace ws;
    private Sgd sgd;
    private double[] x;
    private double[] y;

    @Setup(Level.Trial)
    public void create() {
        Workload w = "circle".equals(workload) ? Workload.circleEpoch() : Workload.spiralsEpoch();
        mlp = w.network();
        initial = mlp.parameters().copy();
        gradient = mlp.parameters().zerosLike();
        ws = mlp.newWorkspace(w.rows());
        sgd = new Sgd(w.learningRate());
        x = w.x();
        y = w.y();
    }

    @Setup(Level.Iteration)
    public void restart() {
        mlp.parameters().copyFrom(initial);
    }

    /** @return the loss before the update (returned so that the JIT cannot drop the work) */
    @Benchmark
    public double epoch() {
        double loss = mlp.lossAndGradient(x, y, ws, gradient);
        sgd.step(mlp.parameters(), gradient);
        return loss;
    }
}
