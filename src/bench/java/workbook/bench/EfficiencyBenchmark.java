package workbook.bench;

import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lesson 08's timing network, 20-128-64-1 on a batch of 100 rows: a forward pass, and a forward pass
 * followed by the backward pass (the gradient of all 11,009 parameters; no update).
 */
@State(Scope.Thread)
public class EfficiencyBenchmark {

    private Mlp mlp;
    private Parameters gradient;
    private Workspace ws;
    private double[] x;
    private double[] y;

    @Setup
    public void create() {
        Workload w = Workload.efficiency("efficiency");
        mlp = w.network();
        gradient = mlp.parameters().zerosLike();
        ws = mlp.newWorkspace(w.rows());
        x = w.x();
        y = w.y();
    }

    /** @return the workspace, so that the JIT cannot drop the work */
    @Benchmark
    public Workspace forward() {
        mlp.forward(x, ws);
        return ws;
    }

    /** @return the gradient, so that the JIT cannot drop the work */
    @Benchmark
    public Parameters forwardBackward() {
        mlp.forward(x, ws);
        mlp.backward(x, y, ws, gradient);
        return gradient;
    }
}
