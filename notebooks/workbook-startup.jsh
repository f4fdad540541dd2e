// Run by the backprop-java kernel before the first cell of every notebook
// (JJAVA_STARTUP_SCRIPTS_PATH in its kernelspec, written by ./workbook).
// Imports only: the lessons' own setup cells do the rest.
// Import only packages that already have classes: an import of a package that
// does not exist breaks JShell's start-up.
import java.util.*;
import tech.tablesaw.api.*;
import backprop.*;
