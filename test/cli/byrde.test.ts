import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ALL_FIELDS, KOMMUNER, NEDSLAGSPUNKTER, TEMPLATES } from "../../src/domain/catalogue";
import { byrde } from "../helpers/cli";
import { sampleValues } from "../helpers/values";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("byrde katalog", () => {
  it("--json lists every field id of the catalogue", async () => {
    const r = await byrde("katalog", "--json");
    expect(r.code).toBe(0);
    const k = JSON.parse(r.out);
    expect(k.skabeloner.map((t: { id: string }) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    const ids = k.skabeloner.flatMap(
      (t: {
        blokke: Array<{ raekker: Array<{ felter: string[] }> }>;
        tekster: Array<{ id: string }>;
      }) => [
        ...t.blokke.flatMap((b) => b.raekker.flatMap((row) => row.felter)),
        ...t.tekster.map((x) => x.id),
      ]
    );
    expect(ids.sort()).toEqual([...ALL_FIELDS.keys()].sort());
  });
});

describe("byrde skabelon", () => {
  it("writes one file per municipality with the chosen nedslagspunkter", async () => {
    const out = join(dir, "ok");
    const r = await byrde(
      "skabelon",
      "--kommune",
      "Aarhus",
      "høje-taastrup",
      "--punkter",
      "magt",
      "-o",
      out,
      "--kontakt-navn",
      "Kontakt"
    );
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "skabelon-aarhus.xlsx",
      "skabelon-hoeje-taastrup.xlsx",
    ]);
    const l = await byrde("læs", join(out, "skabelon-hoeje-taastrup.xlsx"), "--json");
    expect(l.code).toBe(0);
    const parsed = JSON.parse(l.out);
    expect(parsed.kommune).toBe("Høje-Taastrup");
    expect(parsed.skabelon).toBe(
      NEDSLAGSPUNKTER.find((n) => n.id === "magt")!.templates.join(",")
    );
  });

  it("rejects an unknown municipality with exit code 2, a suggestion, and writes nothing", async () => {
    const out = join(dir, "ukendt-kommune");
    const r = await byrde("skabelon", "--kommune", "Aarhus", "Atlantis", "-o", out);
    expect(r.code).toBe(2);
    // A suggestion where a name is close, never a dump of the 98 names (issue 11).
    expect(r.err).toContain("Ukendt kommune: »Atlantis« er ikke en af de 98 kommuner.");
    expect(KOMMUNER.filter((k) => r.err.includes(k.navn))).toEqual([]);
    expect(existsSync(out)).toBe(false);
    const typo = await byrde("skabelon", "--kommune", "Arhus", "-o", out);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain("»Arhus« er ikke en af de 98 kommuner. Mente du »Aarhus«?");
  });

  it("rejects an unknown nedslagspunkt with exit code 2, the valid ids, and writes nothing", async () => {
    const out = join(dir, "ukendt-punkt");
    const r = await byrde("skabelon", "--kommune", "Aarhus", "--punkter", "ukn,trafik", "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Ukendt nedslagspunkt eller skabelon: trafik");
    for (const t of TEMPLATES) expect(r.err).toContain(t.id);
    expect(existsSync(out)).toBe(false);
  });
});

describe("byrde udfyld and læs", () => {
  let template: string;
  beforeAll(async () => {
    const r = await byrde("skabelon", "--kommune", "Vejle", "-o", join(dir, "alle"));
    expect(r.code).toBe(0);
    template = join(dir, "alle", "skabelon-vejle.xlsx");
  });

  it("fills every field of every template and reads exactly those values back ({ felter } form)", async () => {
    const values = sampleValues();
    writeFileSync(join(dir, "data.json"), JSON.stringify({ felter: values }));
    const ud = join(dir, "udfyldt.xlsx");
    const f = await byrde("udfyld", template, join(dir, "data.json"), "-o", ud);
    expect(f.err).toBe("");
    expect(f.code).toBe(0);
    const l = await byrde("laes", ud, "--json");
    expect(l.code).toBe(0);
    const parsed = JSON.parse(l.out);
    expect(parsed.kommune).toBe("Vejle");
    expect(parsed.skabelon).toBe(TEMPLATES.map((t) => t.id).join(","));
    expect(parsed.felter).toEqual(values);
  });

  it("accepts a flat { id: value } file", async () => {
    writeFileSync(
      join(dir, "flad.json"),
      JSON.stringify({ "ukn.hovedsager.timer_pr_sag.2021": 7 })
    );
    const ud = join(dir, "flad.xlsx");
    expect((await byrde("udfyld", template, join(dir, "flad.json"), "-o", ud)).code).toBe(0);
    const read = await byrde("læs", ud, "--json");
    expect(JSON.parse(read.out).felter["ukn.hovedsager.timer_pr_sag.2021"]).toBe(7);
  });

  it("rejects unknown ids and wrong kinds with exit code 2, naming each id, and writes nothing", async () => {
    writeFileSync(
      join(dir, "forkert.json"),
      JSON.stringify({ felter: { "ukn.findes_ikke": 1, "ukn.volumen.hovedsager.2019": "tre" } })
    );
    const ud = join(dir, "forkert.xlsx");
    const r = await byrde("udfyld", template, join(dir, "forkert.json"), "-o", ud);
    expect(r.code).toBe(2);
    expect(r.err).toContain("ukn.findes_ikke");
    expect(r.err).toContain("ukn.volumen.hovedsager.2019");
    expect(r.err).toContain("intet er skrevet");
    expect(existsSync(ud)).toBe(false);
  });

  it("rejects a DATA file that is not JSON, and a missing file, with exit code 2", async () => {
    writeFileSync(join(dir, "ikke.json"), "{ ikke json");
    const r = await byrde("udfyld", template, join(dir, "ikke.json"), "-o", join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("er ikke gyldig JSON");
    const m = await byrde("læs", join(dir, "findes-ikke.xlsx"));
    expect(m.code).toBe(2);
    expect(m.err).toContain("Filen findes ikke");
  });

  it("answers usage errors in Danish with exit code 2", async () => {
    const r = await byrde("foo");
    expect(r.code).toBe(2);
    expect(r.err).toContain("ukendt kommando 'foo'");
    const u = await byrde("udfyld", template, "-o", join(dir, "y.xlsx"));
    expect(u.code).toBe(2);
    expect(u.err).toContain("argumentet 'data' mangler");
  });
});

describe("byrde læs on hand-typed values", () => {
  it("reads text typed into number cells leniently, as validation does, and reports it on stderr", async () => {
    const { loadWorkbook, workbookBytes, renderWorkbook } = await import("../../src/xlsx");
    const { buildTemplateWorkbook, namedCells } = await import("../../src/domain/layout");
    const plan = buildTemplateWorkbook("Odense", ["ukn"]);
    const wb = await loadWorkbook(await renderWorkbook(plan));
    const at = namedCells(plan).get("ukn.hovedsager.timer_pr_sag.2019")!;
    wb.getWorksheet(at.sheet)!.getCell(at.cell).value = "12,5";
    const file = join(dir, "haandtastet.xlsx");
    writeFileSync(file, await workbookBytes(wb));
    const r = await byrde("læs", file, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).felter["ukn.hovedsager.timer_pr_sag.2019"]).toBe(12.5);
    expect(r.err).toContain("12,5");
  });
});

describe("byrde læs on a file that is no template", () => {
  it("fails with exit code 2 and a Danish message", async () => {
    const file = join(dir, "ikke-excel.xlsx");
    writeFileSync(file, "dette er ikke en excel-fil");
    const r = await byrde("læs", file, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^fejl: .*ikke-excel\.xlsx: /);
  });
});
