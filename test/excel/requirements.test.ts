/**
 * The requirement-set table (src/excel/requirements.ts) against the code: every API member it
 * lists is used in src/, the minimum is the highest set needed unconditionally, and optional
 * features are reported (in Danish) where the host lacks them.
 */
import * as fs from "fs";
import * as path from "path";
import {
  API_USES,
  compareVersions,
  missingOptional,
  missingRequired,
  requiredSets,
} from "../../src/excel/requirements";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !p.endsWith("requirements.ts") ? [fs.readFileSync(p, "utf8")] : [];
  });
}

const SRC = sources(path.join(__dirname, "../../src"));

/** Where each member of the table shows in src/ (the table's evidence). */
const EVIDENCE: Record<string, RegExp> = {
  "Range.values / formulas / numberFormat": /\.formulas\s*=/,
  "Range.select": /\.select\(\)/,
  "WorksheetCollection.add": /worksheets\.add\(/,
  "ChartCollection.add": /charts\.add\(/,
  "TableCollection.add": /tables\.add\(/,
  "Range.merge": /\.merge\(false\)/,
  "RangeFormat.columnWidth": /\.columnWidth\s*=/,
  "WorksheetProtection.protect": /protection\.protect\(/,
  "NamedItemCollection.add": /definedNames\.add\(/,
  "Worksheet.getUsedRangeOrNullObject": /getUsedRangeOrNullObject\(/,
  "Table.worksheet": /items\/worksheet\/name/,
  "ConditionalFormatCollection.add": /conditionalFormats\.add\(/,
  "Application.suspendApiCalculationUntilNextSync": /suspendApiCalculationUntilNextSync\(/,
  "Worksheet.freezePanes": /freezePanes\.freezeRows\(/,
  "Worksheet.tabColor": /\.tabColor\s*=/,
  "ChartSeriesCollection.add": /series\.add\(/,
  "Workbook.protection": /workbook\.protection/,
  "WorksheetCollection.onSelectionChanged": /onSelectionChanged\.add\(/,
  "Range.dataValidation": /\.dataValidation/,
  "ChartSeries.gapWidth": /\.gapWidth\s*=/,
  "ChartSeries.overlap": /\.overlap\s*=/,
  "Worksheet.getRanges (RangeAreas)": /\.getRanges\(/,
  "RangeFormat.indentLevel": /\.indentLevel\s*=/,
  "Worksheet.pageLayout": /\.pageLayout\b/,
  "Worksheet.visibility": /\.visibility\s*=/,
  "Range.rowHidden": /\.rowHidden\s*=/,
  "Worksheet.showGridlines": /\.showGridlines\s*=/,
  "Worksheet.horizontalPageBreaks": /horizontalPageBreaks\.add\(/,
  "PageLayout.headersFooters": /headersFooters\.defaultForAllPages/,
  "WorksheetCollection.onChanged": /worksheets\.onChanged\.add\(/,
  "RunOptions.delayForCellEdit": /delayForCellEdit:/,
  "RunOptions.mergeUndoGroup": /mergeUndoGroup:/,
  "Office.addin.showAsTaskpane": /addin\.showAsTaskpane\(/,
  "Office.actions.associate": /actions\.associate\(/,
};

describe("requirement sets", () => {
  test.each(API_USES.map((u) => [u.member]))("%s is really used in src/", (member) => {
    expect(EVIDENCE[member]).toBeDefined();
    expect(SRC.some((text) => EVIDENCE[member].test(text))).toBe(true);
  });

  test("every piece of evidence belongs to a member of the table", () => {
    expect(Object.keys(EVIDENCE).sort()).toEqual(API_USES.map((u) => u.member).sort());
  });

  test("the minimum is ExcelApi 1.9 and SharedRuntime 1.1; 1.11 and 1.20 are optional", () => {
    expect(Object.fromEntries(requiredSets())).toEqual({ ExcelApi: "1.9", SharedRuntime: "1.1" });
    expect(compareVersions("1.11", "1.9")).toBeGreaterThan(0);
  });

  test("a host without 1.20 gets a Danish line about undo; without 1.9 the pane says what is missing", () => {
    const only = (max: string) => ({
      isSetSupported: (set: string, v = "1.1") => set !== "ExcelApi" || compareVersions(v, max) <= 0,
    });
    expect(missingOptional(only("1.14")).map((u) => u.member)).toEqual(["RunOptions.mergeUndoGroup"]);
    expect(missingOptional(only("1.20"))).toEqual([]);
    expect(missingRequired(only("1.8"))).toEqual(["ExcelApi 1.9"]);
    expect(missingRequired(only("1.9"))).toEqual([]);
  });
});
