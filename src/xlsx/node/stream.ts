/**
 * The streaming .xlsx writer for large plans (the report workbook): ExcelJS's `WorkbookWriter`
 * writes each row as soon as it is complete and forgets it, so memory does not grow with the
 * number of rows; styles are shared by name (see `StyleCache`). It draws the plan through the
 * same `renderSheet` as the in-memory writer, so both write the same workbook
 * (test/xlsx/stream.test.ts compares them cell by cell).
 *
 * What ExcelJS's streaming writer gets wrong or leaves out is put right here, on the writer itself:
 * - it writes `<sheetProtection>` after the data validations and `<hyperlinks>` before the
 *   conditional formats, where the OOXML schema wants them right after `<sheetData>` and after
 *   `<dataValidations>` (Excel repairs such a file); the two writes are moved to their places;
 * - it always writes `<calcPr>` without `fullCalcOnLoad`; the flag is added to the workbook
 *   part as it is appended to the zip (a few hundred bytes, checked to be ExcelJS's form);
 * - ExcelJS has no quote prefix: a text cell that starts like a formula (its style from
 *   `StyleCache.quoted`) gets a copy of its cell format with `quotePrefix="1"`, so editing it in
 *   Excel keeps it text (the in-memory writer's package is patched instead, ../quotePrefix.ts);
 * - it cannot write Excel tables: each table's part, its relationship, the sheet's
 *   `<tableParts>` and the content type are written here with ExcelJS's own table model and
 *   serialisers (exceljs-internals.d.ts), so they are what the in-memory writer writes.
 * - it lists merged ranges in the order they were merged, where the in-memory writer lists each
 *   where its first covered cell comes in reading order; the list is put in that order.
 * Defined names, conditional formats, data validations, merges, widths, heights, freeze panes,
 * tab colours and page setup are written by ExcelJS's streaming writer as they are.
 *
 * ExcelJS has its streaming writer in its Node build only (it zips with archiver), so this
 * module runs in Node; the task pane writes into the open workbook instead (src/excel).
 */
import type { stream as excelStream, Worksheet } from "exceljs";
import { ValueType } from "exceljs/lib/doc/enums";
import WorkbookWriter from "exceljs/lib/stream/xlsx/workbook-writer";
import Table from "exceljs/lib/doc/table";
import RelType from "exceljs/lib/xlsx/rel-type";
import ContentTypesXform from "exceljs/lib/xlsx/xform/core/content-types-xform";
import ListXform from "exceljs/lib/xlsx/xform/list-xform";
import TablePartXform from "exceljs/lib/xlsx/xform/sheet/table-part-xform";
import TableXform from "exceljs/lib/xlsx/xform/table/table-xform";
import { columnLetter } from "../../domain/layout/a1";
import type { SheetPlan, StreamedRow, TablePlan, WorkbookPlan } from "../../domain/layout/types";
import { isFormulaLike } from "../../domain/safeText";
import {
  type ExcelJsStyleManager,
  type StreamedRowDrawer,
  StyleCache,
  WORKBOOK_CREATOR,
  addQuotePrefixes,
  drawStreamedRow,
  sheetOptions,
  sheetRows,
  tableDefinition,
} from "../render";

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
  /** Set once `<sheetData>` is open (by the first row written). */
  startedData?: boolean;
  /** Rows made but not yet written. */
  _rows: unknown[];
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
  _writeHyperlinks(): void;
  _writeCloseWorksheet(): void;
  _merges: MergeDimensions[];
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  commit(): void;
}
/** A merged range as ExcelJS's streaming writer keeps it. */
interface MergeDimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where a merge's first covered cell comes in reading order (row, then column). */
function firstCovered(m: MergeDimensions): [number, number] {
  return m.right > m.left ? [m.top, m.left + 1] : [m.top + 1, m.left];
}

interface WorkbookWriterInternals {
  styles: ExcelJsStyleManager;
  zip: ZipInternals;
  _worksheets: unknown[];
  sharedStrings: { add(text: string): number };
  commentRefs: unknown;
  media: unknown;
}

/** A table as ExcelJS's in-memory writer models it when writing (ids count through the book). */
interface TableModel extends Record<string, unknown> {
  id: number;
  target: string;
  rId?: string;
}

/** ExcelJS's model of a table, completed by its Table class as `addTable` would. */
function tableModel(sheet: SheetPlan, t: TablePlan, id: number): TableModel {
  const table = Object.create(Table.prototype) as Table;
  table.table = { ...tableDefinition(sheet, t), rows: new Array(t.bottom - t.top) };
  table.validate();
  return Object.assign(table.table, { id, target: `table${id}.xml` });
}

const CALC_PR = '<calcPr calcId="171027"/>';
const CALC_PR_FULL = '<calcPr calcId="171027" fullCalcOnLoad="1"/>';

/** ExcelJS's WorkbookWriter with element order, calcPr and tables put right (see above). */
class PlanWorkbookWriter extends WorkbookWriter {
  private readonly tables: TableModel[] = [];

  constructor(options: StreamOptions, fullCalcOnLoad: boolean, cellStyles: StyleCache) {
    super(options);
    addQuotePrefixes((this as unknown as WorkbookWriterInternals).styles, cellStyles);
    if (fullCalcOnLoad) {
      const zip = (this as unknown as WorkbookWriterInternals).zip;
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

  /** Writes the sheet's tables (before the sheet is committed); ids count through the book. */
  addTables(worksheet: Worksheet, sheet: SheetPlan): void {
    const tables = sheet.tables ?? [];
    if (tables.length === 0) return;
    const ws = worksheet as unknown as WorksheetWriterInternals;
    const { zip } = this as unknown as WorkbookWriterInternals;
    const models = tables.map((t) => {
      const model = tableModel(sheet, t, this.tables.length + 1);
      this.tables.push(model);
      model.rId = ws._sheetRelsWriter.addRelationship({
        Type: RelType.Table,
        Target: `../tables/${model.target}`,
      });
      const xform = new TableXform();
      xform.prepare(model, {});
      zip.append(xform.toXml(model), { name: `/xl/tables/${model.target}` });
      return model;
    });
    const parts = new ListXform({
      tag: "tableParts",
      count: true,
      childXform: new TablePartXform(),
    }).toXml(models);
    const close = ws._writeCloseWorksheet.bind(ws);
    ws._writeCloseWorksheet = () => {
      ws._write(parts);
      close();
    };
  }

  /** ExcelJS's own content types, with the tables' (its streaming writer leaves them out). */
  override addContentTypes(): Promise<void> {
    const w = this as unknown as WorkbookWriterInternals;
    const model = {
      worksheets: w._worksheets.filter(Boolean),
      sharedStrings: w.sharedStrings,
      commentRefs: w.commentRefs,
      media: w.media,
      tables: this.tables,
    };
    w.zip.append(new ContentTypesXform().toXml(model), { name: "[Content_Types].xml" });
    return Promise.resolve();
  }
}

/**
 * The XML ExcelJS writes for a streamed row whose cells are plain text and numbers (the Data
 * sheet's), made directly: the same `<row>` and `<c>` elements, style ids from ExcelJS's own style
 * manager and string ids from its shared strings, as its row and cell serialisers
 * (xform/sheet/row-xform.js, cell-xform.js) write them, but without a Row and Cell object, a
 * model and a serialiser per cell, which was most of the time of writing a large report.
 * Undefined for a row with anything else (a formula, name, validation, a truth value, cells out
 * of column order): that row is drawn through ExcelJS's cells. "" for a row with nothing to show
 * (no cell and no height). A row of styled empty cells is written, as the in-memory writer does
 * (ExcelJS's streaming writer drops it). test/xlsx/stream.test.ts compares the result with the
 * in-memory writer's, cell by cell and part by part.
 */
export function plainRowXml(
  r: number,
  planned: StreamedRow,
  styles: StyleCache,
  manager: Pick<ExcelJsStyleManager, "addStyleModel">,
  strings: { add(text: string): number }
): string | undefined {
  let cells = "";
  let min = 0;
  let max = 0;
  for (const c of planned.cells) {
    if (c.row !== r || c.col <= max || c.formula !== undefined || c.name || c.validation)
      return undefined;
    const v = c.value;
    let style = styles.get(c.style, c.numFmt, !c.input);
    let type: ValueType;
    let content = "";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return undefined;
      type = ValueType.Number;
      content = `<v>${v}</v>`;
    } else if (typeof v === "string") {
      if (isFormulaLike(v)) style = styles.quoted(style);
      type = ValueType.String;
      content = `<v>${strings.add(v)}</v>`;
    } else if (v === null || v === undefined) {
      type = ValueType.Null;
    } else return undefined;
    const id = manager.addStyleModel(style, type);
    if (type === ValueType.Null && !id) continue;
    if (!min) min = c.col;
    max = c.col;
    const t = type === ValueType.String ? ' t="s"' : "";
    const open = `<c r="${columnLetter(c.col)}${r}"${id ? ` s="${id}"` : ""}${t}`;
    cells += content ? `${open}>${content}</c>` : `${open}/>`;
  }
  const height = planned.height;
  if (!cells && !height) return "";
  const ht = height ? ` ht="${height}" customHeight="1"` : "";
  const spans = min > 0 ? ` spans="${min}:${max}"` : "";
  const row = `<row r="${r}"${ht}${spans} x14ac:dyDescent="0.25"`;
  return cells ? `${row}>${cells}</row>` : `${row}/>`;
}

/**
 * Whether the streaming writer can write the plan: it writes no charts yet (the in-memory writer
 * adds them, ../charts.ts), so a plan with charts is written in memory.
 */
export function canStream(plan: WorkbookPlan): boolean {
  return !plan.sheets.some((sheet) => sheet.charts?.length);
}

/**
 * Writes a layout plan as .xlsx into `sink` with ExcelJS's streaming writer, one sheet after the
 * other, each row committed as soon as it is written. Resolves when the sink has the whole file.
 */
export async function streamWorkbook(plan: WorkbookPlan, sink?: XlsxSink): Promise<void> {
  await writePlan(plan, sink);
}

/** Streamed rows written as `plainRowXml` makes them where it can, else through ExcelJS. */
function plainRows(wb: PlanWorkbookWriter): StreamedRowDrawer {
  const { styles: manager, sharedStrings } = wb as unknown as WorkbookWriterInternals;
  return (worksheet, r, planned, styles) => {
    const ws = worksheet as unknown as WorksheetWriterInternals;
    // Straight into the sheet's XML only once <sheetData> is open and every row before is out.
    const xml =
      ws.startedData && ws._rows.length === 0
        ? plainRowXml(r, planned, styles, manager, sharedStrings)
        : undefined;
    if (xml === undefined) drawStreamedRow(worksheet, r, planned, styles);
    else if (xml) ws._write(xml);
  };
}

async function writePlan(plan: WorkbookPlan, sink?: XlsxSink) {
  const styles = new StyleCache();
  const wb = new PlanWorkbookWriter(
    {
      ...(sink ? { stream: sink } : {}),
      useStyles: true,
      useSharedStrings: true,
      creator: WORKBOOK_CREATOR,
    } as StreamOptions,
    plan.fullCalcOnLoad === true,
    styles
  );
  if (plan.title) wb.title = plan.title;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheetOptions(sheet));
    let n = 0;
    for (const _ of sheetRows(ws, sheet, styles, plainRows(wb)))
      if (++n % ROWS_PER_PAUSE === 0) await pause();
    wb.addTables(ws, sheet);
    const internals = ws as unknown as WorksheetWriterInternals;
    internals._merges.sort((a, b) => {
      const [ar, ac] = firstCovered(a);
      const [br, bc] = firstCovered(b);
      return ar - br || ac - bc;
    });
    internals.commit();
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
