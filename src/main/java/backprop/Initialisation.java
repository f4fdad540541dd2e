package backprop;

import java.util.Random;

/**
 * How the weights of a new network are drawn. Biases start at zero. Every scheme draws from a
 * {@link Random} made from an explicit seed, layer by layer and row-major within a layer, so the
 * same seed gives the same weights bit for bit.
 *
 * <p>The data sets of {@link backprop.data.DataSets} draw from {@code new Random(seed)} too, so a
 * network and a data set made from the same seed share their first Gaussian draws (with two
 * inputs and He scaling, {@code W1} then holds the first data points). Use different seeds for
 * data and weights when that matters; notebook 04 shows the coincidence.
 */
public enum Initialisation {

    /** He: {@code W ~ N(0, 2 / fan_in)}, suited to ReLU layers; the scheme both lessons use. */
    HE {
        @Override
        public double standardDeviation(int fanIn, int fanOut) {
            return Math.sqrt(2.0 / fanIn);
        }
    },

    /** Xavier (Glorot) normal: {@code W ~ N(0, 2 / (fan_in + fan_out))}, suited to tanh and sigmoid. */
    XAVIER {
        @Override
        public double standardDeviation(int fanIn, int fanOut) {
            return Math.sqrt(2.0 / (fanIn + fanOut));
        }
    };

    /**
     * The standard deviation of the normal distribution a layer's weights are drawn from.
     *
     * @param fanIn the layer's number of inputs
     * @param fanOut the layer's number of outputs
     * @return the standard deviation
     */
    public abstract double standardDeviation(int fanIn, int fanOut);

    /**
     * New parameters for the given sizes: weights drawn layer by layer, biases zero.
     *
     * @param sizes layer widths, input first; at least two, each >= 1
     * @param seed the seed of the random generator
     * @return new parameters
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public Parameters initialise(int[] sizes, long seed) {
        Parameters p = Parameters.zeros(sizes);
        Random random = new Random(seed);
        for (int l = 0; l < p.layerCount(); l++) {
            double std = standardDeviation(sizes[l], sizes[l + 1]);
            double[] w = p.weights(l);
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextGaussian() * std;
            }
        }
        return p;
    }
}
