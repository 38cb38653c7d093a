/* global module, process */
/**
 * Prints one plain closing line, "Tests: N passed, N failed[, N skipped]", after Jest's own
 * summary, so any CI that reads closing lines sees the counts in a common form.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : "";
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`;
    // Jest prints its own summary after the custom reporters; print ours last, at exit.
    process.once("exit", () => process.stdout.write(line));
  }
}
module.exports = SummaryReporter;
