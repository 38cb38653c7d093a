/**
 * The whole pre-scan, for files handed to ExcelJS afterwards (`udfyld` edits a workbook with
 * it). ExcelJS inflates every part and materialises whatever the XML claims: a column element
 * up to `max`, every cell of a merged area, of a data validation's ranges and of a defined
 * name's ranges. So before it sees a file, every part is inflated here with its real bytes
 * counted, every XML part is streamed (a DOCTYPE is refused), and what ExcelJS would
 * materialise is counted against the limits. Nothing is kept in memory.
 */
import { openXlsxZip } from "../guard";
import { type FileLimits, LIMITS, XlsxRejected } from "./limits";
import { MAX_COL, decodeArea } from "./sheet";
import { parsePart } from "./xml";
import { isWorksheetPart, partKey } from "./zip";
import { formatDanishNumber } from "../../domain/parse/number";

const XML_PART = /\.(?:xml|rels|vml)$/i;

function areaSize(ref: string): number {
  let n = 0;
  for (const part of ref.trim().split(/\s+/)) {
    const a = decodeArea(part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part);
    if (a) n += (a.bottom - a.top + 1) * (a.right - a.left + 1);
  }
  return n;
}

function tooMany(where: string, what: string): XlsxRejected {
  return new XlsxRejected(
    "over_graense",
    `${where} ${what}; filen kan ikke åbnes sikkert til redigering og åbnes ikke.`
  );
}

/** Throws XlsxRejected unless ExcelJS can safely load the bytes. */
export function prescanForExcelJs(bytes: Uint8Array, limits: FileLimits = LIMITS): void {
  const zip = openXlsxZip(bytes, limits);
  let cells = 0;
  let materialised = 0;
  const count = (n: number, where: string, what: string) => {
    materialised += n;
    if (materialised > limits.maxCells)
      throw tooMany(
        where,
        `${what}, og i alt dækker den slags områder over ${formatDanishNumber(limits.maxCells)} celler`
      );
  };
  for (const entry of zip.entries) {
    const key = partKey(entry.name);
    if (!XML_PART.test(key)) {
      zip.inflate(entry, () => undefined);
      continue;
    }
    if (isWorksheetPart(key)) {
      const where = `Arket ${entry.name}`;
      let merges = 0;
      let validations = 0;
      parsePart(zip, entry, {
        open(tag, a) {
          if (tag === "c") {
            if (++cells > limits.maxCells)
              throw new XlsxRejected(
                "for_mange_celler",
                `Projektmappen har over ${formatDanishNumber(limits.maxCells)} celler; en udfyldt skabelon har kun få hundrede. Filen læses ikke.`
              );
          } else if (tag === "col") {
            const max = Number(a.max ?? a.min ?? 0);
            if (!(max <= MAX_COL))
              throw tooMany(
                where,
                `definerer kolonner op til nr. ${a.max}, ud over Excels ${formatDanishNumber(MAX_COL)} kolonner`
              );
          } else if (tag === "mergeCell" && a.ref) {
            if (++merges > limits.maxMerges)
              throw tooMany(
                where,
                `har over ${formatDanishNumber(limits.maxMerges)} flettede områder`
              );
            count(areaSize(a.ref), where, `har et flettet område ${a.ref}`);
          } else if (tag === "dataValidation" && a.sqref) {
            if (++validations > limits.maxDataValidations)
              throw tooMany(
                where,
                `har over ${formatDanishNumber(limits.maxDataValidations)} regler for datavalidering`
              );
            count(areaSize(a.sqref), where, `har datavalidering på ${a.sqref}`);
          }
        },
      });
    } else if (key === "xl/workbook.xml") {
      let names = 0;
      let text: string | undefined;
      let sheets = 0;
      parsePart(zip, entry, {
        open(tag) {
          if (tag === "definedName") {
            if (++names > limits.maxDefinedNames)
              throw tooMany(
                "Projektmappen",
                `har over ${formatDanishNumber(limits.maxDefinedNames)} navngivne celler`
              );
            text = "";
          } else if (tag === "sheet" && ++sheets > limits.maxSheets)
            throw tooMany("Projektmappen", `har over ${formatDanishNumber(limits.maxSheets)} ark`);
        },
        text(t) {
          if (text !== undefined) text += t;
        },
        close(tag) {
          if (tag === "definedName" && text !== undefined) {
            count(
              text.split(",").reduce((n, ref) => n + (ref.includes("!") ? areaSize(ref) : 0), 0),
              "Projektmappen",
              `har et navn over ${text.slice(0, 60)}`
            );
            text = undefined;
          }
        },
      });
    } else {
      parsePart(zip, entry, {});
    }
  }
}
