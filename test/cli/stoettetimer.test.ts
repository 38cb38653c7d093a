/**
 * `byrde opregn --pakke stoettetimer RETURNS... --json` prints the output contract (doegn,
 * leveret, timepris) with exactly the engine's numbers, and writes the report; the templates
 * come from `byrde skabelon` for any offer's name.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { unzipSync, strFromU8 } from "fflate";
import { tmpdir } from "os";
import { join } from "path";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { computeTables, tablesJson } from "../../src/domain/tables/compute";
import { fillWorkbook, renderWorkbook } from "../../src/xlsx";
import { runByrde } from "../helpers/cli";
import {
  F4_DAG,
  TILBUD,
  breakfastGroup,
  dayForm,
  f4Week,
  h4,
  i4,
  readForms,
  stoettePack,
} from "../helpers/stoettetimer";

describe("byrde with the stoettetimer pack", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "byrde-stoette-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("opregn --json equals the engine on the same returns, and writes the report", async () => {
    const forms = [...f4Week(), ...breakfastGroup(), ...h4(), ...i4()];
    const files = forms.map((f, i) => {
      const file = join(dir, `skema-${String(i + 1).padStart(2, "0")}.json`);
      writeFileSync(file, JSON.stringify(f));
      return file;
    });
    const out = join(dir, "rapport.xlsx");
    const r = await runByrde("opregn", "--pakke", "stoettetimer", ...files, "--json", "-o", out);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.pakke).toBe("stoettetimer");
    const engine = tablesJson(computeTables({ pack: stoettePack(), returns: readForms(forms) }));
    expect(json.tabeller).toEqual(engine);
    expect(json.tabeller.doegn.raekker[0]).toEqual({
      id: "AB|2024-02-12",
      dag_min: 207.5,
      dag_timer: 207.5 / 60,
      andel_1til1: (105 * 100) / 207.5,
    });
    expect(Object.keys(json.tabeller.leveret.raekker[0])).toEqual([
      "id",
      "visiteret",
      "leveret",
      "leveringsgrad",
      "afvigelse",
      "status",
      "ydelsesniveau",
      "visitationsudvalg",
    ]);
    expect(json.tabeller.timepris.raekker.map((x: { id: string }) => x.id)).toEqual([
      "Tilbud 60",
      "Tilbud 75",
      "Tilbud GIT",
    ]);
    expect(existsSync(out)).toBe(true);
  });

  it("opregn --json on filled døgnrytme workbooks (.xlsx from byrde skabelon) equals the engine on the same forms", async () => {
    const pack = stoettePack();
    const made = join(dir, "skabeloner");
    const sk = await runByrde(
      "skabelon",
      "--pakke",
      "stoettetimer",
      "--kommune",
      TILBUD,
      "-p",
      "doegnrytme",
      "-o",
      made
    );
    expect(sk.code).toBe(0);
    const template = readFileSync(join(made, "skabelon-bostedet-solhoej.xlsx"));
    const forms = [...f4Week(), ...breakfastGroup()];
    const files: string[] = [];
    for (const [i, f] of forms.entries()) {
      const filled = await fillWorkbook(template, f.felter, [pack]);
      if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
      const file = join(dir, `doegn-${String(i + 1).padStart(2, "0")}.xlsx`);
      writeFileSync(file, filled.bytes);
      files.push(file);
    }
    const r = await runByrde("opregn", "--pakke", "stoettetimer", ...files, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const engine = tablesJson(computeTables({ pack, returns: readForms(forms) }));
    expect(json.tabeller).toEqual(engine);
    // F.4's Monday and the week of the days given (not × 7).
    expect(json.tabeller.doegn.raekker[0]).toMatchObject({ id: "AB|2024-02-12", dag_min: 207.5 });
    expect(json.tabeller.doegn.raekker).toHaveLength(7 + 4);
  });

  it("a CPR-like citizen and description in a filled .xlsx: valider, læs and opregn (JSON and report) never print or store it", async () => {
    const pack = stoettePack();
    const template = await renderWorkbook(buildTemplateWorkbook(TILBUD, ["doegnrytme"], { pack }));
    const form = dayForm(TILBUD, "010190-1234", "2024-02-12", F4_DAG, [], {
      "doegnrytme.dag.1.beskrivelse": "Hjælp til 0101901234 med bad",
    });
    const filled = await fillWorkbook(template, form.felter, [pack]);
    if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
    const file = join(dir, "cpr.xlsx");
    writeFileSync(file, filled.bytes);
    const report = join(dir, "cpr-rapport.xlsx");
    const runs = [
      await runByrde("valider", file),
      await runByrde("valider", file, "--json"),
      await runByrde("læs", file, "--json"),
      await runByrde("opregn", "--pakke", "stoettetimer", file, "--json", "-o", report),
    ];
    for (const r of runs) {
      expect(r.out + r.err).not.toMatch(/010190|0101901234/);
      expect(r.out + r.err).toContain("CPR-nummer");
    }
    const parts = unzipSync(readFileSync(report));
    const text = Object.values(parts)
      .map((u) => strFromU8(u))
      .join("");
    expect(text).not.toMatch(/010190|0101901234/);
    // Without its citizen the day sheet is attributed to no one: no row.
    const json = JSON.parse(runs[3].out);
    expect(json.tabeller.doegn.raekker).toEqual([]);
  });

  it("skabelon makes a template for any offer's name; »alle« is refused for a pack without a list", async () => {
    const ok = await runByrde(
      "skabelon",
      "--pakke",
      "stoettetimer",
      "--kommune",
      "Bostedet Solhøj",
      "-p",
      "doegnrytme",
      "-o",
      dir
    );
    expect(ok.code).toBe(0);
    expect(existsSync(join(dir, "skabelon-bostedet-solhoej.xlsx"))).toBe(true);
    const all = await runByrde(
      "skabelon",
      "--pakke",
      "stoettetimer",
      "--kommune",
      "alle",
      "-o",
      dir
    );
    expect(all.code).toBe(2);
    expect(all.err).toContain("Pakken har ingen fast liste over tilbud");
  });

  it("opregn reads a CPR number as empty and never prints it", async () => {
    const file = join(dir, "cpr.json");
    const form = {
      ...f4Week()[0],
      felter: { ...f4Week()[0].felter, "doegnrytme.hoved.borger.svar": "0101901234" },
    };
    writeFileSync(file, JSON.stringify(form));
    const r = await runByrde("opregn", "--pakke", "stoettetimer", file, "--json");
    expect(r.out + r.err).not.toContain("0101901234");
    expect(r.err).toContain("CPR-nummer");
  });
});
