/**
 * Which office-js requirement sets the add-in needs, as data: every Excel API member the code
 * calls, the set that brought it, and whether the add-in needs it everywhere or only uses it
 * where the host has it (`optional`, checked at run time with `isSetSupported`).
 *
 * The manifest's minimum (`<Requirements>` in manifest.xml, `requirements.capabilities` in
 * manifest.json) is the highest set needed unconditionally; test/manifest.test.ts derives it
 * from this table and checks both manifests, and test/excel/requirements.test.ts finds every
 * member listed in src/ (so the table cannot keep a member that is gone).
 *
 * Where the sets are (Microsoft's requirement-set tables): ExcelApi 1.9 and SharedRuntime 1.1
 * are in Microsoft 365 (Windows 2002+, Mac 16.35+), Excel on the web and volume-licensed
 * Excel 2021 and later; Excel 2019 has neither (ExcelApi 1.8, no shared runtime).
 */

export interface ApiUse {
  /** The API member, as office-js names it. */
  readonly member: string;
  readonly set: "ExcelApi" | "SharedRuntime" | "CustomFunctionsRuntime" | "KeyboardShortcuts";
  readonly version: string;
  /** Used only where the host supports it; the add-in works without it. */
  readonly optional?: boolean;
  /** What the add-in uses it for (Danish: shown in the pane when an optional feature is missing). */
  readonly use: string;
}

export const API_USES: readonly ApiUse[] = [
  {
    member: "Worksheet.visibility",
    set: "ExcelApi",
    version: "1.1",
    use: "skjulte ark",
  },
  {
    member: "Range.rowHidden",
    set: "ExcelApi",
    version: "1.2",
    use: "skjulte rækker",
  },
  {
    member: "Worksheet.showGridlines",
    set: "ExcelApi",
    version: "1.8",
    use: "ark uden gitterlinjer",
  },
  {
    member: "Worksheet.horizontalPageBreaks",
    set: "ExcelApi",
    version: "1.9",
    use: "sideskift",
  },
  {
    member: "PageLayout.headersFooters",
    set: "ExcelApi",
    version: "1.9",
    use: "sidehoved og sidefod",
  },
  {
    member: "Range.values / formulas / numberFormat",
    set: "ExcelApi",
    version: "1.1",
    use: "skrive celler",
  },
  {
    member: "Range.select",
    set: "ExcelApi",
    version: "1.1",
    use: "vise en celle",
  },
  {
    member: "WorksheetCollection.add",
    set: "ExcelApi",
    version: "1.1",
    use: "indsætte ark",
  },
  {
    member: "ChartCollection.add",
    set: "ExcelApi",
    version: "1.1",
    use: "diagram",
  },
  {
    member: "TableCollection.add",
    set: "ExcelApi",
    version: "1.1",
    use: "Excel-tabeller",
  },
  {
    member: "Range.merge",
    set: "ExcelApi",
    version: "1.2",
    use: "flette celler",
  },
  {
    member: "RangeFormat.columnWidth",
    set: "ExcelApi",
    version: "1.2",
    use: "kolonnebredder",
  },
  {
    member: "WorksheetProtection.protect",
    set: "ExcelApi",
    version: "1.2",
    use: "arkbeskyttelse",
  },
  {
    member: "NamedItemCollection.add",
    set: "ExcelApi",
    version: "1.4",
    use: "definerede navne",
  },
  {
    member: "Worksheet.getUsedRangeOrNullObject",
    set: "ExcelApi",
    version: "1.4",
    use: "læse ark",
  },
  {
    member: "Table.worksheet",
    set: "ExcelApi",
    version: "1.2",
    use: "læse tabeller",
  },
  {
    member: "ConditionalFormatCollection.add",
    set: "ExcelApi",
    version: "1.6",
    use: "betinget formatering",
  },
  {
    member: "Application.suspendApiCalculationUntilNextSync",
    set: "ExcelApi",
    version: "1.6",
    use: "hurtige skrivninger",
  },
  {
    member: "Worksheet.freezePanes",
    set: "ExcelApi",
    version: "1.7",
    use: "frosne rækker",
  },
  {
    member: "Worksheet.tabColor",
    set: "ExcelApi",
    version: "1.7",
    use: "fanefarver",
  },
  {
    member: "ChartSeriesCollection.add",
    set: "ExcelApi",
    version: "1.7",
    use: "diagram",
  },
  {
    member: "Workbook.protection",
    set: "ExcelApi",
    version: "1.7",
    use: "projektmappebeskyttelse",
  },
  {
    member: "WorksheetCollection.onSelectionChanged",
    set: "ExcelApi",
    version: "1.9",
    use: "følge den markerede celle",
  },
  {
    member: "Range.dataValidation",
    set: "ExcelApi",
    version: "1.8",
    use: "datavalidering",
  },
  {
    member: "ChartSeries.overlap",
    set: "ExcelApi",
    version: "1.8",
    use: "diagram",
  },
  {
    member: "ChartSeries.gapWidth",
    set: "ExcelApi",
    version: "1.8",
    use: "diagram",
  },
  {
    member: "Worksheet.getRanges (RangeAreas)",
    set: "ExcelApi",
    version: "1.9",
    use: "formatere mange celler på én gang",
  },
  {
    member: "RangeFormat.indentLevel",
    set: "ExcelApi",
    version: "1.9",
    use: "indrykning",
  },
  {
    member: "Worksheet.pageLayout",
    set: "ExcelApi",
    version: "1.9",
    use: "udskriftsopsætning",
  },
  {
    member: "WorksheetCollection.onChanged",
    set: "ExcelApi",
    version: "1.9",
    use: "følge ændringer i arkene",
  },
  {
    member: "RunOptions.delayForCellEdit",
    set: "ExcelApi",
    version: "1.11",
    optional: true,
    use: "vente, til en celle er redigeret færdig",
  },
  {
    member: "RunOptions.mergeUndoGroup",
    set: "ExcelApi",
    version: "1.20",
    optional: true,
    use: "fortryde en hel indsættelse med ét Ctrl+Z",
  },
  {
    member: "Office.addin.showAsTaskpane",
    set: "SharedRuntime",
    version: "1.1",
    use: "åbne ruden fra båndet",
  },
  {
    member: "Office.actions.associate",
    set: "SharedRuntime",
    version: "1.1",
    use: "knapper i båndet og genveje",
  },
];

/** Compares "1.9" and "1.11" as versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The minimum version of each set the add-in needs unconditionally: what the manifest asks
 * for. Custom functions are not in it (the task pane must work without them; Excel loads the
 * functions only where it supports them).
 */
export function requiredSets(uses: readonly ApiUse[] = API_USES): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of uses) {
    if (u.optional) continue;
    const prev = out.get(u.set);
    if (!prev || compareVersions(u.version, prev) > 0) out.set(u.set, u.version);
  }
  return out;
}

/** The Excel versions that have every required set (for messages). */
export const SUPPORTED_EXCEL =
  "Microsoft 365 (Windows eller Mac), Excel på nettet eller Excel 2021 og nyere";

export interface RequirementChecker {
  isSetSupported(name: string, version?: string): boolean;
}

/** The optional features the host lacks, with what the add-in does without them (Danish). */
export function missingOptional(
  check: RequirementChecker,
  uses: readonly ApiUse[] = API_USES
): ApiUse[] {
  return uses.filter((u) => u.optional && !check.isSetSupported(u.set, u.version));
}

/** The required sets the host lacks ("ExcelApi 1.9"). */
export function missingRequired(check: RequirementChecker): string[] {
  return [...requiredSets()]
    .filter(([set, version]) => !check.isSetSupported(set, version))
    .map(([set, version]) => `${set} ${version}`);
}
