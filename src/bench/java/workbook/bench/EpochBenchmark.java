package workbook.bench;

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

    private TrainingStep step;

    @Setup(Level.Trial)
    public void create() {
        step = new TrainingStep("circle".equals(workload) ? Workload.circleEpoch() : Workload.spiralsEpoch(), 1);
    }

    @Setup(Level.Iteration)
    public void restart() {
        step.restart();
    }

    /** @return the loss, so that the JIT cannot drop the work */
    @Benchmark
    public double epoch() {
        return step.epoch();
    }
}
