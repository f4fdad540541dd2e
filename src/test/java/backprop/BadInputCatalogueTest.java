package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.check.GradientCheck;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.timing.Measurement;
import backprop.timing.Benchmark;
import backprop.train.Adam;
import backprop.train.History;
import backprop.train.Momentum;
import backprop.train.Optimizer;
import backprop.train.Sgd;
import backprop.train.Trainer;
import backprop.train.TrainingOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input stopped at the boundary, as one table over the lesson library's public entry points:
 * each case gives the call, the exception it must raise, a fragment its message must contain, and
 * the state that must be as it was afterwards (the network's parameters, the arrays handed in, the
 * optimizer's effect).
 *
 * <p>The rules (README, "Bad input"): a null argument is a {@link NullPointerException} naming the
 * argument; any other bad value is an {@link IllegalArgumentException} naming the argument, the
 * value or both sizes, and what was expected; sizes are checked before anything is allocated. A
 * null for every reference argument of every public method is also checked, by reflection, in
 * {@link NullArgumentTest}.
 */
@DisplayName("Bad input is stopped at the boundary, named, and changes nothing")
class BadInputCatalogueTest {

    static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    static final Class<NullPointerException> NPE = NullPointerException.class;

    record Case(String name, Executable call, Class<? extends Throwable> type, String fragment,
                Supplier<Boolean> unchanged) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Mlp network() {
        return Mlp.create(new int[] {2, 4, 1}, Activation.TANH, Initialisation.XAVIER, 5);
    }

    static final double[] X = {0.5, -1.0, 1.5, 0.25};
    static final double[] Y = {1, 0};

    /** A call on a fresh 2-4-1 network; afterwards its parameters must be as they were. */
    static Case onNetwork(String name, Consumer<Mlp> prepare, Consumer<Mlp> call, Class<? extends Throwable> type,
                          String fragment) {
        Mlp mlp = network();
        prepare.accept(mlp);
        Parameters before = mlp.parameters().copy();
        return new Case(name, () -> call.accept(mlp), type, fragment, () -> before.sameValues(mlp.parameters()));
    }

    static Case onNetwork(String name, Consumer<Mlp> call, Class<? extends Throwable> type, String fragment) {
        return onNetwork(name, mlp -> { }, call, type, fragment);
    }

    /** A call given some arrays; afterwards each must hold what it held. */
    static Case onArrays(String name, Executable call, Class<? extends Throwable> type, String fragment,
                         double[]... arrays) {
        double[][] before = Arrays.stream(arrays).map(double[]::clone).toArray(double[][]::new);
        return new Case(name, call, type, fragment, () -> Arrays.deepEquals(before, arrays));
    }

    /** A factory or constructor: there is no state but the arguments, which are values. */
    static Case refused(String name, Executable call, Class<? extends Throwable> type, String fragment) {
        return new Case(name, call, type, fragment, () -> true);
    }

    static Parameters gradientWith(Mlp mlp, int tensor, int index, double value) {
        Parameters g = mlp.parameters().zerosLike();
        g.tensor(tensor)[index] = value;
        return g;
    }

    static Case optimizerGradient(String name, Optimizer optimizer, double bad, String fragment) {
        return onNetwork(name, mlp -> optimizer.step(mlp.parameters(), gradientWith(mlp, 2, 3, bad)), IAE, fragment);
    }

    static Case optimizerReused(String name, Optimizer optimizer) {
        Mlp first = network();
        optimizer.step(first.parameters(), first.parameters().zerosLike());
        Mlp other = Mlp.create(new int[] {2, 3, 1}, Activation.RELU, Initialisation.HE, 1);
        Parameters before = other.parameters().copy();
        return new Case(name, () -> optimizer.step(other.parameters(), other.parameters().zerosLike()),
                IAE, "keeps state for parameters of sizes [2, 4, 1] from its earlier "
                        + "steps, but these have sizes [2, 3, 1]: call reset()",
                () -> before.sameValues(other.parameters()));
    }

    static Case gradientCheckStep(String name, double step, String fragment) {
        DataSet data = DataSets.circle(20, 1);
        return onNetwork(name, mlp -> GradientCheck.create().withStep(step).run(mlp.objective(data.x(), data.y())),
                IAE, fragment);
    }

    static Case train(String name, Consumer<Mlp> prepare, DataSet data, Optimizer optimizer, TrainingOptions options,
                      Class<? extends Throwable> type, String fragment) {
        return onNetwork(name, prepare, mlp -> Trainer.train(mlp, data, optimizer, options), type, fragment);
    }

    static Stream<Case> networks() {
        return Stream.of(
                refused("a network without sizes", () -> Mlp.create(null, Activation.RELU, Initialisation.HE, 1),
                        NPE, "sizes is null: expected at least two layer sizes"),
                refused("a network of one layer", () -> Mlp.create(new int[] {2}, Activation.RELU,
                        Initialisation.HE, 1), IAE, "sizes is [2]: expected at least two layer sizes"),
                refused("a layer of width 0", () -> Mlp.create(new int[] {2, 0, 1}, Activation.RELU,
                        Initialisation.HE, 1), IAE, "sizes[1] is 0 in [2, 0, 1]: expected every layer size"),
                refused("a weight matrix longer than a Java array", () -> Mlp.create(new int[] {2, 100_000, 100_000, 1},
                        Activation.RELU, Initialisation.HE, 1), IAE,
                        "W2 of layer sizes [2, 100000, 100000, 1] needs 10,000,000,000 values (80.0 GB): expected at "
                                + "most 2,147,483,639 values"),
                refused("layers that need more memory than the heap", () -> Mlp.create(
                        new int[] {2, 40_000, 40_000, 40_000, 1}, Activation.RELU, Initialisation.HE, 1), IAE,
                        "parameters needs 25.6 GB but this JVM's heap holds at most"),
                refused("no hidden activation", () -> Mlp.create(new int[] {2, 3, 1}, null, Initialisation.HE, 1),
                        NPE, "hidden is null: expected one of [SIGMOID, RELU, TANH, IDENTITY]"),
                refused("no initialisation", () -> Mlp.create(new int[] {2, 3, 1}, Activation.RELU, null, 1),
                        NPE, "initialisation is null: expected HE or XAVIER"),
                refused("a network made of NaN parameters", () -> {
                    Parameters p = Parameters.zeros(2, 3, 1);
                    p.biases(1)[0] = Double.NaN;
                    Mlp.of(p, Activation.RELU);
                }, IAE, "the network's parameter b2[0] is NaN: expected finite weights and biases"),
                onNetwork("forward without inputs", mlp -> mlp.forward(null, mlp.newWorkspace(2)), NPE,
                        "x is null: expected N × 2 inputs"),
                onNetwork("forward without a workspace", mlp -> mlp.forward(X, null), NPE,
                        "ws is null: expected a workspace from newWorkspace(N)"),
                onNetwork("forward on no rows", mlp -> mlp.forward(new double[0], mlp.newWorkspace(2)), IAE,
                        "x is empty: expected at least one row of 2 inputs"),
                onNetwork("forward on a ragged batch", mlp -> mlp.forward(new double[3], mlp.newWorkspace(2)), IAE,
                        "x has 3 values, not a multiple of the input width 2 of layer sizes [2, 4, 1]"),
                onNetwork("forward on a NaN input", mlp -> mlp.forward(new double[] {0, Double.NaN},
                        mlp.newWorkspace(1)), IAE, "x[1] is NaN: expected a finite number"),
                onNetwork("forward on an infinite input", mlp -> mlp.forward(new double[] {Double.NEGATIVE_INFINITY, 0},
                        mlp.newWorkspace(1)), IAE, "x[0] is -Infinity: expected a finite number"),
                onNetwork("forward on more rows than the workspace holds", mlp -> mlp.forward(X, mlp.newWorkspace(1)),
                        IAE, "x has 2 rows but the workspace holds at most 1: expected a workspace with capacity >= 2"),
                onNetwork("forward with another network's workspace", mlp -> mlp.forward(X,
                        Mlp.create(new int[] {2, 3, 1}, Activation.RELU, Initialisation.HE, 1).newWorkspace(2)), IAE,
                        "workspace was made for another network: expected one from newWorkspace() of this network "
                                + "with sizes [2, 4, 1]"),
                onNetwork("forward with a NaN weight", mlp -> mlp.parameters().weights(1)[2] = Double.NaN,
                        mlp -> mlp.forward(X, mlp.newWorkspace(2)), IAE, "the network's parameter W2[2] is NaN"),
                onNetwork("predict with an infinite bias", mlp -> mlp.parameters().biases(0)[3] = Double.POSITIVE_INFINITY,
                        mlp -> mlp.predict(X), IAE, "the network's parameter b1[3] is Infinity"),
                onNetwork("a gradient check on a NaN weight", mlp -> mlp.parameters().weights(0)[0] = Double.NaN,
                        mlp -> GradientCheck.create().run(mlp.objective(X, Y)), IAE,
                        "the network's parameter W1[0] is NaN"),
                onNetwork("loss before any forward pass", mlp -> mlp.forwardLoss(Y, mlp.newWorkspace(2)), IAE,
                        "workspace holds no forward pass of this network"),
                onNetwork("loss with a label of 2", mlp -> {
                    Workspace ws = mlp.newWorkspace(2);
                    mlp.forward(X, ws);
                    mlp.forwardLoss(new double[] {2, 0}, ws);
                }, IAE, "y[0] is 2.0: expected a value in [0, 1]"),
                onNetwork("a gradient with too few labels", mlp -> mlp.lossAndGradient(X, new double[3],
                        mlp.newWorkspace(2), mlp.parameters().zerosLike()), IAE,
                        "y has 3 labels but x has 2 rows: expected 2 labels (1 per row)"),
                onNetwork("a gradient written into another shape", mlp -> mlp.lossAndGradient(X, Y, mlp.newWorkspace(2),
                        Parameters.zeros(2, 3, 1)), IAE, "parameters have sizes [2, 3, 1] but expected [2, 4, 1]"),
                onNetwork("a gradient without somewhere to write it", mlp -> mlp.lossAndGradient(X, Y,
                        mlp.newWorkspace(2), null), NPE, "gradient is null: expected parameters of sizes [2, 4, 1]"),
                onNetwork("backward on other rows than the forward pass", mlp -> {
                    Workspace ws = mlp.newWorkspace(2);
                    mlp.forward(new double[] {1, 2}, ws);
                    mlp.backward(X, Y, ws, mlp.parameters().zerosLike());
                }, IAE, "x has 2 rows but the last forward pass had 1"),
                onNetwork("a workspace for no rows", mlp -> mlp.newWorkspace(0), IAE,
                        "capacity is 0: expected at least 1"),
                onNetwork("a workspace longer than a Java array", mlp -> mlp.newWorkspace(Integer.MAX_VALUE), IAE,
                        "a workspace of capacity 2,147,483,647 for layer sizes [2, 4, 1]"),
                onNetwork("a workspace shared by no thread", mlp -> mlp.newWorkspace(2, 0), IAE,
                        "threads is 0: expected 1 to 64"),
                onNetwork("a workspace shared by more threads than the most", mlp -> mlp.newWorkspace(2, 65), IAE,
                        "threads is 65: expected 1 to 64"),
                onNetwork("an objective with a NaN label", mlp -> mlp.objective(X, new double[] {Double.NaN, 1}), IAE,
                        "y[0] is NaN: expected a value in [0, 1]"));
    }

    static Stream<Case> parameters() {
        double[] w1 = new double[6];
        double[] nanW1 = {0, 0, Double.NaN, 0, 0, 0};
        return Stream.of(
                onArrays("parameters from a weight array of the wrong length", () -> Parameters.of(new int[] {2, 3, 1},
                        new double[][] {new double[5], new double[3]}, new double[][] {new double[3], new double[1]}),
                        IAE, "W1 has 5 values but expected 6"),
                onArrays("parameters from a NaN weight", () -> Parameters.of(new int[] {2, 3, 1},
                        new double[][] {nanW1, new double[3]}, new double[][] {new double[3], new double[1]}),
                        IAE, "W1[2] is NaN: expected a finite number", nanW1),
                onArrays("parameters without biases", () -> Parameters.of(new int[] {2, 3, 1},
                        new double[][] {w1, new double[3]}, null), NPE, "biases is null: expected one array per layer",
                        w1),
                onNetwork("copying parameters of another shape", mlp -> mlp.parameters().copyFrom(
                        Parameters.zeros(2, 3, 1)), IAE, "parameters have sizes [2, 3, 1] but expected [2, 4, 1]"),
                onNetwork("copying from nothing", mlp -> mlp.parameters().copyFrom(null), NPE,
                        "other is null: expected parameters of sizes [2, 4, 1]"),
                onNetwork("the weights of a layer that is not there", mlp -> mlp.parameters().weights(2), IAE,
                        "layer is 2: expected 0 to 1"),
                onNetwork("tensor -1", mlp -> mlp.parameters().tensor(-1), IAE, "tensor is -1: expected 0 to 3"));
    }

    static Stream<Case> optimizers() {
        return Stream.of(
                optimizerGradient("SGD given a NaN gradient", new Sgd(0.1), Double.NaN,
                        "gradient W2[3] is NaN: expected a finite gradient for SGD(η=0.1)"),
                optimizerGradient("SGD given an infinite gradient", new Sgd(0.1), Double.POSITIVE_INFINITY,
                        "gradient W2[3] is Infinity"),
                optimizerGradient("momentum given a NaN gradient", new Momentum(0.1), Double.NaN,
                        "gradient W2[3] is NaN: expected a finite gradient for Momentum(η=0.1, μ=0.9)"),
                optimizerGradient("Adam given a NaN gradient", new Adam(0.01), Double.NaN,
                        "gradient W2[3] is NaN: expected a finite gradient for Adam(η=0.01"),
                optimizerGradient("Adam given -Infinity", new Adam(0.01), Double.NEGATIVE_INFINITY,
                        "gradient W2[3] is -Infinity"),
                optimizerReused("momentum reused on another network", new Momentum(0.1)),
                optimizerReused("Adam reused on another network", new Adam(0.01)),
                onNetwork("SGD given a gradient of another shape", mlp -> new Sgd(0.1).step(mlp.parameters(),
                        Parameters.zeros(2, 3, 1)), IAE, "parameters have sizes [2, 3, 1] but expected [2, 4, 1]"),
                onNetwork("SGD without a gradient", mlp -> new Sgd(0.1).step(mlp.parameters(), null), NPE,
                        "gradient is null: expected their gradient"),
                refused("a learning rate of 0", () -> new Sgd(0), IAE,
                        "learning rate is 0.0: expected a positive finite number"),
                refused("a NaN learning rate", () -> new Adam(Double.NaN), IAE,
                        "learning rate is NaN: expected a positive finite number"),
                refused("momentum of 1", () -> new Momentum(0.1, 1.0), IAE, "momentum is 1.0: expected a value in [0, 1)"),
                refused("Adam with β1 = 1", () -> new Adam(0.01, 1.0, 0.999, 1e-8), IAE, "is 1.0: expected a value in [0, 1)"),
                refused("Adam with ε = 0", () -> new Adam(0.01, 0.9, 0.999, 0), IAE,
                        "epsilon is 0.0: expected a positive finite number"));
    }

    static Stream<Case> gradientChecks() {
        return Stream.of(
                gradientCheckStep("a gradient-check step too small to move a parameter", 1e-30,
                        "is too small to change W1[0]"),
                gradientCheckStep("a gradient-check step so large that θ ± h overflows", Double.MAX_VALUE,
                        "is too large for W1[0]"),
                refused("a gradient-check step of 0", () -> GradientCheck.create().withStep(0), IAE,
                        "step is 0.0: expected a positive finite number"),
                refused("a negative floor", () -> GradientCheck.create().withFloor(-1), IAE,
                        "floor is -1.0: expected a finite number >= 0"),
                refused("sampling no element per tensor", () -> GradientCheck.create().sampling(0, 1), IAE,
                        "maxPerTensor is 0: expected at least 1"),
                onNetwork("probing an element past the end of a tensor", mlp -> GradientCheck.create().numericalGradient(
                        mlp.objective(X, Y), mlp.parameters().weights(0), 8), IAE,
                        "index is 8: expected 0 to 7 (the tensor has 8 values)"),
                refused("checking nothing", () -> GradientCheck.create().run(null), NPE,
                        "objective is null: expected a loss and its gradient"));
    }

    static Stream<Case> training() {
        DataSet circle = DataSets.circle(20, 1);
        return Stream.of(
                train("train without data", mlp -> { }, null, new Sgd(0.1), TrainingOptions.fullBatch(1), NPE,
                        "data is null: expected a DataSet"),
                train("train without an optimizer", mlp -> { }, circle, null, TrainingOptions.fullBatch(1), NPE,
                        "optimizer is null: expected e.g. new Sgd(0.1)"),
                train("train without options", mlp -> { }, circle, new Sgd(0.1), null, NPE,
                        "options is null: expected e.g. TrainingOptions.fullBatch(1000)"),
                train("train on data of 3 features", mlp -> { }, new DataSet("three", 3, new double[6], new double[2]),
                        new Sgd(0.1), TrainingOptions.fullBatch(1), IAE,
                        "data has 3 features but the network's input layer has 2"),
                train("train a network that already holds NaN", mlp -> mlp.parameters().weights(0)[5] = Double.NaN,
                        circle, new Sgd(0.1), TrainingOptions.fullBatch(3), IAE, "the network's parameter W1[5] is NaN"),
                train("a history that cannot fit in the heap", mlp -> { }, circle, new Sgd(0.1),
                        TrainingOptions.fullBatch(Require.MAX_ARRAY_LENGTH - 1), IAE,
                        "a history of 2,147,483,639 rows (epochs = 2147483638) needs 42.9 GB"),
                refused("a network of two outputs", () -> Trainer.train(Mlp.create(new int[] {2, 3, 2}, Activation.RELU,
                        Initialisation.HE, 1), circle, new Sgd(0.1), TrainingOptions.fullBatch(1)), IAE,
                        "the network has 2 outputs but the data has one label per row"),
                refused("-1 epochs", () -> TrainingOptions.fullBatch(-1), IAE, "epochs is -1: expected at least 0"),
                refused("Integer.MAX_VALUE epochs", () -> TrainingOptions.fullBatch(Integer.MAX_VALUE), IAE,
                        "epochs is 2147483647: expected at most 2,147,483,638"),
                refused("mini-batches of 0 rows", () -> TrainingOptions.miniBatch(10, 0, 1), IAE,
                        "batch size is 0: expected at least 1"),
                refused("the loss after an epoch that did not happen", () -> history().lossAt(5), IAE,
                        "epoch is 5: expected 0 to 2"));
    }

    static History history() {
        return Trainer.train(network(), DataSets.circle(10, 1), new Sgd(0.1), TrainingOptions.fullBatch(2));
    }

    static Stream<Case> data() {
        double[] x = {0, 1, 2, 3};
        double[] nanX = {0, Double.NaN};
        double[] badY = {-1};
        return Stream.of(
                refused("a circle of no points", () -> DataSets.circle(0, 1), IAE, "points is 0: expected at least 1"),
                refused("a circle of 500 million points", () -> DataSets.circle(500_000_000, 1), IAE,
                        "a data set of 500,000,000 points (x, y and the data set's own copy) needs 24.0 GB but this "
                                + "JVM's heap holds at most"),
                refused("spirals of one point each", () -> DataSets.spirals(1, 0.1, 1), IAE,
                        "pointsPerClass is 1: expected at least 2"),
                refused("spirals of Integer.MAX_VALUE points each", () -> DataSets.spirals(Integer.MAX_VALUE, 0.1, 1), IAE,
                        "x of a data set of 4,294,967,294 points with 2 features needs 8,589,934,588 values"),
                refused("XOR with negative noise", () -> DataSets.xor(8, -0.5, 1), IAE,
                        "noise is -0.5: expected a finite number >= 0"),
                onArrays("a data set with one label for two rows", () -> new DataSet("d", 2, x, new double[1]), IAE,
                        "y has 1 labels but x has 2 rows: expected one label per row", x),
                onArrays("a data set with a NaN input", () -> new DataSet("d", 2, nanX, new double[1]), IAE,
                        "x[1] is NaN: expected a finite number", nanX),
                onArrays("a data set with a label of -1", () -> new DataSet("d", 2, new double[2], badY), IAE,
                        "y[0] is -1.0: expected a value in [0, 1]", badY),
                refused("a data set without labels", () -> new DataSet("d", 2, new double[2], null), NPE,
                        "y is null: expected one label in [0, 1] per row"),
                refused("column 2 of two features", () -> DataSets.circle(5, 1).column(2), IAE,
                        "column is 2: expected 0 to 1"));
    }

    static Stream<Case> lossesAndActivations() {
        double[] z = {1, 2, 3};
        double[] a = new double[2];
        double[] y = {1, 0};
        double[] p = {0.5, 0.5, 0.5};
        return Stream.of(
                refused("a label of 1.5", () -> BinaryCrossEntropy.loss(1.5, 0.5), IAE,
                        "y is 1.5: expected a value in [0, 1]"),
                refused("a prediction of NaN", () -> BinaryCrossEntropy.loss(1, Double.NaN), IAE,
                        "p is NaN: expected a value in [0, 1]"),
                onArrays("labels and predictions of different lengths", () -> BinaryCrossEntropy.loss(y, p), IAE,
                        "y has 2 values but p has 3: expected the same number", y, p),
                refused("an empty batch", () -> BinaryCrossEntropy.loss(new double[0], new double[0]), IAE,
                        "y is empty: expected at least one value"),
                refused("a NaN logit", () -> BinaryCrossEntropy.lossFromLogits(new double[] {1}, new double[] {Double.NaN}),
                        IAE, "z[0] is NaN: expected a finite number"),
                onArrays("an activation written into a shorter array", () -> Activation.RELU.apply(z, a), IAE,
                        "z has length 3 but a has length 2: expected the same length", z, a),
                refused("an activation of nothing", () -> Activation.SIGMOID.applied(null), NPE,
                        "z is null: expected an array of pre-activations"));
    }

    static Stream<Case> lessonNetworksAndTiming() {
        double[] w1 = new double[5];
        return Stream.of(
                refused("a scalar network with a NaN weight", () -> new ScalarNetwork(Double.NaN, 0, 1, 0), IAE,
                        "w1 is NaN: expected a finite number"),
                refused("a scalar network run on an infinite input", () -> new ScalarNetwork(1, 0, 1, 0)
                        .forward(Double.POSITIVE_INFINITY, 1), IAE, "x is Infinity: expected a finite number"),
                refused("lesson A's layout from three layers", () -> ColumnLayoutNetwork.fromRowLayout(
                        Parameters.zeros(2, 3, 3, 1), Activation.SIGMOID), IAE, "parameters have 3 layers: expected 2"),
                onArrays("lesson A's network with a W1 of the wrong length", () -> new ColumnLayoutNetwork(2, 3, 1,
                        Activation.SIGMOID, w1, new double[3], new double[3], new double[1]), IAE,
                        "w1 has 5 values: expected 6 (hiddenUnits × inputs)", w1),
                refused("transposing a matrix of the wrong size", () -> RowMajor.transpose(new double[5], 2, 3),
                        IAE, "a has 5 values but 2 × 3 = 6 were expected"),
                refused("a negative warm-up", () -> new Benchmark(-1, 1, 1), IAE, "warmupCalls is -1: expected at least 0"),
                refused("Integer.MAX_VALUE repetitions", () -> new Benchmark(0, Integer.MAX_VALUE, 1), IAE,
                        "the times of 2147483647 repetitions needs 2,147,483,647 values"),
                refused("timing nothing", () -> new Benchmark(0, 1, 1).time("nothing", null), NPE,
                        "work is null: expected the work to time"),
                refused("a measurement without timings", () -> new Measurement("m", new long[0]), IAE,
                        "nanos is empty: expected at least one timing"));
    }

    static Stream<Case> cases() {
        return Stream.of(networks(), parameters(), optimizers(), gradientChecks(), training(), data(),
                lossesAndActivations(), lessonNetworksAndTiming()).flatMap(s -> s);
    }

    @Test
    @DisplayName("the table holds at least 60 cases, none of them named twice")
    void enoughCases() {
        List<String> names = cases().map(Case::name).toList();
        assertAll(
                () -> assertTrue(names.size() >= 60, "cases: " + names.size()),
                () -> assertEquals(names.size(), names.stream().collect(Collectors.toSet()).size(),
                        "a name appears twice: " + names));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("each case")
    void rejected(Case c) {
        Throwable e = assertThrows(c.type(), c.call());
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(c.type(), e.getClass(), "exactly this type, not a subclass"));
        checks.add(() -> assertTrue(e.getMessage() != null && e.getMessage().contains(c.fragment()),
                "message: " + e.getMessage()));
        checks.add(() -> assertTrue(c.unchanged().get(), "the state changed"));
        assertAll(checks);
    }
}
