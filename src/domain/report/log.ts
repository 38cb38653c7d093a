/** Valideringslog: every finding of the returns and every remark of the projection, one per row. */
import { SheetBuilder } from "../layout/builder";
import type { SheetPlan } from "../layout/types";
import type { Finding, KommuneReturn } from "../model";
import type { ProjectionResult } from "../project/engine";
import { canonicalKommune } from "../project/inputs";
import { templateOfId } from "../fieldId";
import { dataSheetName } from "../layout/names";
import { methodName, type ReportContext } from "./context";
import { HEADER_ROW, SHEET } from "./schema";

const COLUMNS = [
  "Kommune",
  "Fil",
  "Nedslagspunkt",
  "Alvor / kilde",
  "Regel",
  "Celle",
  "Besked",
] as const;

export function logSheet(
  input: {
    readonly returns: readonly KommuneReturn[];
    readonly result: ProjectionResult;
    readonly fileFindings?: readonly Finding[];
  },
  ctx: ReportContext
): SheetPlan {
  const s = new SheetBuilder(SHEET.log);
  s.text(1, 1, "Valideringslog", "title");
  s.text(
    2,
    1,
    "Fund i de indsendte filer og bemærkninger fra opregningen (udeladte kommuner, forslag om afvigere, indstillinger).",
    "note",
    COLUMNS.length
  );
  COLUMNS.forEach((h, k) => s.text(HEADER_ROW, k + 1, h, "tableHeader"));
  // A finding's nedslagspunkt: the one its field's template feeds.
  const byTemplate = (f: Finding) => {
    const t = f.field
      ? templateOfId(f.field)
      : ctx.pack.templates.find((x) => f.location && dataSheetName(x) === f.location.sheet)?.id;
    const m = t ? ctx.methods.find((x) => x.templates.includes(t)) : undefined;
    return m?.navn ?? "";
  };
  let row = HEADER_ROW + 1;
  const put = (values: readonly string[]) => {
    values.forEach((v, k) => s.text(row, k + 1, v, "label"));
    row++;
  };
  for (const f of input.fileFindings ?? [])
    put([
      "",
      f.file ?? "",
      "",
      f.severity,
      f.rule,
      f.location ? `${f.location.sheet}!${f.location.cell}` : "",
      f.message,
    ]);
  for (const r of input.returns)
    for (const f of r.findings)
      put([
        canonicalKommune(r.kommune),
        f.file ?? r.file ?? "",
        byTemplate(f),
        f.severity,
        f.rule,
        f.location ? `${f.location.sheet}!${f.location.cell}` : (f.field ?? ""),
        f.message,
      ]);
  for (const l of input.result.log)
    put([
      l.kommune ?? "",
      "",
      methodName(ctx, l.nedslagspunkt),
      l.kilde,
      "opregning",
      "",
      l.besked,
    ]);
  if (row === HEADER_ROW + 1) s.text(row, 1, "Ingen bemærkninger.", "note");
  return s.build({
    widths: { 1: 14, 2: 22, 3: 22, 4: 11, 5: 18, 6: 16, 7: 62 },
    freezeRows: HEADER_ROW,
    gridlines: false,
    print: {
      ...ctx.print,
      orientation: "landscape",
      titleRows: { first: HEADER_ROW, last: HEADER_ROW },
    },
  });
}
