package backprop.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Objective;
import backprop.Parameters;
import backprop.check.PlantedBug;
import backprop.data.DataSet;
import backprop.data.DataSets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.Table;

@DisplayName("Training")
class TrainerTest {

    static Mlp circleNetwork() {
        return Mlp.create(new int[] {2, 16, 8, 1}, Activation.RELU, Initialisation.HE, 42);
    }

    @Nested
    @DisplayName("with lesson B's own set-ups")
    class LessonB {

        @Test
        @Timeout(60)
        @DisplayName("reaches at least 99% on the circle (2-16-8-1, 1000 epochs, full-batch SGD, lr 0.1)")
        void circle() {
            History h = Trainer.train(circleNetwork(), DataSets.circle(500, 42), new Sgd(0.1),
                    TrainingOptions.fullBatch(1000));
            assertTrue(h.finalAccuracy() >= 0.99, h.toString());
            assertTrue(h.finalLoss() < 0.1, h.toString());
        }

        @Test
        @Timeout(120)
        @DisplayName("reaches at least 99% on the spirals (2-64-32-16-1, 3000 epochs, full-batch SGD, lr 0.05)")
        void spirals() {
            Mlp mlp = Mlp.create(new int[] {2, 64, 32, 16, 1}, Activation.RELU, Initialisation.HE, 42);
            History h = Trainer.train(mlp, DataSets.spirals(300, 0.15, 42), new Sgd(0.05),
                    TrainingOptions.fullBatch(3000));
            assertTrue(h.finalAccuracy() >= 0.99, h.toString());
        }

        @Test
        @Timeout(60)
        @DisplayName("stalls on the circle when the bias gradient is averaged twice, as the lesson's code does")
        void biasBugStalls() {
            Mlp mlp = circleNetwork();
            DataSet data = DataSets.circle(500, 42);
            Objective buggy = PlantedBug.BIAS_AVERAGED_TWICE.objective(mlp, data.x(), data.y());
            Parameters g = mlp.parameters().zerosLike();
            Sgd sgd = new Sgd(0.1);
            for (int e = 0; e < 1000; e++) {
                buggy.lossAndGradient(g);
                sgd.step(mlp.parameters(), g);
            }
            double buggyAccuracy = Trainer.accuracy(mlp, data);
            assertTrue(buggyAccuracy < 0.97, "with the bug: " + buggyAccuracy);
        }
    }

    @Nested
    @DisplayName("history")
    class Histories {

        @Test
        @DisplayName("has a row per epoch plus the untrained state, measured after each epoch's update")
        void rows() {
            Mlp mlp = circleNetwork();
            DataSet data = DataSets.circle(100, 1);
            double initial = mlp.loss(data.x(), data.y());
            History h = Trainer.train(mlp, data, new Sgd(0.1), TrainingOptions.fullBatch(20));
            Table t = h.asTable();
            assertAll(
                    () -> assertEquals(21, t.rowCount()),
                    () -> assertEquals(List.of("epoch", "loss", "accuracy"), t.columnNames()),
                    () -> assertEquals(initial, h.lossAt(0), 0.0, "row 0 is the untrained network"),
                    () -> assertEquals(mlp.loss(data.x(), data.y()), h.finalLoss(), 0.0,
                            "the last row is the returned model"),
                    () -> assertEquals(Trainer.accuracy(mlp, data), h.finalAccuracy(), 0.0));
        }

        @Test
        @DisplayName("is the same bit for bit when the same seeds train again, full-batch and mini-batch")
        void reproducible() {
            for (TrainingOptions options : List.of(TrainingOptions.fullBatch(50),
                    TrainingOptions.miniBatch(10, 32, 7))) {
                History a = Trainer.train(circleNetwork(), DataSets.circle(200, 3), new Adam(0.01), options);
                History b = Trainer.train(circleNetwork(), DataSets.circle(200, 3), new Adam(0.01), options);
                assertTrue(a.sameAs(b), options.toString());
            }
        }

        @Test
        @DisplayName("tells the listener after every epoch, with the values it records")
        void listener() {
            List<double[]> seen = new ArrayList<>();
            History h = Trainer.train(circleNetwork(), DataSets.circle(50, 1), new Sgd(0.1),
                    TrainingOptions.miniBatch(5, 16, 1), (e, l, a) -> seen.add(new double[] {e, l, a}));
            assertEquals(6, seen.size());
            for (int e = 0; e < 6; e++) {
                assertEquals(e, seen.get(e)[0]);
                assertEquals(h.lossAt(e), seen.get(e)[1], 0.0);
            }
        }
    }

    @Nested
    @DisplayName("optimizers")
    class Optimizers {

        @Test
        @Timeout(60)
        @DisplayName("SGD, momentum and Adam in mini-batches all learn the circle")
        void allLearn() {
            DataSet data = DataSets.circle(500, 42);
            for (Optimizer opt : List.of(new Sgd(0.1), new Momentum(0.05), new Adam(0.01))) {
                History h = Trainer.train(circleNetwork(), data, opt, TrainingOptions.miniBatch(100, 32, 1));
                assertTrue(h.finalAccuracy() > 0.95, h.toString());
                assertTrue(h.finalLoss() < h.lossAt(0) / 3, h.toString());
            }
        }

        @Test
        @DisplayName("momentum with μ = 0 is plain SGD, bit for bit")
        void momentumZero() {
            DataSet data = DataSets.circle(100, 2);
            History sgd = Trainer.train(circleNetwork(), data, new Sgd(0.1), TrainingOptions.fullBatch(30));
            History m0 = Trainer.train(circleNetwork(), data, new Momentum(0.1, 0.0), TrainingOptions.fullBatch(30));
            assertTrue(Math.abs(sgd.finalLoss() - m0.finalLoss()) < 1e-15);
        }

        @Test
        @DisplayName("Adam's first step moves every parameter with a non-zero gradient by about η")
        void adamFirstStep() {
            Parameters theta = Parameters.of(new int[] {1, 1}, new double[][] {{1.0}}, new double[][] {{2.0}});
            Parameters g = Parameters.of(new int[] {1, 1}, new double[][] {{0.003}}, new double[][] {{-50}});
            new Adam(0.01).step(theta, g);
            assertEquals(1.0 - 0.01, theta.weights(0)[0], 1e-7, "ε shrinks the step of a small gradient a little");
            assertEquals(2.0 + 0.01, theta.biases(0)[0], 1e-9);
        }
    }

    @Nested
    @DisplayName("diverging")
    class Diverging {

        @Test
        @DisplayName("stops with a message naming the epoch and suggesting a smaller learning rate")
        void diverges() {
            Mlp mlp = Mlp.create(new int[] {2, 64, 64, 1}, Activation.RELU, Initialisation.HE, 1);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> Trainer.train(mlp, DataSets.spirals(100, 0.1, 1), new Sgd(1e6), TrainingOptions.fullBatch(50)));
            assertTrue(e.getMessage().matches(
                    "training diverged: the loss became (NaN|Infinity) in epoch \\d+ with SGD\\(η=1000000.0\\); "
                            + "try a smaller learning rate, e.g. 1e\\+05. The network holds the parameters after "
                            + "epoch \\d+, the last finite ones"), e.getMessage());
            assertTrue(e.epoch() >= 1);
            assertEquals(e.epoch(), e.history().size());
            Mlp reference = Mlp.create(new int[] {2, 64, 64, 1}, Activation.RELU, Initialisation.HE, 1);
            Trainer.train(reference, DataSets.spirals(100, 0.1, 1), new Sgd(1e6), TrainingOptions.fullBatch(e.epoch() - 1));
            assertTrue(reference.parameters().sameValues(mlp.parameters()),
                    "rolled back to the parameters after epoch " + (e.epoch() - 1));
        }

        @Test
        @DisplayName("stops when a parameter becomes infinite while the loss is still finite, and rolls it back")
        void parameterBecomesInfinite() {
            Mlp mlp = circleNetwork();
            DataSet circle = DataSets.circle(100, 42);
            Sgd sgd = new Sgd(0.1);
            int[] steps = {0};
            Optimizer poisoning = new Optimizer() {
                @Override
                public void step(Parameters theta, Parameters gradient) {
                    sgd.step(theta, gradient);
                    if (++steps[0] == 4) {
                        // a dead unit's outgoing weight: the loss does not see it, the network is broken
                        theta.weights(1)[0] = Double.POSITIVE_INFINITY;
                    }
                }

                @Override
                public double learningRate() {
                    return 0.1;
                }

                @Override
                public void reset() {
                    sgd.reset();
                }

                @Override
                public String describe() {
                    return "SGD(η=0.1)";
                }
            };
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> Trainer.train(mlp, circle, poisoning, TrainingOptions.fullBatch(10)));
            Mlp reference = circleNetwork();
            Trainer.train(reference, circle, new Sgd(0.1), TrainingOptions.fullBatch(3));
            assertAll(
                    () -> assertEquals("training diverged: the parameter W2[0] is Infinity while the loss was still "
                            + "finite in epoch 4 with SGD(η=0.1); try a smaller learning rate, e.g. 0.01. The network "
                            + "holds the parameters after epoch 3, the last finite ones", e.getMessage()),
                    () -> assertEquals(4, e.history().size()),
                    () -> assertTrue(reference.parameters().sameValues(mlp.parameters()),
                            "rolled back to the parameters after epoch 3"));
        }
    }

    @Nested
    @DisplayName("rejects bad input, naming it, and leaves the model unchanged")
    class BadInput {

        private final Mlp mlp = circleNetwork();
        private final Parameters before = mlp.parameters().copy();

        private void rejects(String message, Executable call) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertEquals(message, e.getMessage());
            assertTrue(before.sameValues(mlp.parameters()), "parameters changed");
        }

        @Test
        @DisplayName("a learning rate of zero")
        void zeroRate() {
            rejects("learning rate is 0.0: expected a positive finite number", () -> new Sgd(0));
        }

        @Test
        @DisplayName("a negative learning rate")
        void negativeRate() {
            rejects("learning rate is -0.1: expected a positive finite number", () -> new Adam(-0.1));
        }

        @Test
        @DisplayName("a NaN learning rate")
        void nanRate() {
            rejects("learning rate is NaN: expected a positive finite number", () -> new Momentum(Double.NaN));
        }

        @Test
        @DisplayName("negative epochs")
        void negativeEpochs() {
            rejects("epochs is -1: expected at least 0", () -> TrainingOptions.fullBatch(-1));
        }

        @Test
        @DisplayName("a negative batch size")
        void negativeBatch() {
            rejects("batch size is -4: expected at least 1", () -> TrainingOptions.miniBatch(3, -4, 1));
        }

        @Test
        @DisplayName("data with another number of features than the input layer")
        void features() {
            DataSet three = new DataSet("3 features", 3, new double[6], new double[2]);
            rejects("data has 3 features but the network's input layer has 2: expected the same number",
                    () -> Trainer.train(mlp, three, new Sgd(0.1), TrainingOptions.fullBatch(5)));
        }

        @Test
        @DisplayName("a network with more than one output")
        void outputs() {
            Mlp two = Mlp.create(new int[] {2, 3, 2}, Activation.RELU, Initialisation.HE, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Trainer.train(two, DataSets.circle(10, 1), new Sgd(0.1), TrainingOptions.fullBatch(1)));
            assertEquals("the network has 2 outputs but the data has one label per row: expected a network with one "
                    + "output", e.getMessage());
        }

        @Test
        @DisplayName("measuring accuracy with a network that does not fit the data")
        void accuracyOfMisfit() {
            DataSet three = new DataSet("3 features", 3, new double[6], new double[2]);
            rejects("data has 3 features but the network's input layer has 2: expected the same number",
                    () -> Trainer.accuracy(mlp, three));
        }

        @Test
        @DisplayName("zero epochs is allowed and changes nothing")
        void zeroEpochs() {
            History h = Trainer.train(mlp, DataSets.circle(10, 1), new Sgd(0.1), TrainingOptions.fullBatch(0));
            assertEquals(1, h.size());
            assertTrue(before.sameValues(mlp.parameters()));
            assertFalse(h.finalLoss() <= 0);
        }
    }
}
