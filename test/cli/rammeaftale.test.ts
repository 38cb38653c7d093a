/**
 * rammeaftale_li through the CLI: returns of two consecutive years (2016 and 2017, the year in the
 * field »Regnskabsår« of each return) give the output contract's tables, the same as the engine;
 * one year alone gives the year's figures with the year-before columns empty; and returns typed
 * into generated templates (skabelon → udfyld → læs → opregn) give the same tables as their JSON.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { templateFileName } from "../../src/cli/commands/skabelon";
import { builtinPack } from "../../src/domain/pakker";
import { computeTables, tablesJson } from "../../src/domain/tables/compute";
import { runByrde } from "../helpers/cli";
import { packReturn, packReturnsIn, type FelterReturn } from "../helpers/packReturns";

const EXAMPLES = join(__dirname, "..", "..", "examples", "rammeaftale_li");
const files = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => join(EXAMPLES, f));
type Row = Record<string, unknown> & { id: string };
type Out = { pakke: string; tabeller: Record<string, { kolonner: string[]; raekker: Row[] }> };
const pack = builtinPack("rammeaftale_li")!;

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "byrde-ramme-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("byrde opregn --pakke rammeaftale_li, two years", () => {
  let out: Out;
  beforeAll(async () => {
    const r = await runByrde("opregn", "--pakke", "rammeaftale_li", ...files, "--json");
    expect({ code: r.code }).toEqual({ code: 0 });
    out = JSON.parse(r.out) as Out;
  });

  it("prints the contract's tables as the engine computes them", () => {
    expect(out.pakke).toBe("rammeaftale_li");
    expect(Object.keys(out.tabeller).slice(0, 5)).toEqual([
      "takstudvikling",
      "overskud",
      "tillaeg",
      "belaegning_pct",
      "pladser",
    ]);
    expect(out.tabeller).toEqual(
      tablesJson(computeTables({ pack, returns: packReturnsIn(pack, EXAMPLES) }))
    );
  });

  it("takstudvikling: Favrskov's row and the hovedtotal (a ratio of sums); Hedensted »udgået«", () => {
    const t = out.tabeller.takstudvikling.raekker;
    const favrskov = t.find((r) => r.id === "Favrskov")!;
    expect(favrskov).toMatchObject({
      belaegning_foer: 287.9,
      regnskab_foer: 108672,
      belaegning: 292.4,
      regnskab: 118332,
    });
    expect(favrskov.pris as number).toBeCloseTo(118332000 / 292.4, 6);
    expect(favrskov.udvikling_pct as number).toBeCloseTo(7.21, 2);
    expect(t.find((r) => r.id === "Hedensted")).toMatchObject({
      udvikling_pct: null,
      grunde: { udvikling_pct: "udgået" },
    });
    expect(t.find((r) => r.id === "hovedtotal")!.udvikling_pct as number).toBeCloseTo(1.23, 2);
  });

  it("overskud, tillaeg, belaegning_pct and pladser carry the contract's ids", () => {
    const row = (t: string, id: string) => out.tabeller[t].raekker.find((r) => r.id === id)!;
    expect(row("overskud", "hovedtotal")).toMatchObject({ foer: -3383, nu: -31583 });
    expect(row("tillaeg", "hovedtotal")).toMatchObject({ foer: 232665, nu: 262143 });
    const sikrede = row("belaegning_pct", "sikrede_institutioner.sikrede");
    expect(
      [sikrede.foer as number, sikrede.nu as number].map((x) => Math.round(x * 10) / 10)
    ).toEqual([99.3, 96.7]);
    expect(row("pladser", "i_alt")).toMatchObject({
      dag_foer: 5911,
      doegn_foer: 5856,
      dag: 5567,
      doegn: 5136,
      aendring_dag: -344,
      aendring_doegn: -720,
    });
  });

  it("one year alone: the year's figures, the year-before columns empty", async () => {
    const r = await runByrde(
      "opregn",
      "--pakke",
      "rammeaftale_li",
      ...files.filter((f) => f.endsWith("-2017.json")),
      "--json"
    );
    expect(r.code).toBe(0);
    const one = JSON.parse(r.out) as Out;
    const total = one.tabeller.takstudvikling.raekker.find((x) => x.id === "hovedtotal")!;
    expect(total).toMatchObject({ regnskab: 4213355, regnskab_foer: null, udvikling_pct: null });
    expect(one.tabeller.observationer.raekker.find((x) => x.id === "takst")!.tekst).toBe(
      "Takstudviklingen kan ikke beregnes: der mangler tal for året før."
    );
  });
});

describe("skabelon → udfyld → læs → opregn", () => {
  it("Favrskov's and Hedensted's returns of both years typed into templates give the same tables as their JSON", async () => {
    const chosen = files.filter((f) => /(favrskov|hedensted)-201[67]\.json$/.test(f));
    expect(chosen).toHaveLength(4);
    const filled: string[] = [];
    for (const f of chosen) {
      const e = JSON.parse(readFileSync(f, "utf8")) as FelterReturn;
      const sub = join(dir, f.slice(-9, -5)); // one folder per year: a template is named after its driftsherre
      mkdirSync(sub, { recursive: true });
      const s = await runByrde("skabelon", "--pakke", "rammeaftale_li", "-k", e.kommune, "-o", sub);
      expect({ code: s.code, err: s.err }).toEqual({ code: 0, err: "" });
      const data = join(sub, `${e.kommune}.json`);
      writeFileSync(data, JSON.stringify({ felter: e.felter }));
      const target = join(sub, `udfyldt-${templateFileName(e.kommune)}`);
      const u = await runByrde(
        "udfyld",
        join(sub, templateFileName(e.kommune)),
        data,
        "-o",
        target
      );
      expect({ code: u.code, err: u.err }).toEqual({ code: 0, err: "" });
      filled.push(target);
    }
    const l = await runByrde("læs", filled[0], "--json");
    expect(JSON.parse(l.out)).toMatchObject({
      kommune: "Favrskov",
      pakke: "rammeaftale_li",
      felter: { "li_takst.indberetning.aar.svar": 2016, "li_takst.tilbud.1.belaegning": 287.9 },
    });
    const o = await runByrde("opregn", ...filled, "--json");
    expect(o.code).toBe(0);
    const fromJson = chosen.map((f) =>
      packReturn(pack, JSON.parse(readFileSync(f, "utf8")) as FelterReturn)
    );
    expect((JSON.parse(o.out) as Out).tabeller).toEqual(
      tablesJson(computeTables({ pack, returns: fromJson }))
    );
  });
});
