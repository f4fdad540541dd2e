// The shared setup of every lesson, loaded by its first cell with %load setup.jsh.
// The kernel's start-up script has already imported java.util.*, tech.tablesaw.api.* and backprop.*.
import backprop.check.*;
import backprop.data.*;
import backprop.timing.*;
import backprop.train.*;
// The machinery beside the lessons: figures and their display (Plots, NotebookDisplay, Scale), grading
// the exercises from a cell, and running a learner's own compiled exercise.
import workbook.display.*;
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
