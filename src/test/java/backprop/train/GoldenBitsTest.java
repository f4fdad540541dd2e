package backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.data.DataSet;
import backprop.data.DataSets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Same seed, same bits, on every JDK: a short training run per hidden activation and per optimizer
 * ends in pinned bit patterns. A change of JDK (the workbook's tests also run on a second JDK when
 * one is installed) or of code that alters a single bit of a parameter or of the history fails
 * here. If a change is meant to alter the numbers, update the pins and say why in the commit.
 */
@DisplayName("Golden bits: the same seed gives the same bits on every JDK")
class GoldenBitsTest {

    @ParameterizedTest(name = "{0} hidden, {1}")
    @CsvSource({
            "SIGMOID, sgd,      6b01398c93288265",
            "SIGMOID, momentum, 007634d6d83a5b51",
            "SIGMOID, adam,     c5f90020c90dec0e",
            "RELU,    sgd,      83c5da623f33cd06",
            "RELU,    momentum, e94aec47915d2cfa",
            "RELU,    adam,     a2af226ffaf6abdd",
            "TANH,    sgd,      0b36ab9f82316ca7",
            "TANH,    momentum, cf8348bda7691c93",
            "TANH,    adam,     cb88d8718f5bcc00"})
    @DisplayName("a 2-8-4-1 network on the circle ends in the pinned bits")
    void pinned(Activation hidden, String optimizer, String expected) {
        DataSet circle = DataSets.circle(120, 42);
        Mlp mlp = Mlp.create(new int[] {2, 8, 4, 1}, hidden, Initialisation.XAVIER, 7);
        Optimizer o = switch (optimizer) {
            case "sgd" -> new Sgd(0.5);
            case "momentum" -> new Momentum(0.1);
            default -> new Adam(0.01);
        };
        TrainingOptions options = optimizer.equals("momentum") ? TrainingOptions.miniBatch(20, 16, 3)
                : TrainingOptions.fullBatch(60);
        History history = Trainer.train(mlp, circle, o, options);
        assertEquals(expected, String.format("%016x", hash(mlp.parameters(), history)),
                "the bits of the parameters or the history changed on Java " + Runtime.version());
    }

    /** A 31-polynomial over the raw bits of every parameter, then of every loss in the history. */
    static long hash(Parameters p, History h) {
        long hash = 1;
        for (int k = 0; k < p.tensorCount(); k++) {
            for (double v : p.tensor(k)) {
                hash = 31 * hash + Double.doubleToLongBits(v);
            }
        }
        for (double loss : h.losses()) {
            hash = 31 * hash + Double.doubleToLongBits(loss);
        }
        return hash;
    }
}
