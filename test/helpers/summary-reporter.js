/* global module, process */
/**
 * After Jest's own summary: every skipped test with the reason in its title (see
 * test/helpers/requirements.ts), then one plain closing line, "Tests: N passed, N failed[, N
 * skipped]", so any CI that reads closing lines sees the counts in a common form.
 */
class SummaryReporter {
  /** options.notRun: a line on test files the run left out on purpose (jest.config.js). */
  constructor(_globalConfig, options = {}) {
    this.notRun = options.notRun;
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const lines = [];
    const titles = results.testResults.flatMap((file) =>
      (file.testResults ?? [])
        .filter((a) => a.status === "pending" || a.status === "todo")
        .map((a) => a.fullName)
    );
    if (titles.length > 0) {
      lines.push(`Sprunget over (${titles.length}):`);
      for (const t of titles) lines.push(`  - ${t}`);
    }
    if (this.notRun) lines.push(this.notRun);
    const tail = skipped > 0 ? `, ${skipped} skipped` : "";
    lines.push(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}`);
    // Jest prints its own summary after the custom reporters; print ours last, at exit.
    process.once("exit", () => process.stdout.write(`${lines.join("\n")}\n`));
  }
}
module.exports = SummaryReporter;
