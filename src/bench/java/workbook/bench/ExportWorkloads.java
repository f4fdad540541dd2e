package workbook.bench;

import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.check.GradientCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every {@link Workload} as JSON for the peers: sizes, activation, learning rate, the batch,
 * the initial weights and biases, and the library's loss and gradient at those parameters. The peers
 * start from the same numbers as the library and prove that they compute the same gradient before
 * they are timed. Also writes the peak probe's FLOPs per call, which depend on this JVM's vector
 * width.
 *
 * <p>Usage: {@code ExportWorkloads OUTPUT.json}
 */
public final class ExportWorkloads {

    private ExportWorkloads() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ExportWorkloads OUTPUT.json (got " + args.length + " arguments)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> workloads = new ArrayList<>();
        for (Workload w : Workload.all()) {
            workloads.add(describe(w));
        }
        out.put("workloads", workloads);
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("vector_lanes", PeakProbe.SPECIES.length());
        probe.put("vector_flops_per_call", PeakProbe.vectorFlopsPerCall());
        probe.put("scalar_flops_per_call", PeakProbe.scalarFlopsPerCall());
        out.put("peak_probe", probe);
        Path path = Path.of(args[0]);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(path.toFile(), out);
    }

    private static Map<String, Object> describe(Workload w) {
        Mlp mlp = w.network();
        Parameters p = mlp.parameters();
        Parameters g = p.zerosLike();
        Workspace ws = mlp.newWorkspace(w.rows());
        double loss = mlp.lossAndGradient(w.x(), w.y(), ws, g);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("sizes", w.sizes());
        m.put("hidden", w.hidden().name());
        m.put("learning_rate", w.learningRate());
        m.put("rows", w.rows());
        m.put("parameters", p.count());
        m.put("x", w.x());
        m.put("y", w.y());
        m.put("weights", tensors(p, true));
        m.put("biases", tensors(p, false));
        m.put("loss", loss);
        m.put("gradient_weights", tensors(g, true));
        m.put("gradient_biases", tensors(g, false));
        if (w.id().equals("gradient-check")) {
            m.put("check_step", GradientCheck.DEFAULT_STEP);
            m.put("check_floor", GradientCheck.DEFAULT_FLOOR);
            m.put("check_worst_relative_error", GradientCheck.create().run(mlp.objective(w.x(), w.y())).worst()
                    .maxRelativeError());
        }
        return m;
    }

    private static List<double[]> tensors(Parameters p, boolean weights) {
        List<double[]> list = new ArrayList<>();
        for (int l = 0; l < p.layerCount(); l++) {
            list.add(weights ? p.weights(l) : p.biases(l));
        }
        return list;
    }
}
