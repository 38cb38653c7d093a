import type { Workbook } from "exceljs";
import { META_FIELDS } from "../domain/fieldId";
import { checkFillValues } from "../domain/layout/fillvalues";
import type { Pack } from "../domain/pack/model";
import { packFor } from "../domain/pack/select";
import type { Finding } from "../domain/model";
import { type XlsxBytes, loadWorkbook, workbookBytes } from "./bytes";
import { libraryErrorText } from "../domain/libraryErrors";
import { excelJsCellValue } from "../domain/safeText";
import { XlsxRejected } from "./guard";
import { cellAt, definedNames } from "./names";

export type FillResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly written: number }
  | { readonly ok: false; readonly errors: readonly Finding[] };

/** Drops cached formula results so Excel and LibreOffice recalculate them (e.g. the pct checks). */
function forgetFormulaResults(wb: Workbook): void {
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (
          v &&
          typeof v === "object" &&
          ("formula" in v || "sharedFormula" in v) &&
          "result" in v
        ) {
          const { result: _drop, ...rest } = v as Record<string, unknown>;
          cell.value = rest as unknown as typeof cell.value;
        }
      });
    });
  });
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
}

/**
 * Writes values into a template by field id (its defined names), keeping styles, validation,
 * names and protection. Unknown ids or values of the wrong kind: nothing is written and the
 * result carries Danish errors naming each id. Text is always written as text, never as a formula.
 */
export async function fillWorkbookObject(
  wb: Workbook,
  values: Readonly<Record<string, unknown>>,
  opened: readonly Pack[] = []
): Promise<FillResult> {
  const names = definedNames(wb);
  const metaLoc = names.get(META_FIELDS.pakke)?.location;
  const metaCell = metaLoc ? cellAt(wb, metaLoc)?.cell.value : undefined;
  const choice = packFor(typeof metaCell === "string" ? metaCell : undefined, opened);
  if (!choice.ok)
    return {
      ok: false,
      errors: [
        {
          rule: "pakke_ukendt",
          severity: "fejl",
          message: `Skabelonen kan ikke udfyldes: ${choice.message}`,
        },
      ],
    };
  const pack = choice.pack;
  const available = new Set(
    [...names.keys()].filter((n) => pack.fields.has(n) && names.get(n)?.location)
  );
  const checked = checkFillValues(values, available, pack);
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  const errors: Finding[] = [];
  const targets: Array<[ReturnType<typeof cellAt>, string | number | null]> = [];
  for (const [id, value] of Object.entries(checked.values)) {
    const loc = names.get(id)?.location;
    const hit = loc ? cellAt(wb, loc) : undefined;
    if (!hit) {
      errors.push({
        rule: "navn_uden_celle",
        severity: "fejl",
        field: id,
        message: `Feltet ${id} peger ikke på en celle i filen.`,
      });
      continue;
    }
    targets.push([hit, value]);
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const [hit, value] of targets) {
    // A JS string becomes a shared/inline string in ExcelJS, never a formula.
    hit!.cell.value = excelJsCellValue(value);
  }
  forgetFormulaResults(wb);
  return { ok: true, bytes: await workbookBytes(wb), written: targets.length };
}

/** `fillWorkbookObject` on .xlsx bytes. */
export async function fillWorkbook(
  bytes: XlsxBytes,
  values: Readonly<Record<string, unknown>>,
  opened: readonly Pack[] = []
): Promise<FillResult> {
  let wb: Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    return {
      ok: false,
      errors: [
        e instanceof XlsxRejected
          ? { rule: e.rule, severity: "fejl", message: e.message }
          : {
              rule: "ulaeselig_fil",
              severity: "fejl",
              message: `Filen kan ikke læses som .xlsx: ${libraryErrorText(e)}`,
            },
      ],
    };
  }
  return fillWorkbookObject(wb, values, opened);
}
