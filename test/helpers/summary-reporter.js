/* global module, process */
/**
 * After Jest's own summary: every skipped test with why (the reason its title carries, see
 * test/helpers/skip.ts, in Danish), then one plain closing line, "Tests: N passed, N failed[,
 * N skipped]", so any CI that reads closing lines sees the counts in a common form.
 */
const MARK = "sprunget over:";

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const lines = [];
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        if (t.status !== "pending" && t.status !== "todo") continue;
        const title = [...t.ancestorTitles, t.title].join(" › ");
        const rel = file.testFilePath.replace(`${process.cwd()}/`, "");
        lines.push(`  ${rel}: ${title}${title.includes(MARK) ? "" : " (sprunget over: ingen grund angivet)"}`);
      }
    }
    const tail = skipped > 0 ? `, ${skipped} skipped` : "";
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`;
    // Jest prints its own summary after the custom reporters; print ours last, at exit.
    process.once("exit", () => {
      if (lines.length > 0)
        process.stdout.write(`Sprunget over (${lines.length}):\n${lines.join("\n")}\n`);
      process.stdout.write(line);
    });
  }
}
module.exports = SummaryReporter;
