/**
 * The streaming .xlsx writer for large plans (the report workbook): ExcelJS's `WorkbookWriter`
 * writes each row as soon as it is complete and forgets it, so memory does not grow with the
 * number of rows; styles are shared by name (see `StyleCache`). It draws the plan through the
 * same `renderSheet` as the in-memory writer, so both write the same workbook
 * (test/xlsx/stream.test.ts compares them cell by cell).
 *
 * Two things ExcelJS's streaming writer gets wrong are put right here, on the writer itself:
 * - it writes `<sheetProtection>` after the data validations and `<hyperlinks>` before the
 *   conditional formats, where the OOXML schema wants them right after `<sheetData>` and after
 *   `<dataValidations>` (Excel repairs such a file); the two writes are moved to their places;
 * - it always writes `<calcPr>` without `fullCalcOnLoad`; the flag is added to the workbook
 *   part as it is appended to the zip (a few hundred bytes, checked to be ExcelJS's form).
 * Defined names, conditional formats, data validations, merges, widths, heights, freeze panes,
 * tab colours and page setup are written by ExcelJS's streaming writer as they are.
 *
 * ExcelJS has its streaming writer in its Node build only (it zips with archiver), so this
 * module runs in Node; the task pane writes into the open workbook instead (src/excel).
 */
import { stream as excelStream, type Worksheet } from "exceljs";
import type { WorkbookPlan } from "../../domain/layout/types";
import { StyleCache, WORKBOOK_CREATOR, sheetOptions, sheetRows } from "../render";

/**
 * Rows written between two pauses that let the zip compress and write out what is written so
 * far. Without them a sheet's whole XML waits in memory until the sheet is done; at 490
 * respondents (1,7 million rows) pausing every 100 rows kept the peak about 70 MB lower than
 * every 2000, and was no slower.
 */
const ROWS_PER_PAUSE = 100;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

type StreamOptions = Partial<excelStream.xlsx.WorkbookStreamWriterOptions>;
/** Where the streamed file goes: a writable stream (e.g. `fs.createWriteStream`). */
export type XlsxSink = NonNullable<StreamOptions["stream"]>;

interface ZipInternals {
  append(data: unknown, options: { name: string }): unknown;
}
interface WorksheetWriterInternals {
  _write(text: string): void;
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
  _writeHyperlinks(): void;
}

const CALC_PR = '<calcPr calcId="171027"/>';
const CALC_PR_FULL = '<calcPr calcId="171027" fullCalcOnLoad="1"/>';

/** ExcelJS's WorkbookWriter with the element order and calcPr put right (see above). */
class PlanWorkbookWriter extends excelStream.xlsx.WorkbookWriter {
  constructor(options: StreamOptions, fullCalcOnLoad: boolean) {
    super(options);
    if (fullCalcOnLoad) {
      const zip = (this as unknown as { zip: ZipInternals }).zip;
      const append = zip.append.bind(zip);
      zip.append = (data, opts) => {
        if (opts.name === "/xl/workbook.xml" && typeof data === "string") {
          if (!data.includes(CALC_PR))
            throw new Error("ExcelJS skrev arbejdsbogens beregningsindstillinger i en ny form");
          return append(data.replace(CALC_PR, CALC_PR_FULL), opts);
        }
        return append(data, opts);
      };
    }
  }

  override addWorksheet(name: string, options?: object): Worksheet {
    const ws = super.addWorksheet(name, options) as unknown as WorksheetWriterInternals;
    const writeProtection = ws._writeSheetProtection.bind(ws);
    const writeHyperlinks = ws._writeHyperlinks.bind(ws);
    ws._writeCloseSheetData = () => {
      ws._write("</sheetData>");
      writeProtection();
    };
    ws._writeHyperlinks = () => undefined;
    // Called right after the data validations: the schema's place for hyperlinks.
    ws._writeSheetProtection = writeHyperlinks;
    return ws as unknown as Worksheet;
  }
}

/**
 * Writes a layout plan as .xlsx into `sink` with ExcelJS's streaming writer, one sheet after the
 * other, each row committed as soon as it is written. Resolves when the sink has the whole file.
 */
export async function streamWorkbook(plan: WorkbookPlan, sink?: XlsxSink): Promise<void> {
  await writePlan(plan, sink);
}

async function writePlan(plan: WorkbookPlan, sink?: XlsxSink) {
  const wb = new PlanWorkbookWriter(
    {
      ...(sink ? { stream: sink } : {}),
      useStyles: true,
      useSharedStrings: true,
      creator: WORKBOOK_CREATOR,
    } as StreamOptions,
    plan.fullCalcOnLoad === true
  );
  if (plan.title) wb.title = plan.title;
  const styles = new StyleCache();
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheetOptions(sheet));
    let n = 0;
    for (const _ of sheetRows(ws, sheet, styles)) if (++n % ROWS_PER_PAUSE === 0) await pause();
    (ws as unknown as { commit(): void }).commit();
  }
  await wb.commit();
  return wb;
}

/** The streamed file as bytes (tests and small plans; large files go to a sink). */
export async function renderWorkbookStreamed(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await writePlan(plan);
  const buf = (wb as unknown as { stream: { read(): Uint8Array } }).stream.read();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
