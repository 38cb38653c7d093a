/**
 * The streaming reader gives the same RawReturn as the ExcelJS reader it replaced (values as
 * ExcelJS's plainValue gave them, number formats, locations, meta, locatedBy and findings) for
 * every valid file: each template alone and all together, returns filled with the examples and
 * with a distinct value in every field, the bad fixtures (scripts/build-bad-fixtures.ts, which
 * include copies without names, inserted rows, dates, percent formats and bad files), and a
 * filled return saved again by LibreOffice. Differences that are deliberate (merged inputs,
 * formulas without a result, ISO date cells) are tested in test/xlsx/hostile.test.ts.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { badFixtures } from "../helpers/corpus";
import { ALL_FIELDS, KOMMUNER, TEMPLATES } from "../../src/domain/catalogue";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import type { RawReturn } from "../../src/domain/model";
import { fillWorkbook, readReturn, renderWorkbook } from "../../src/xlsx";
import { legacyReadReturn } from "../helpers/legacyReader";
import { sampleValues } from "../helpers/values";
import { LIBREOFFICE, WHOLE_CORPUS, itWith } from "../helpers/requirements";

interface Case {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const EXAMPLES = join(__dirname, "..", "..", "examples", "returer");
let dir: string;
const cases: Case[] = [];

async function filled(kommune: string, values: Record<string, unknown>): Promise<Uint8Array> {
  const r = await fillWorkbook(await renderWorkbook(buildTemplateWorkbook(kommune, [])), values);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.bytes;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "byrde-lig-"));
  if (WHOLE_CORPUS.missing) return;
  for (const t of TEMPLATES)
    cases.push({
      name: `skabelon ${t.id}`,
      bytes: await renderWorkbook(buildTemplateWorkbook("Aarhus", [t.id])),
    });
  cases.push({
    name: "skabelon, alle",
    bytes: await renderWorkbook(buildTemplateWorkbook(KOMMUNER[5].navn, [])),
  });
  for (const f of readdirSync(EXAMPLES).sort()) {
    const j = JSON.parse(readFileSync(join(EXAMPLES, f), "utf8"));
    cases.push({ name: `eksempel ${f}`, bytes: await filled(j.kommune, j.felter) });
  }
  cases.push({ name: "alle felter udfyldt", bytes: await filled("Vejle", sampleValues()) });
  for (const fx of await badFixtures())
    cases.push({ name: `dårlig ${fx.name}`, bytes: readFileSync(fx.path) });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** ExcelJS drops backslash escapes from number formats; the streaming reader keeps them. */
function withExcelJsNumFmt(raw: RawReturn): RawReturn {
  const cells = Object.fromEntries(
    Object.entries(raw.cells).map(([id, c]) => [
      id,
      c.numFmt ? { ...c, numFmt: c.numFmt.replace(/[\\](.)/g, "$1") } : c,
    ])
  );
  return { ...raw, cells };
}

async function compare(c: Case): Promise<string | undefined> {
  const old = await legacyReadReturn(c.bytes, c.name).catch((e: Error) => e);
  const now = await readReturn(c.bytes, c.name);
  if (old instanceof Error) {
    // The old reader threw where the guard refused (bad files): the new one refuses the same.
    return now.findings.length === 1 && now.findings[0].severity === "fejl"
      ? undefined
      : `${c.name}: gammel læser fejlede (${old.message}), ny gav ${JSON.stringify(now.findings)}`;
  }
  try {
    expect(withExcelJsNumFmt(now)).toEqual(old);
    return undefined;
  } catch (e) {
    return `${c.name}: ${(e as Error).message.slice(0, 3000)}`;
  }
}

describe("the streaming reader equals the ExcelJS reader", () => {
  itWith(
    WHOLE_CORPUS,
    "on templates, filled returns and the bad fixtures",
    async () => {
      expect(cases.length).toBeGreaterThan(50);
      const failures: string[] = [];
      for (const c of cases) {
        const f = await compare(c);
        if (f) failures.push(f);
      }
      expect(failures).toEqual([]);
    },
    180_000
  );

  itWith(
    LIBREOFFICE,
    "on a filled return saved again by LibreOffice",
    async () => {
      const work = mkdtempSync(join(tmpdir(), "byrde-lig-lo-"));
      try {
        writeFileSync(join(work, "ind.xlsx"), await filled("Odense", sampleValues()));
        const res = spawnSync(
          "soffice",
          [
            `-env:UserInstallation=file://${join(work, "profil")}`,
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            join(work, "ud"),
            join(work, "ind.xlsx"),
          ],
          { encoding: "utf8", timeout: 120_000 }
        );
        expect(res.status).toBe(0);
        const bytes = readFileSync(join(work, "ud", "ind.xlsx"));
        expect(await compare({ name: "LibreOffice", bytes })).toBeUndefined();
        expect(Object.keys((await readReturn(bytes)).cells).length).toBe(ALL_FIELDS.size);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    150_000
  );
});
