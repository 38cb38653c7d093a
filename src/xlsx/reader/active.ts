/**
 * Active content: parts and formulas that fetch data from outside the workbook or run code
 * when the file is opened in Excel (macros, external links, DDE, WEBSERVICE, FILTERXML). The
 * reader never runs any of it; each is an advarsel, so the consultant knows before opening the
 * file in Excel.
 */
import { makeFinding } from "../../domain/findings";
import type { Finding } from "../../domain/model";
import type { WorkbookPackage } from "./package";
import { activeContentOf } from "./sheet";
import { parsePart } from "./xml";
import { partKey } from "./zip";

const RULE = "aktivt_indhold";

const MACRO_PART = /(?:^|\/)vbaproject\.bin$|^xl\/macrosheets\/|^xl\/activex\//;
const EXTERNAL_LINK_PART = /^xl\/externallinks\/[^/]+\.xml$/;

export function activeContentFindings(pkg: WorkbookPackage, file: string | undefined): Finding[] {
  const out: Finding[] = [];
  const fileProp = file !== undefined ? { file } : {};
  const add = (text: string, location?: { sheet: string; cell: string }) =>
    out.push(
      makeFinding({
        rule: RULE,
        severity: "advarsel",
        text,
        ...(location ? { location } : {}),
        ...fileProp,
      })
    );
  const parts = pkg.zip.entries.map((e) => ({ entry: e, key: partKey(e.name) }));

  const macros = parts.filter((p) => MACRO_PART.test(p.key));
  if (macros.length > 0)
    add(
      `Filen indeholder makroer eller ActiveX-objekter (${macros.map((p) => p.entry.name).join(", ")}). De køres ikke her, men kan køre, hvis filen åbnes i Excel; åbn den kun, hvis I stoler på afsenderen.`
    );

  for (const { entry, key } of parts) {
    if (!EXTERNAL_LINK_PART.test(key)) continue;
    let kind: string | undefined;
    parsePart(pkg.zip, entry, {
      open(tag, a) {
        if (kind) return;
        if (tag === "ddeLink")
          kind = `et DDE-link til programmet »${a.ddeService ?? "?"}« (${a.ddeTopic ?? ""}), der kan starte et andet program`;
        else if (tag === "oleLink") kind = "et OLE-link til et andet program";
        else if (tag === "externalBook")
          kind = "en henvisning til en anden fil, hvis værdier Excel kan hente";
      },
    });
    add(
      `Filen indeholder ${kind ?? "en ekstern henvisning"} (${entry.name}). Det følges ikke her, men Excel kan følge det, når filen åbnes.`
    );
  }

  for (const d of pkg.definedNames) {
    const what = activeContentOf(d.text);
    if (what) add(`Det navngivne område »${d.name}« indeholder ${what}. Den køres ikke her.`);
  }

  // Formulas in the sheets read (where the fields are); the other sheets are not inflated.
  for (const sheet of pkg.parsedSheets())
    for (const f of sheet.activeFormulas)
      add(`cellen indeholder ${f.what}. Formlen køres ikke her.`, {
        sheet: sheet.name,
        cell: f.cell,
      });
  return out;
}
