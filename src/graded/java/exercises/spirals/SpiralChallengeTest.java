package exercises.spirals;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.train.Trainer;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Show;

@DisplayName("Task 2 · the spiral challenge: 99% within the epoch budget")
@Tag("task:2")
class SpiralChallengeTest {

    /** The graded budget, in passes over the data (the stub's EPOCH_BUDGET says the same). */
    static final int BUDGET_EPOCHS = 500;

    static final String BUDGET_CHANGED = "Budget is given code and must count every row: undo your changes to "
            + "Budget.java";

    @ParameterizedTest(name = "data seed {0}, network seed {1}")
    @CsvSource({"42, 1042", "1, 1001", "2, 1002"})
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("reaches at least 99% training accuracy on lesson B's spirals within 500 epochs")
    void reaches99(long dataSeed, long networkSeed) {
        DataSet data = DataSets.spirals(300, 0.15, dataSeed);
        String inputs = "Budget(DataSets.spirals(300, 0.15, " + dataSeed + "), " + BUDGET_EPOCHS
                + " epochs), SpiralChallenge.train(budget, seed = " + networkSeed + ")";
        Budget budget = new Budget(data, BUDGET_EPOCHS);
        Mlp mlp;
        try {
            mlp = SpiralChallenge.train(budget, networkSeed);
        } catch (IllegalStateException e) {
            Check.that(!budget.exceeded(), "you went over the budget: " + e.getMessage()
                    + "; stop asking for gradients when budget.usedRows() reaches budget.allowedRows()", inputs);
            throw e;
        }
        budgetStillCounts(data, inputs);
        Check.that(!budget.exceeded(), "you asked for more than the budget allows (and caught the refusal): "
                + "training must stay within " + BUDGET_EPOCHS + " epochs = " + budget.allowedRows() + " rows",
                inputs);
        Check.that(mlp != null, "train returned null: expected the trained network", inputs);
        Check.that(budget.usedRows() > 0, "the budget counted no rows: every loss and gradient must come from "
                + "budget.lossAndGradient", inputs);
        Check.that(budget.usedRows() <= budget.allowedRows(), "you used " + budget.usedRows() + " rows: expected "
                + "at most " + budget.allowedRows() + "; " + BUDGET_CHANGED, inputs);
        Check.that(mlp.inputSize() == 2 && mlp.outputSize() == 1, "your network is " + Show.sizes(mlp.sizes())
                + ": expected 2 inputs and 1 output", inputs);
        double accuracy = Trainer.accuracy(mlp, data);
        double loss = mlp.loss(data.x(), data.y());
        Check.that(accuracy >= 0.99, String.format(Locale.ROOT, "your network gets %.2f%% of the training points "
                + "right (loss %.4f) after %.1f epochs of the budget: expected at least 99%%", 100 * accuracy, loss,
                budget.epochsUsed()), inputs);
    }

    /** Budget is in the learner's tree: check once that it still gives the true gradient and counts. */
    static void budgetStillCounts(DataSet data, String inputs) {
        Mlp probe = Mlp.create(new int[] {2, 3, 1}, Activation.TANH, Initialisation.XAVIER, 5);
        Budget one = new Budget(data, 1);
        Parameters gradient = probe.parameters().zerosLike();
        Workspace ws = probe.newWorkspace(data.rows());
        double loss = one.lossAndGradient(probe, ws, gradient);
        Parameters expected = probe.gradient(data.x(), data.y());
        Check.close("loss from Budget.lossAndGradient (" + BUDGET_CHANGED + ")", probe.loss(data.x(), data.y()),
                loss, inputs);
        for (int k = 0; k < expected.tensorCount(); k++) {
            Check.closeArrays(expected.tensorName(k) + " from Budget.lossAndGradient (" + BUDGET_CHANGED + ")",
                    expected.tensor(k), gradient.tensor(k), inputs);
        }
        Check.that(one.usedRows() == data.rows(), "one full pass counted " + one.usedRows() + " rows: expected "
                + data.rows() + "; " + BUDGET_CHANGED, inputs);
        boolean refused = false;
        try {
            one.lossAndGradient(probe, ws, gradient);
        } catch (IllegalStateException e) {
            refused = true;
        }
        Check.that(refused && one.exceeded(), "a budget of 1 epoch allowed a second full pass; " + BUDGET_CHANGED,
                inputs);
    }
}
