package workbook.bench;

import backprop.Objective;
import backprop.check.GradientCheck;
import backprop.check.GradientCheckReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lesson 05's full gradient check: every one of the 193 parameters of the circle's 2-16-8-1 network
 * probed by a centred difference on the 500 points, after one analytic gradient; that is one forward
 * and backward pass plus 2 × 193 forward passes. Each probed parameter is restored exactly, so every
 * call checks the same network.
 */
@State(Scope.Thread)
public class GradientCheckBenchmark {

    private Objective objective;
    private GradientCheck check;

    @Setup
    public void create() {
        Workload w = Workload.gradientCheck();
        objective = w.network().objective(w.x(), w.y());
        check = GradientCheck.create();
    }

    /** @return the report (every tensor's worst relative error) */
    @Benchmark
    public GradientCheckReport fullCheck() {
        return check.run(objective);
    }
}
