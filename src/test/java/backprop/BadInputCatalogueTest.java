package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.check.GradientCheck;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.train.Adam;
import backprop.train.Momentum;
import backprop.train.Optimizer;
import backprop.train.Sgd;
import backprop.train.Trainer;
import backprop.train.TrainingOptions;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input stopped at the boundary, as one table: each case gives the call, the exception it
 * must raise, a fragment its message must contain, and the state that must be as it was.
 */
@DisplayName("Bad input is stopped at the boundary, named, and changes nothing")
class BadInputCatalogueTest {

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

    static Parameters gradientWith(Mlp mlp, int tensor, int index, double value) {
        Parameters g = mlp.parameters().zerosLike();
        g.tensor(tensor)[index] = value;
        return g;
    }

    static Case optimizerGradient(String name, Optimizer optimizer, double bad, String fragment) {
        Mlp mlp = network();
        Parameters before = mlp.parameters().copy();
        return new Case(name, () -> optimizer.step(mlp.parameters(), gradientWith(mlp, 2, 3, bad)),
                IllegalArgumentException.class, fragment, () -> before.sameValues(mlp.parameters()));
    }

    static Case optimizerReused(String name, Optimizer optimizer) {
        Mlp first = network();
        optimizer.step(first.parameters(), first.parameters().zerosLike());
        Mlp other = Mlp.create(new int[] {2, 3, 1}, Activation.RELU, Initialisation.HE, 1);
        Parameters before = other.parameters().copy();
        return new Case(name, () -> optimizer.step(other.parameters(), other.parameters().zerosLike()),
                IllegalArgumentException.class, "keeps state for parameters of sizes [2, 4, 1] from its earlier "
                        + "steps, but these have sizes [2, 3, 1]: call reset()",
                () -> before.sameValues(other.parameters()));
    }

    static Case gradientCheckStep(String name, double step, String fragment) {
        Mlp mlp = network();
        DataSet data = DataSets.circle(20, 1);
        Parameters before = mlp.parameters().copy();
        return new Case(name, () -> GradientCheck.create().withStep(step).run(mlp.objective(data.x(), data.y())),
                IllegalArgumentException.class, fragment, () -> before.sameValues(mlp.parameters()));
    }

    static Case train(String name, boolean nullData, Optimizer optimizer, TrainingOptions options, String fragment) {
        Mlp mlp = network();
        Parameters before = mlp.parameters().copy();
        DataSet data = nullData ? null : DataSets.circle(20, 1);
        return new Case(name, () -> Trainer.train(mlp, data, optimizer, options), IllegalArgumentException.class,
                fragment, () -> before.sameValues(mlp.parameters()));
    }

    static Stream<Case> cases() {
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
                gradientCheckStep("a gradient-check step too small to move a parameter", 1e-30,
                        "is too small to change W1[0]"),
                gradientCheckStep("a gradient-check step so large that θ ± h overflows", Double.MAX_VALUE,
                        "is too large for W1[0]"),
                train("train without data", true, new Sgd(0.1), TrainingOptions.fullBatch(1),
                        "data is null: expected a DataSet"),
                train("train without an optimizer", false, null, TrainingOptions.fullBatch(1),
                        "optimizer is null: expected e.g. new Sgd(0.1)"),
                train("train without options", false, new Sgd(0.1), null,
                        "options is null: expected e.g. TrainingOptions.fullBatch(1000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("each case")
    void rejected(Case c) {
        Throwable e = assertThrows(c.type(), c.call());
        assertAll(
                () -> assertTrue(e.getMessage() != null && e.getMessage().contains(c.fragment()),
                        "message: " + e.getMessage()),
                () -> assertTrue(c.unchanged().get(), "the state changed"));
    }
}
