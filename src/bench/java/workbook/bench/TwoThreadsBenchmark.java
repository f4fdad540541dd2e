package workbook.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The same work as {@link EpochBenchmark} (an epoch of the circle or the spirals) and
 * {@link EfficiencyBenchmark#forwardBackward()}, on a workspace made for two threads
 * ({@code mlp.newWorkspace(rows, 2)}): the calling thread and one helper share each pass, and every
 * value is the same, bit for bit, as on one thread.
 */
@State(Scope.Thread)
public class TwoThreadsBenchmark {

    @Param({"circle", "spirals", "efficiency"})
    public String workload;

    private TrainingStep step;

    @Setup(Level.Trial)
    public void create() {
        Workload w = switch (workload) {
            case "circle" -> Workload.circleEpoch();
            case "spirals" -> Workload.spiralsEpoch();
            default -> Workload.efficiency("efficiency");
        };
        step = new TrainingStep(w, 2);
    }

    @Setup(Level.Iteration)
    public void restart() {
        step.restart();
    }

    @TearDown(Level.Trial)
    public void close() {
        step.close();
    }

    /** @return an epoch's loss, or (efficiency) a weight of the gradient, so that the JIT cannot drop the work */
    @Benchmark
    public double step() {
        return "efficiency".equals(workload) ? step.forwardBackward().weights(0)[0] : step.epoch();
    }
}
