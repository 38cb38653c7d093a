/**
 * An input table from a file the consultant picks (`byrde opregn --data TABEL=FIL`, and the task
 * pane's »Indlæs fra fil …«): JSON in the table's shape, or a register extract with one row per
 * respondent as .csv (Danish CSV) or .xlsx (its first sheet, read by the bounded streaming reader,
 * never by ExcelJS). No Node and no Office: the CLI and the pane call the same function.
 */
import type { InputTable } from "../domain/pack/env";
import { type Parsed, parseInputTable } from "../domain/pack/inputs";
import type { InputTableDef, Pack } from "../domain/pack/model";
import { parseInputRows } from "../domain/pack/rows";
import { parseCsv } from "../domain/parse/csv";
import { jsonErrorText } from "../domain/libraryErrors";
import { readSheetRows } from "./rows";

/** The file endings an input table is read from. */
export const INPUT_FILE_TYPES = [".json", ".csv", ".xlsx"] as const;

/** The ending of a file name (".csv"), lower case; "" without one. */
export function fileEnding(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > name.lastIndexOf("/") && dot >= 0 ? name.slice(dot).toLowerCase() : "";
}

/** Reads `bytes` (the file `name`) as the input table `def`; a Danish reason when it cannot. */
export function inputTableFromFile(
  pack: Pack,
  def: InputTableDef,
  name: string,
  bytes: Uint8Array
): Parsed<InputTable> {
  const ending = fileEnding(name);
  if (ending === ".csv") {
    const csv = parseCsv(new TextDecoder("utf-8").decode(bytes));
    return csv.ok ? parseInputRows(pack, def, csv.rows) : { ok: false, errors: [`${csv.error}.`] };
  }
  if (ending === ".xlsx") {
    const sheet = readSheetRows(bytes);
    return sheet.ok ? parseInputRows(pack, def, sheet.rows) : { ok: false, errors: [sheet.error] };
  }
  if (ending !== ".json")
    return {
      ok: false,
      errors: [
        `inddata læses fra .json, .csv eller .xlsx, ikke ${ending || "en fil uden endelse"}.`,
      ],
    };
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [jsonErrorText(e, text)] };
  }
  return parseInputTable(pack, def, json);
}
