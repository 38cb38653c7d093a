/**
 * One verdict (issue 11 part 4): `valider` and `opregn` read and judge returns through the same
 * code (src/cli/returns.ts), so the same bad files get the same findings from both, conflicts
 * and unknown respondents included; and the exit codes are the documented ones.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { badFixtures, hostileReturns } from "../helpers/corpus";
import { runByrde } from "../helpers/cli";
import { WHOLE_CORPUS, itWith } from "../helpers/requirements";

const EX = join(__dirname, "..", "..", "examples");
const INPUTS = [
  "--landstal",
  join(EX, "landstal.json"),
  "--kommunedata",
  join(EX, "kommunedata.json"),
];

interface FileVerdict {
  fil: string;
  laest: boolean;
  indgaar: boolean;
  fund: unknown[];
}

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "byrde-dom-"));
  if (WHOLE_CORPUS.missing) return;
  const bad = await badFixtures();
  const hostile = await hostileReturns();
  // JSON returns: a good one, an unknown name, a duplicate, and one that is not JSON.
  const odense = join(dir, "odense.json");
  copyFileSync(join(EX, "returer", "odense.json"), odense);
  const j = JSON.parse(readFileSync(odense, "utf8"));
  const gotham = join(dir, "gotham.json");
  writeFileSync(gotham, JSON.stringify({ ...j, kommune: "Gotham" }));
  const igen = join(dir, "odense-igen.json");
  writeFileSync(igen, JSON.stringify(j));
  const broken = join(dir, "i-stykker.json");
  writeFileSync(broken, '{ "kommune": "Vejle", "felter": { ');
  // Every verdict, not every cost: the files that are slow by design (a million cells, 200 000
  // names) are read by test/validate/badFixtures.test.ts and test/xlsx/hostile.test.ts.
  const costly = new Set(["fil_for_mange_celler", "navne_200000"]);
  files = [
    ...bad.filter((f) => !/pakke/.test(f.name) && !costly.has(f.name)).map((f) => f.path),
    ...hostile.cases.filter((c) => !costly.has(c.name)).map((c) => c.path),
    odense,
    gotham,
    igen,
    broken,
    join(dir, "findes-ikke.xlsx"),
  ];
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("valider and opregn give one verdict", () => {
  itWith(
    WHOLE_CORPUS,
    "the same findings for every file of a set of bad files, and the same files used",
    async () => {
      const v = await runByrde("valider", ...files, "--json");
      const o = await runByrde("opregn", ...files, ...INPUTS, "--json");
      expect(v.code).toBe(1);
      expect(o.code).toBe(1);
      const fromValider = JSON.parse(v.out) as FileVerdict[];
      const fromOpregn = JSON.parse(o.out).filer as FileVerdict[];
      expect(fromValider.map((f) => f.fil)).toEqual(files);
      expect(fromOpregn).toEqual(fromValider);
      // The set holds every kind of verdict: unreadable files, conflicts, unknown names, used files.
      const rules = new Set(
        fromValider.flatMap((f) => f.fund.map((x) => (x as { regel: string }).regel))
      );
      for (const r of [
        "flere_indberetninger",
        "ukendt_kommune",
        "ulaeselig_fil",
        "fil_mangler",
        "zipbombe",
        "flettede_celler",
      ])
        expect(rules).toContain(r);
      expect(fromValider.some((f) => f.indgaar)).toBe(true);
      expect(fromValider.some((f) => f.laest && !f.indgaar)).toBe(true);
      // opregn's terminal lines name every file that could not be read.
      for (const f of fromValider.filter((x) => !x.laest))
        expect(o.err).toContain(`${f.fil}: kunne ikke læses og er ikke med:`);
    },
    300_000
  );
});

describe("exit codes", () => {
  it("0: everything read and computed", async () => {
    const returns = ["aalborg", "frederiksberg", "holbaek", "odense", "vejle"].map((k) =>
      join(EX, "returer", `${k}.json`)
    );
    expect((await runByrde("valider", ...returns)).code).toBe(0);
    expect((await runByrde("opregn", ...returns, ...INPUTS, "--json")).code).toBe(0);
  });

  it("1: a nedslagspunkt that cannot be computed, although no file has a fejl", async () => {
    const only = join(dir, "kun-ukn.json");
    const j = JSON.parse(readFileSync(join(EX, "returer", "odense.json"), "utf8"));
    const ukn = Object.fromEntries(Object.entries(j.felter).filter(([k]) => k.startsWith("ukn.")));
    writeFileSync(only, JSON.stringify({ kommune: "Odense", felter: ukn }));
    expect((await runByrde("valider", only)).code).toBe(0);
    const r = await runByrde("opregn", only, ...INPUTS, "--json");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fejl: kan ikke beregnes: .*Minimumsnormeringer/);
  });

  it("2: usage errors and input files that cannot be read", async () => {
    expect((await runByrde("opregn")).code).toBe(2);
    expect((await runByrde("valider", "--ukendt")).code).toBe(2);
    const r = await runByrde(
      "opregn",
      join(EX, "returer", "odense.json"),
      "--landstal",
      join(dir, "nej.json"),
      "--kommunedata",
      join(EX, "kommunedata.json"),
      "--json"
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(`fejl: Filen findes ikke: ${join(dir, "nej.json")}`);
  });
});
