/**
 * The two seed packs through the CLI: `byrde opregn --pakke … --json` on the example returns gives
 * Bilag 1 (kkr_kapacitet) and the converted potentials (regelforenkling) with the engine's tables,
 * and the same returns typed into generated templates (skabelon → udfyld → læs → valider → opregn)
 * give the same tables.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { templateFileName } from "../../src/cli/commands/skabelon";
import { builtinPack } from "../../src/domain/pakker";
import { computeTables, tablesJson } from "../../src/domain/tables/compute";
import { runByrde } from "../helpers/cli";
import { packReturnsIn, type FelterReturn } from "../helpers/packReturns";

const EXAMPLES = join(__dirname, "..", "..", "examples");
const KKR = join(EXAMPLES, "kkr_kapacitet");
const RF = join(EXAMPLES, "regelforenkling");
const jsonFiles = (d: string) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(d, f));
type Table = { kolonner: string[]; raekker: Record<string, unknown>[] };
const engine = (id: string, dir: string) => {
  const pack = builtinPack(id)!;
  return tablesJson(computeTables({ pack, returns: packReturnsIn(pack, dir) }));
};

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "byrde-seed-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("byrde katalog --pakke", () => {
  it.each([
    ["kkr_kapacitet", "kkr_kapacitet.behov.autisme.<år> (antal): Autisme i svær/massiv grad"],
    ["regelforenkling", "regelforenkling.forslag.<n>.pot_enhed (valg): Enhed"],
  ])("%s lists its fields", async (id, line) => {
    const r = await runByrde("katalog", "--pakke", id);
    expect(r.code).toBe(0);
    expect(r.out).toContain(line);
  });
});

describe("kkr_kapacitet through byrde opregn --json", () => {
  let out: { pakke: string; tabeller: Record<string, Table> };
  beforeAll(async () => {
    const r = await runByrde("opregn", ...jsonFiles(KKR), "--pakke", "kkr_kapacitet", "--json");
    expect({ code: r.code }).toEqual({ code: 0 });
    out = JSON.parse(r.out);
  });

  it("prints the pack's tables as the engine computes them", () => {
    expect(out.pakke).toBe("kkr_kapacitet");
    expect(out.tabeller).toEqual(engine("kkr_kapacitet", KKR));
  });

  it("bilag1: Bilag 1's totals, ranges, gaps, X counts and statuses, and 221 planned in all", () => {
    const rows = Object.fromEntries(out.tabeller.bilag1.raekker.map((r) => [r.id, r]));
    const pick = (id: string) => {
      const { planlagt_i_alt, behov_min, behov_max, gab_min, gab_max, villige, status } = rows[id] as Record<string, unknown>;
      return [planlagt_i_alt, behov_min, behov_max, gab_min, gab_max, villige, status];
    };
    expect(pick("autisme")).toEqual([88, 33, 47, -55, -41, 3, "Dækket"]);
    expect(pick("uh")).toEqual([61, 28, 58, -33, -3, 0, "Dækket"]);
    expect(pick("uh_dom")).toEqual([0, 27, 32, 27, 32, 0, "Udækket"]);
    expect(pick("dobbeltdiagnose")).toEqual([4, 48, 60, 44, 56, 1, "Udækket"]);
    expect(pick("andet_unge")).toEqual([0, 5, 14, 5, 14, 0, "Udækket"]);
    expect(rows.senhjerneskade).toMatchObject({ planlagt_i_alt: 10, behov_min: null, status: "Intet købsbehov angivet" });
    expect(rows.i_alt).toMatchObject({ planlagt_i_alt: 221, villige: 7 });
    expect(rows.autisme.sammenfatning).toContain(
      "etablering af 88 nye pladser i de syddanske kommuner og Region Syddanmark i de kommende år. Blandt de kommuner, der har angivet et behov for eksterne køb af pladser til målgruppen, er behovet angivet til imellem 33 og 47 pladser i årene 2024, 2025 og 2026."
    );
  });

  it("reads each return with the pack it names, so --pakke may be left out", async () => {
    const r = await runByrde("opregn", ...jsonFiles(KKR), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tabeller).toEqual(out.tabeller);
  });

  it("skabelon → udfyld → læs → valider → opregn: the filled templates give the same tables", async () => {
    const examples = jsonFiles(KKR).map((f) => JSON.parse(readFileSync(f, "utf8")) as FelterReturn);
    const s = await runByrde("skabelon", "--pakke", "kkr_kapacitet", "-k", ...examples.map((e) => e.kommune), "-o", dir);
    expect({ code: s.code, err: s.err }).toEqual({ code: 0, err: "" });
    const filled: string[] = [];
    for (const e of examples) {
      const data = join(dir, `${e.kommune}.json`);
      writeFileSync(data, JSON.stringify({ felter: e.felter }));
      const target = join(dir, `udfyldt-${templateFileName(e.kommune)}`);
      const u = await runByrde("udfyld", join(dir, templateFileName(e.kommune)), data, "-o", target);
      expect({ code: u.code, err: u.err }).toEqual({ code: 0, err: "" });
      filled.push(target);
    }
    const middelfart = filled.find((f) => f.includes("middelfart"))!;
    const l = await runByrde("læs", middelfart, "--json");
    expect(JSON.parse(l.out)).toMatchObject({
      kommune: "Middelfart",
      pakke: "kkr_kapacitet",
      felter: { "kkr_kapacitet.planlagt.dobbeltdiagnose.2023": 4, "kkr_kapacitet.vilje.dobbeltdiagnose.2023": "x" },
    });
    const v = await runByrde("valider", ...filled, "--json");
    expect(v.code).toBe(0);
    const validated = JSON.parse(v.out) as { fund: unknown[] }[];
    expect(validated.flatMap((x) => x.fund)).toEqual([]);
    const o = await runByrde("opregn", ...filled, "--json");
    expect(o.code).toBe(0);
    expect(JSON.parse(o.out).tabeller).toEqual(out.tabeller);
  });
});

describe("regelforenkling through byrde opregn --json", () => {
  let out: { pakke: string; tabeller: Record<string, Table> };
  beforeAll(async () => {
    const r = await runByrde("opregn", join(RF, "kl.json"), "--json");
    expect(r.code).toBe(0);
    out = JSON.parse(r.out);
  });

  it("prints the pack's tables as the engine computes them", () => {
    expect(out.pakke).toBe("regelforenkling");
    expect(out.tabeller).toEqual(engine("regelforenkling", RF));
  });

  it("potentialer: one row per quantified proposal (id = nr) with timer, aarsvaerk and kr", () => {
    const rows = Object.fromEntries(out.tabeller.potentialer.raekker.map((r) => [r.id, r]));
    expect(rows["55"]).toMatchObject({ timer: 580, kr: (1160 * 550000) / 2800 });
    expect(rows["55"].aarsvaerk).toBeCloseTo(0.414, 3);
    expect(rows["4"]).toMatchObject({ aarsvaerk_lav: 98, aarsvaerk_hoej: 196 });
    expect(rows["9"]).toMatchObject({ kr_lav: 12e6, kr_hoej: 24e6 });
    const pakker = Object.fromEntries(out.tabeller.pakker.raekker.map((r) => [r.id, r.forslag]));
    expect(pakker).toEqual({ 1: 3, 2: 22, 3: 16, 4: 20, 5: 1, 6: 11, i_alt: 73 });
  });

  it("takes the consultant's settings (--indstillinger): 600 000 kr. pr. årsværk makes nr. 9's 12 mio. kr. 20 årsværk", async () => {
    const file = join(dir, "indstillinger.json");
    writeFileSync(file, JSON.stringify({ loen_pr_aarsvaerk: 600000 }));
    const r = await runByrde("opregn", join(RF, "kl.json"), "--indstillinger", file, "--json");
    expect(r.code).toBe(0);
    const row = (JSON.parse(r.out).tabeller.potentialer as Table).raekker.find((x) => x.id === "9")!;
    expect(row).toMatchObject({ aarsvaerk_lav: 20, aarsvaerk_hoej: 40, kr_lav: 12e6 });
  });

  it("skabelon → udfyld → valider → opregn: the register typed into a template gives the same tables", async () => {
    const s = await runByrde("skabelon", "--pakke", "regelforenkling", "-k", "KL", "-o", dir);
    expect(s.code).toBe(0);
    const target = join(dir, "kl-udfyldt.xlsx");
    const u = await runByrde("udfyld", join(dir, templateFileName("KL")), join(RF, "kl.json"), "-o", target);
    expect({ code: u.code, err: u.err }).toEqual({ code: 0, err: "" });
    const v = await runByrde("valider", target, "--json");
    expect(v.code).toBe(0);
    expect((JSON.parse(v.out) as { fund: { regel: string }[] }[])[0].fund.map((f) => f.regel)).toEqual(["spaend_ikke_lineaere"]);
    const o = await runByrde("opregn", target, "--json");
    expect(o.code).toBe(0);
    expect(JSON.parse(o.out).tabeller).toEqual(out.tabeller);
  });
});
