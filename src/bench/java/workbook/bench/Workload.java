package workbook.bench;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.data.DataSet;
import backprop.data.DataSets;
import java.util.List;
import java.util.Random;

/**
 * One of the lessons' workloads, as the notebooks set it up: the layer sizes, the hidden activation,
 * the seed of the He-initialised weights, the learning rate, and the batch ({@code x} row-major,
 * {@code rows × sizes[0]}; one label per row). The JMH benchmarks and the peers (through
 * {@link ExportWorkloads}) start from exactly these numbers.
 *
 * @param id the name used in the results, e.g. {@code "circle-epoch"}
 * @param sizes layer widths, input first
 * @param hidden activation of the hidden layers (the output is a sigmoid)
 * @param weightSeed seed of {@link Initialisation#HE}
 * @param learningRate the SGD step of an epoch (unused by the workloads without an update)
 * @param x inputs, {@code rows × sizes[0]}
 * @param y labels in {0, 1}
 */
public record Workload(String id, int[] sizes, Activation hidden, long weightSeed, double learningRate,
                       double[] x, double[] y) {

    /** The seed of every lesson, as lesson B's {@code np.random.seed(42)}. */
    public static final long SEED = 42;

    /** Notebook 06: 2-16-8-1 ReLU, He from seed 42, the 500 circle points, learning rate 0.1. */
    public static Workload circleEpoch() {
        return of("circle-epoch", new int[] {2, 16, 8, 1}, SEED, 0.1, DataSets.circle(500, SEED));
    }

    /** Notebook 07: 2-64-32-16-1 ReLU, He from seed 42, 2 × 300 spiral points (noise 0.15), learning rate 0.05. */
    public static Workload spiralsEpoch() {
        return of("spirals-epoch", new int[] {2, 64, 32, 16, 1}, SEED, 0.05, DataSets.spirals(300, 0.15, SEED));
    }

    /**
     * Notebook 08: 20-128-64-1 ReLU, He from seed 43, 100 rows of 20 standard normal features
     * drawn from {@code new Random(42)}, then 100 labels {@code nextInt(2)} from the same generator.
     */
    public static Workload efficiency(String id) {
        Random random = new Random(SEED);
        double[] x = new double[100 * 20];
        double[] y = new double[100];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        for (int n = 0; n < y.length; n++) {
            y[n] = random.nextInt(2);
        }
        return new Workload(id, new int[] {20, 128, 64, 1}, Activation.RELU, SEED + 1, 0, x, y);
    }

    /** Notebook 05: the full gradient check of the circle's 2-16-8-1 network on its 500 points. */
    public static Workload gradientCheck() {
        return of("gradient-check", new int[] {2, 16, 8, 1}, SEED, 0, DataSets.circle(500, SEED));
    }

    /** @return every workload, in the order of the results table */
    public static List<Workload> all() {
        return List.of(circleEpoch(), spiralsEpoch(), efficiency("efficiency-forward"),
                efficiency("efficiency-forward-backward"), gradientCheck());
    }

    private static Workload of(String id, int[] sizes, long seed, double learningRate, DataSet data) {
        return new Workload(id, sizes, Activation.RELU, seed, learningRate, data.x(), data.y());
    }

    /** @return a new network with this workload's initial parameters */
    public Mlp network() {
        return Mlp.create(sizes, hidden, Initialisation.HE, weightSeed);
    }

    /** @return the number of rows of the batch */
    public int rows() {
        return y.length;
    }
}
