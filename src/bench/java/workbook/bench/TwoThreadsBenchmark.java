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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The same work as {@link EpochBenchmark} (an epoch of the circle or the spirals) and
 * {@link EfficiencyBenchmark#forwardBackward()}, with a workspace made for two threads
 * ({@code mlp.newWorkspace(rows, 2)}): the calling thread and one helper share each pass, and every
 * value is the same, bit for bit, as on one thread.
 */
@State(Scope.Thread)
public class TwoThreadsBenchmark {

    @Param({"circle", "spirals", "efficiency"})
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
        Workload w = switch (workload) {
            case "circle" -> Workload.circleEpoch();
            case "spirals" -> Workload.spiralsEpoch();
            default -> Workload.efficiency("efficiency");
        };
        mlp = w.network();
        initial = mlp.parameters().copy();
        gradient = mlp.parameters().zerosLike();
        ws = mlp.newWorkspace(w.rows(), 2);
        sgd = w.learningRate() > 0 ? new Sgd(w.learningRate()) : null;
        x = w.x();
        y = w.y();
    }

    @Setup(Level.Iteration)
    public void restart() {
        mlp.parameters().copyFrom(initial);
    }

    @TearDown(Level.Trial)
    public void close() {
        ws.close();
    }

    /** @return the loss (an epoch) or the gradient's first weight (forward + backward), so that the JIT cannot drop the work */
    @Benchmark
    public double step() {
        if (sgd == null) {
            mlp.forward(x, ws);
            mlp.backward(x, y, ws, gradient);
            return gradient.weights(0)[0];
        }
        double loss = mlp.lossAndGradient(x, y, ws, gradient);
        sgd.step(mlp.parameters(), gradient);
        return loss;
    }
}
