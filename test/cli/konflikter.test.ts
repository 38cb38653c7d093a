/**
 * Respondents through the CLI: an unknown name and two returns from one municipality are shown
 * by `valider` and `opregn` (terminal, --json and the report's Valideringslog), neither return
 * of a conflict is used until `--vaelg` chooses, and the exit codes say so.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadWorkbook } from "../../src/xlsx";
import { runByrde } from "../helpers/cli";

const EX = join(__dirname, "..", "..", "examples");
const INPUTS = [
  "--landstal",
  join(EX, "landstal.json"),
  "--kommunedata",
  join(EX, "kommunedata.json"),
  "--indstillinger",
  join(EX, "indstillinger.json"),
];

let dir: string;
let base: string[];
let odense: string;
let rettet: string;
let gotham: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-konflikt-"));
  base = ["aalborg", "frederiksberg", "holbaek", "vejle"].map((k) => {
    const p = join(dir, `${k}.json`);
    copyFileSync(join(EX, "returer", `${k}.json`), p);
    return p;
  });
  odense = join(dir, "odense.json");
  copyFileSync(join(EX, "returer", "odense.json"), odense);
  const j = JSON.parse(readFileSync(odense, "utf8"));
  rettet = join(dir, "odense-rettet.json");
  writeFileSync(rettet, JSON.stringify({ ...j, felter: { ...j.felter, "ukn.hovedsager.timer_pr_sag.2019": 56 } }));
  gotham = join(dir, "gotham.json");
  writeFileSync(gotham, JSON.stringify({ ...j, kommune: "Gotham" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const conflictText = (a: string, b: string) =>
  `der er 2 indberetninger fra kommunen Odense, som dækker det samme (ukn, barometre, normering, tilsyn, kvalitet, parallel, magt_voksen, magt_aeldre, mitid, gdpr): ${a} og ${b}. Ingen af dem indgår i beregningerne, før der er valgt. Vælg med --vaelg Odense=odense.json (eller en af de andre).`;

describe("two returns from one municipality", () => {
  it("valider: a fejl on both files, shown once in the terminal, exit 1", async () => {
    const r = await runByrde("valider", ...base, odense, rettet);
    expect(r.code).toBe(1);
    expect(r.out).toContain("== Flere indberetninger fra samme kommune ==");
    expect(r.out.split(conflictText(odense, rettet)).length - 1).toBe(1);
    expect(r.out).toContain("I alt: 6 filer, 2 med fejl, 4 uden fejl.");
  });

  it("valider --json: the conflict in both files' findings, and neither is used", async () => {
    const r = await runByrde("valider", ...base, odense, rettet, "--json");
    const j = JSON.parse(r.out);
    const of = (f: string) => j.find((x: { fil: string }) => x.fil === f);
    for (const f of [odense, rettet]) {
      expect(of(f).indgaar).toBe(false);
      expect(of(f).fund.filter((x: { regel: string }) => x.regel === "flere_indberetninger")).toEqual([
        expect.objectContaining({ alvor: "fejl", besked: conflictText(odense, rettet) }),
      ]);
    }
    expect(of(base[0]).indgaar).toBe(true);
  });

  it("opregn: the conflict in the terminal and the JSON, Odense in no nedslagspunkt, exit 1", async () => {
    const r = await runByrde("opregn", ...base, odense, rettet, ...INPUTS, "--json");
    expect(r.code).toBe(1);
    expect(r.err).toContain(conflictText(odense, rettet));
    expect(r.err).toContain(`Odense (${odense}): 10 skabeloner, 1 fejl, 0 advarsler. Indgår ikke i beregningerne.`);
    expect(r.err).toMatch(/fejl: 2 indberetninger har fejl/);
    const j = JSON.parse(r.out);
    for (const n of j.nedslagspunkter) expect(n.kommuner).not.toContain("Odense");
    expect(j.filer.map((f: { fil: string; indgaar: boolean }) => [f.fil, f.indgaar])).toEqual([
      ...base.map((f) => [f, true]),
      [odense, false],
      [rettet, false],
    ]);
  });

  it("opregn -o: the report's Valideringslog holds the conflict", async () => {
    const out = join(dir, "overblik.xlsx");
    const r = await runByrde("opregn", ...base, odense, rettet, ...INPUTS, "-o", out);
    expect(r.code).toBe(1);
    const ws = (await loadWorkbook(readFileSync(out))).getWorksheet("Valideringslog")!;
    const rows: string[] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String).join(" | ")));
    const hits = rows.filter((x) => x.includes("flere_indberetninger"));
    expect(hits).toHaveLength(2);
    expect(hits[0]).toContain(conflictText(odense, rettet));
  });

  it("--vaelg chooses: the chosen file is used, the other is an info, exit 0", async () => {
    const v = await runByrde("valider", ...base, odense, rettet, "--vaelg", "Odense=odense-rettet.json");
    expect(v.code).toBe(0);
    expect(v.out).toContain(
      `info  ${odense}: bruges ikke: for Odense er ${rettet} valgt blandt 2 indberetninger, der dækker det samme`
    );
    const o = await runByrde("opregn", ...base, odense, rettet, ...INPUTS, "--json", "--vaelg", `Odense=${rettet}`);
    expect(o.code).toBe(0);
    const j = JSON.parse(o.out);
    expect(j.nedslagspunkter.find((n: { id: string }) => n.id === "ukn").kommuner).toContain("Odense");
    expect(j.filer.find((f: { fil: string }) => f.fil === rettet).indgaar).toBe(true);
    expect(j.filer.find((f: { fil: string }) => f.fil === odense).indgaar).toBe(false);
  });

  it("a --vaelg that names no such respondent or file is a usage error (exit 2), with a suggestion", async () => {
    const a = await runByrde("valider", odense, rettet, "--vaelg", "Odnese=odense.json");
    expect(a.code).toBe(2);
    expect(a.err).toContain("»Odnese« er ikke en af pakkens kommuner. Mente du »Odense«?");
    const b = await runByrde("valider", odense, rettet, "--vaelg", "Odense");
    expect(b.code).toBe(2);
    expect(b.err).toContain("--vaelg skal skrives NAVN=FIL");
  });
});

describe("a return from no municipality on the list", () => {
  it("valider: fejl with no suggestion for Gotham; opregn leaves it out of every figure", async () => {
    const v = await runByrde("valider", gotham, "--json");
    expect(v.code).toBe(1);
    const f = JSON.parse(v.out)[0].fund.find((x: { regel: string }) => x.regel === "ukendt_kommune");
    expect(f.alvor).toBe("fejl");
    expect(f.besked).not.toContain("Mente du");
    const o = await runByrde("opregn", ...base, gotham, ...INPUTS, "--json");
    expect(o.code).toBe(1);
    expect(o.err).toContain(`Gotham (${gotham}): 10 skabeloner, 1 fejl, 0 advarsler. Indgår ikke i beregningerne.`);
    const j = JSON.parse(o.out);
    for (const n of j.nedslagspunkter) expect(n.kommuner).not.toContain("Gotham");
  });
});
