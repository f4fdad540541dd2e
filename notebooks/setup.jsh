// The shared setup of every lesson, loaded by its first cell with %load setup.jsh.
// The kernel's start-up script has already imported java.util.*, tech.tablesaw.api.* and backprop.*.
import backprop.check.*;
import backprop.data.*;
import backprop.plot.*;
import backprop.timing.*;
import backprop.timing.Timer; // java.util has a Timer too
import backprop.train.*;
// Grading the exercises from a cell, and running a learner's own compiled exercise (the grader's
// other classes stay out of the way: backprop.plot has a Check of its own).
import workbook.grading.Grade;
import workbook.grading.LearnerCode;

// WORKBOOK_FAST=1 (set by ./workbook test) shrinks the long runs so every notebook executes in seconds.
boolean FAST = "1".equals(System.getenv("WORKBOOK_FAST"));

// The run size of a knob: the full value when you study, the fast one under ./workbook test.
int runSize(int full, int fast) {
    return FAST ? fast : full;
}

// Every random draw in the lessons starts from this seed, as lesson B's np.random.seed(42) does.
long SEED = 42;

System.out.println("Run size: " + (FAST ? "fast (WORKBOOK_FAST=1)" : "full") + "; seed " + SEED
        + "; Java " + Runtime.version().feature());
