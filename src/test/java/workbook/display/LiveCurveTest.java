package workbook.display;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.data.DataSets;
import backprop.train.History;
import backprop.train.Sgd;
import backprop.train.Trainer;
import backprop.train.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

@DisplayName("A live learning curve: one call shows it, training redraws it")
class LiveCurveTest {

    /** Records what would have been shown, in order. */
    static final class FakeScreen implements LiveCurve.Screen {
        final List<String> titles = new ArrayList<>();
        final List<String> ids = new ArrayList<>();

        @Override
        public String show(Figure figure) {
            titles.add(title(figure));
            ids.add("shown");
            return "live-1";
        }

        @Override
        public void update(String id, Figure figure) {
            titles.add(title(figure));
            ids.add(id);
        }

        static String title(Figure figure) {
            String js = figure.asJavascript("d");
            int i = js.indexOf("title");
            return js.substring(i, Math.min(js.length(), i + 120));
        }
    }

    @Test
    @DisplayName("drawn once at the start, then at every 10th epoch and the last, with the run's progress as title")
    void redraws() {
        FakeScreen screen = new FakeScreen();
        LiveCurve curve = new LiveCurve("circle", 25, 10, screen);
        Mlp mlp = Mlp.create(new int[] {2, 4, 1}, Activation.RELU, Initialisation.HE, 1);
        History history = Trainer.train(mlp, DataSets.circle(50, 1), new Sgd(0.1), TrainingOptions.fullBatch(25), curve);
        assertAll(
                () -> assertEquals(List.of("shown", "live-1", "live-1", "live-1", "live-1"), screen.ids,
                        "start, epochs 0, 10, 20 and 25"),
                () -> assertTrue(screen.titles.get(0).contains("circle: starting"), screen.titles.get(0)),
                () -> assertTrue(screen.titles.get(4).contains(String.format(java.util.Locale.ROOT,
                        "circle: epoch 25/25, loss %.4f", history.finalLoss())), screen.titles.get(4)),
                () -> assertArrayEquals(history.losses(), curve.table().doubleColumn("loss").asDoubleArray()),
                () -> assertArrayEquals(history.accuracies(), curve.table().doubleColumn("accuracy").asDoubleArray()),
                () -> assertTrue(curve.drawingSeconds() > 0));
    }

    @Test
    @DisplayName("bad arguments are refused by name, and an epoch beyond the run too")
    void badInput() {
        FakeScreen screen = new FakeScreen();
        LiveCurve curve = new LiveCurve("x", 5, 1, screen);
        assertAll(
                () -> assertEquals("name is null: expected what is trained, e.g. \"spirals\"", assertThrows(
                        NullPointerException.class, () -> new LiveCurve(null, 5, 1, screen)).getMessage()),
                () -> assertEquals("every is 0: expected at least 1", assertThrows(
                        IllegalArgumentException.class, () -> new LiveCurve("x", 5, 0, screen)).getMessage()),
                () -> assertEquals("epoch is 6: expected 0 to 5 (the live curve was shown for 5 epochs)", assertThrows(
                        IllegalArgumentException.class, () -> curve.onEpoch(6, 0.5, 0.5)).getMessage()));
    }
}
