/**
 * An .xlsx package opened for targeted reading: the zip directory, the workbook (sheets,
 * defined names, date system), its relationships, and on demand the cell formats, the shared
 * strings and single worksheets. Only the parts asked for are inflated and parsed; each is
 * bounded (./limits.ts) and parsed once.
 */
import { isDateFormat } from "../../domain/parse/cell";
import type { CellLocation } from "../../domain/model";
import { type FileLimits, XlsxRejected } from "./limits";
import { type SheetContext, SheetData, decodeCell, readSheet } from "./sheet";
import { attr, parsePart } from "./xml";
import { type ZipArchive, type ZipEntry, isWorksheetPart, partKey } from "./zip";
import { formatDanishNumber } from "../../domain/parse/number";

/** A defined name as the workbook stores it. */
export interface DefinedName {
  readonly name: string;
  /** Set for a name that belongs to one sheet (Excel makes these when a sheet is copied). */
  readonly localSheetId?: number;
  readonly text: string;
}

/** A workbook-scoped defined name that points at one cell. */
export interface NamedRef {
  readonly name: string;
  /** Sheet and A1 cell (top-left cell when the name covers a range). */
  readonly location?: CellLocation;
  /** The name's raw reference when it points nowhere usable (e.g. "#REF!"). */
  readonly broken?: string;
}

export interface SheetEntry {
  readonly name: string;
  /** The worksheet part, when the sheet is a worksheet (not a chart sheet) and present. */
  readonly part?: ZipEntry;
}

/** Excel's built-in number formats (ECMA-376 §18.8.30), as ExcelJS names them. */
const BUILTIN_NUMFMT: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

/** "../x.xml" relative to "xl/" → "x.xml"; "/xl/a.xml" → "xl/a.xml". */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `${base}${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** A defined name's text split at top-level commas (quoted sheet names may hold commas). */
function firstArea(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) return text.slice(0, i);
  }
  return text;
}

const NAME_REF =
  /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** "'UKN Data'!$C$8" (or an area: its top-left cell) → sheet and cell; undefined otherwise. */
export function parseRef(ref: string): CellLocation | undefined {
  const m = NAME_REF.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const at = decodeCell(m[3]);
  if (!at) return undefined;
  return { sheet, cell: m[3].replace(/\$/g, "").toUpperCase() };
}

export class WorkbookPackage {
  readonly sheets: SheetEntry[] = [];
  readonly definedNames: DefinedName[] = [];
  date1904 = false;
  private sharedStringsPart?: ZipEntry;
  private stylesPart?: ZipEntry;
  private strings?: Array<string | null>;
  private numFmtByStyle?: Array<string | undefined>;
  private dateByStyle = new Map<number, boolean>();
  /** Parsed worksheets by part, and by the names they were asked for with. */
  private readonly parsed = new Map<string, SheetData>();
  private readonly parsedByName = new Map<string, SheetData>();
  private cells = 0;
  private namesIndex?: Map<string, NamedRef>;
  private sheetsByName?: Map<string, SheetEntry>;

  constructor(
    readonly zip: ZipArchive,
    readonly limits: FileLimits
  ) {
    this.readWorkbook();
  }

  private part(name: string): ZipEntry | undefined {
    return this.zip.entry(name);
  }

  private readWorkbook(): void {
    const workbook = this.part("xl/workbook.xml")!;
    const rels = new Map<string, { type: string; target: string }>();
    const relsPart = this.part("xl/_rels/workbook.xml.rels");
    if (relsPart) {
      parsePart(this.zip, relsPart, {
        open(tag, a) {
          if (tag === "Relationship" && a.Id && a.Target && a.TargetMode !== "External")
            rels.set(a.Id, { type: a.Type ?? "", target: resolveTarget("xl/", a.Target) });
        },
      });
    }
    const limits = this.limits;
    const sheets: Array<{ name: string; rid?: string }> = [];
    let name: { name: string; localSheetId?: number; text: string } | undefined;
    parsePart(this.zip, workbook, {
      open: (tag, a) => {
        if (tag === "sheet") {
          if (sheets.length >= limits.maxSheets)
            throw new XlsxRejected(
              "over_graense",
              `Projektmappen har over ${formatDanishNumber(limits.maxSheets)} ark; en skabelon har højst 31. Filen læses ikke.`
            );
          sheets.push({ name: a.name ?? "", rid: attr(a, "id") });
        } else if (tag === "definedName") {
          if (this.definedNames.length >= limits.maxDefinedNames)
            throw new XlsxRejected(
              "over_graense",
              `Projektmappen har over ${formatDanishNumber(limits.maxDefinedNames)} navngivne celler; en skabelon har under 2.000. Filen læses ikke.`
            );
          const local = a.localSheetId !== undefined ? Number.parseInt(a.localSheetId, 10) : NaN;
          name = {
            name: a.name ?? "",
            ...(Number.isFinite(local) ? { localSheetId: local } : {}),
            text: "",
          };
        } else if (tag === "workbookPr") {
          this.date1904 = a.date1904 === "1" || a.date1904 === "true";
        }
      },
      text: (t) => {
        if (name) name.text += t;
      },
      close: (tag) => {
        if (tag === "definedName" && name) {
          this.definedNames.push(name);
          name = undefined;
        }
      },
    });
    for (const s of sheets) {
      const rel = s.rid !== undefined ? rels.get(s.rid) : undefined;
      const part =
        rel && REL_WORKSHEET.test(rel.type) && isWorksheetPart(rel.target)
          ? this.part(rel.target)
          : undefined;
      this.sheets.push({ name: s.name, ...(part ? { part } : {}) });
    }
    for (const rel of rels.values()) {
      if (REL_SHARED_STRINGS.test(rel.type)) this.sharedStringsPart ??= this.part(rel.target);
      if (REL_STYLES.test(rel.type)) this.stylesPart ??= this.part(rel.target);
    }
    this.sharedStringsPart ??= this.part("xl/sharedStrings.xml");
    this.stylesPart ??= this.part("xl/styles.xml");
  }

  /**
   * Workbook-level defined names by name (lower case), each with the cell it points at. A name
   * scoped to one sheet is used only where no workbook-level name of that name exists.
   * Built once, in one pass over the names.
   */
  names(): Map<string, NamedRef> {
    if (this.namesIndex) return this.namesIndex;
    const out = new Map<string, NamedRef>();
    const sheetScoped = new Map<string, NamedRef>();
    for (const d of this.definedNames) {
      if (d.name.startsWith("_xlnm.")) continue;
      const key = d.name.toLowerCase();
      const first = firstArea(d.text.trim());
      const location = parseRef(first);
      let ref: NamedRef;
      if (location) ref = { name: key, location };
      else if (first.includes("#REF!")) ref = { name: key, broken: first };
      else continue; // a formula or constant, not a cell (ExcelJS leaves these out too)
      if (d.localSheetId !== undefined) {
        if (!sheetScoped.has(key)) sheetScoped.set(key, ref);
      } else if (!out.has(key)) out.set(key, ref);
    }
    for (const [key, ref] of sheetScoped) if (!out.has(key)) out.set(key, ref);
    this.namesIndex = out;
    return out;
  }

  /** The sheet of this name (exact, else ignoring case as Excel does). */
  sheetEntry(name: string): SheetEntry | undefined {
    if (!this.sheetsByName) {
      this.sheetsByName = new Map();
      for (const s of this.sheets)
        if (!this.sheetsByName.has(s.name)) this.sheetsByName.set(s.name, s);
    }
    return (
      this.sheetsByName.get(name) ??
      this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
    );
  }

  /** A worksheet, parsed on first use; undefined when it does not exist or is no worksheet. */
  sheet(name: string): SheetData | undefined {
    const known = this.parsedByName.get(name);
    if (known) return known;
    const entry = this.sheetEntry(name);
    if (!entry?.part) return undefined;
    const key = partKey(entry.part.name);
    let data = this.parsed.get(key);
    if (!data) {
      data = readSheet(this.zip, entry.part, entry.name, this.sheetContext());
      this.parsed.set(key, data);
    }
    this.parsedByName.set(name, data);
    return data;
  }

  /** Worksheets parsed so far. */
  parsedSheets(): SheetData[] {
    return [...this.parsed.values()];
  }

  /** The cell format's number format, as ExcelJS gives `cell.numFmt` (none for format 0). */
  numFmt(style: number): string | undefined {
    if (!style) return undefined;
    this.numFmtByStyle ??= this.readStyles();
    return this.numFmtByStyle[style];
  }

  private sheetContext(): SheetContext {
    return {
      limits: this.limits,
      date1904: this.date1904,
      sharedString: (i) => {
        this.strings ??= this.readSharedStrings();
        return Number.isInteger(i) && i >= 0 && i < this.strings.length
          ? this.strings[i]
          : undefined;
      },
      isDateStyle: (style) => {
        let d = this.dateByStyle.get(style);
        if (d === undefined) {
          d = isDateFormat(this.numFmt(style));
          this.dateByStyle.set(style, d);
        }
        return d;
      },
      countCell: () => {
        if (++this.cells > this.limits.maxCells)
          throw new XlsxRejected(
            "for_mange_celler",
            `Projektmappen har over ${formatDanishNumber(this.limits.maxCells)} celler; en udfyldt skabelon har kun få hundrede. Filen læses ikke.`
          );
      },
    };
  }

  private readStyles(): Array<string | undefined> {
    const part = this.stylesPart;
    if (!part) return [];
    const custom = new Map<number, string>();
    const out: Array<string | undefined> = [];
    let inCellXfs = false;
    const limits = this.limits;
    parsePart(this.zip, part, {
      open(tag, a) {
        if (tag === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined)
          custom.set(Number.parseInt(a.numFmtId, 10), a.formatCode);
        else if (tag === "cellXfs") inCellXfs = true;
        else if (tag === "xf" && inCellXfs) {
          if (out.length >= limits.maxCells)
            throw new XlsxRejected(
              "over_graense",
              `Projektmappen har over ${formatDanishNumber(limits.maxCells)} celleformater. Filen læses ikke.`
            );
          const id = a.numFmtId !== undefined ? Number.parseInt(a.numFmtId, 10) : 0;
          out.push(id ? (custom.get(id) ?? BUILTIN_NUMFMT[id]) : undefined);
        }
      },
      close(tag) {
        if (tag === "cellXfs") inCellXfs = false;
      },
    });
    return out;
  }

  private readSharedStrings(): Array<string | null> {
    const part = this.sharedStringsPart;
    if (!part) return [];
    const out: Array<string | null> = [];
    const limits = this.limits;
    let item: { plain?: string; runs?: string[] } | undefined;
    let inRun = false;
    let inPhonetic = false;
    let text: string[] | undefined;
    const decode = (s: string) =>
      s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    parsePart(this.zip, part, {
      open(tag) {
        if (tag === "si") {
          if (out.length >= limits.maxSharedStrings)
            throw new XlsxRejected(
              "over_graense",
              `Projektmappen har over ${formatDanishNumber(limits.maxSharedStrings)} tekster. Filen læses ikke.`
            );
          item = {};
        } else if (tag === "r") inRun = true;
        else if (tag === "rPh") inPhonetic = true;
        else if (tag === "t" && item && !inPhonetic) text = [];
      },
      text(t) {
        if (text) text.push(t);
      },
      close(tag) {
        if (tag === "t" && text && item) {
          const s = decode(text.join(""));
          if (inRun) (item.runs ??= []).push(s);
          else item.plain = s;
          text = undefined;
        } else if (tag === "r") inRun = false;
        else if (tag === "rPh") inPhonetic = false;
        else if (tag === "si" && item) {
          out.push(item.runs ? item.runs.join("") : (item.plain ?? null));
          item = undefined;
        }
      },
    });
    return out;
  }
}
