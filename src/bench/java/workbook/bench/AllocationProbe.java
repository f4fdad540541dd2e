package workbook.bench;

import backprop.Mlp;
import backprop.Objective;
import backprop.Parameters;
import backprop.Workspace;
import backprop.check.GradientCheck;
import backprop.train.Sgd;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes allocated per call of every workload, counted without a harness: the JVM's per-thread
 * allocation counter (the one JMH's GC profiler reads) before and after many calls, after a warm-up
 * long enough for the JIT to compile the loops. JMH's {@code gc.alloc.rate.norm} also counts JMH's
 * own bookkeeping during an iteration, spread over that iteration's calls, which for calls of a
 * millisecond amounts to hundreds of bytes per call; this probe tells whether the library itself
 * allocates.
 *
 * <p>Usage: {@code AllocationProbe OUTPUT.json WARMUP_CALLS MEASURED_CALLS}
 */
public final class AllocationProbe {

    private AllocationProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: AllocationProbe OUTPUT.json WARMUP_CALLS MEASURED_CALLS (got "
                    + args.length + " arguments)");
        }
        int warmup = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        Map<String, Double> bytesPerCall = new LinkedHashMap<>();
        for (Workload w : Workload.all()) {
            Runnable work = workOf(w);
            bytesPerCall.put(w.id(), measure(work, w.id().equals("gradient-check") ? Math.max(1, warmup / 100) : warmup,
                    w.id().equals("gradient-check") ? Math.max(1, calls / 100) : calls));
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), bytesPerCall);
    }

    private static Runnable workOf(Workload w) {
        Mlp mlp = w.network();
        Parameters gradient = mlp.parameters().zerosLike();
        Workspace ws = mlp.newWorkspace(w.rows());
        double[] x = w.x();
        double[] y = w.y();
        switch (w.id()) {
            case "efficiency-forward":
                return () -> mlp.forward(x, ws);
            case "efficiency-forward-backward":
                return () -> {
                    mlp.forward(x, ws);
                    mlp.backward(x, y, ws, gradient);
                };
            case "gradient-check":
                Objective objective = mlp.objective(x, y);
                GradientCheck check = GradientCheck.create();
                return () -> check.run(objective);
            default: // an epoch
                Sgd sgd = new Sgd(w.learningRate());
                return () -> {
                    mlp.lossAndGradient(x, y, ws, gradient);
                    sgd.step(mlp.parameters(), gradient);
                };
        }
    }

    private static double measure(Runnable work, int warmup, int calls) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < calls; i++) {
            work.run();
        }
        return (double) (threads.getThreadAllocatedBytes(id) - before) / calls;
    }
}
