/**
 * `byrde pakke tjek|skema|vis`, `byrde pakker`, and a pack that exists only as a test file going
 * through the whole CLI: skabelon → udfyld → læs → valider → opregn --json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BUILTIN_PACK_IDS } from "../../src/domain/pakker";
import { computeTables, tablesJson } from "../../src/domain/tables/compute";
import { runByrde } from "../helpers/cli";
import { UGESKEMA_FILE, UGESKEMA_VALUES, ugeskemaPack, ugeskemaReturns } from "../helpers/ugeskema";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "byrde-pakke-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("byrde pakker and pakke", () => {
  it("lists the built-in packs", async () => {
    const r = await runByrde("pakker");
    expect(r.code).toBe(0);
    for (const id of BUILTIN_PACK_IDS) expect(r.out).toContain(id);
  });

  it.each(BUILTIN_PACK_IDS.map((id) => [id]))("tjek passes the built-in pack %s", async (id) => {
    const r = await runByrde("pakke", "tjek", id);
    expect(r.code).toBe(0);
    expect(r.out).toContain("i orden");
  });

  it("tjek passes the test pack file", async () => {
    const r = await runByrde("pakke", "tjek", UGESKEMA_FILE);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    expect(r.out).toContain("pakken »ugeskema_test« er i orden");
  });

  it("skema prints a JSON Schema an editor can use", async () => {
    const r = await runByrde("pakke", "skema");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.title).toBe("Byrdeberegner-pakke");
    expect(s.properties.skabeloner.type).toBe("array");
  });

  it("vis prints a built-in pack as the JSON a new pack can start from", async () => {
    const r = await runByrde("pakke", "vis", "kl2024");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).id).toBe("kl2024");
  });
});

/** A broken pack: the test pack with one thing spoiled, and the one located message it must give. */
interface Broken {
  readonly name: string;
  readonly spoil: (p: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly path: string;
  readonly message: string;
}

const base = () => JSON.parse(readFileSync(UGESKEMA_FILE, "utf8"));
const table = (p: Record<string, any>, id: string) => p.rapport.tabeller.find((t: { id: string }) => t.id === id); // eslint-disable-line @typescript-eslint/no-explicit-any

const BROKEN: readonly Broken[] = [
  {
    name: "an unknown key (typo)",
    spoil: (p) => (p.skabeloner[0].kortnavnn = "Uge"),
    path: "skabeloner[0]",
    message: "Ukendt nøgle: \"kortnavnn\"",
  },
  {
    name: "an id that is not lower-case ASCII",
    spoil: (p) => (p.skabeloner[0].blokke[0].id = "Besøg"),
    path: "skabeloner[0].blokke[0].id",
    message: "et id skal være små bogstaver",
  },
  {
    name: "a version not written yyyymmddNN",
    spoil: (p) => (p.version = 2026),
    path: "version",
    message: "versionen skrives yyyymmddNN",
  },
  {
    name: "two rows with one id",
    spoil: (p) => p.skabeloner[0].blokke[0].raekker.push({ id: "antal", etiket: "Igen", type: "antal" }),
    path: "skabeloner[0].blokke[0].raekker[2].id",
    message: "rækken »antal« findes to gange",
  },
  {
    name: "a block on an axis that does not exist",
    spoil: (p) => (p.skabeloner[0].blokke[0].akse = "uger"),
    path: "skabeloner[0].blokke[0].akse",
    message: "aksen »uger« findes ikke",
  },
  {
    name: "a choice field without answers",
    spoil: (p) => delete p.skabeloner[0].blokke[1].felter[3].valg,
    path: "skabeloner[0].blokke[1].felter[3].valg",
    message: "skal have sine svarmuligheder",
  },
  {
    name: "a reference to a block the template lacks",
    spoil: (p) => (table(p, "teams").kolonner[0].udtryk = "SUM(uge.besoeg.antal.*)"),
    path: "rapport.tabeller[0].kolonner[0].udtryk",
    message: "skabelonen »uge« har ingen blok »besoeg«",
  },
  {
    name: "a name that is neither setting, calculation nor column",
    spoil: (p) => (p.beregninger[1].udtryk = "SUM(uge.besog.minutter.*) / minutter_pr_time"),
    path: "beregninger[1].udtryk",
    message: "navnet »minutter_pr_time« er hverken en indstilling, en beregning eller en kolonne her",
  },
  {
    name: "text in a sum (kinds that do not fit)",
    spoil: (p) => (table(p, "teams").kolonner[3].udtryk = "SUM(uge.opgaver.*.type)"),
    path: "rapport.tabeller[0].kolonner[3].udtryk",
    message: "argumentet til SUM skal være et tal, men er en tekst",
  },
  {
    name: "a list where one value is needed",
    spoil: (p) => (table(p, "dage").kolonner[0].udtryk = "uge.besog.antal.{række}"),
    path: "rapport.tabeller[1].kolonner[0].udtryk",
    message: "udtrykket skal give én værdi, men giver en liste over respondenterne",
  },
  {
    name: "two columns that depend on each other",
    spoil: (p) => {
      table(p, "teams").kolonner[0].udtryk = "minutter / 2";
      table(p, "teams").kolonner[1].udtryk = "besog * 2";
    },
    path: "rapport.tabeller[0].kolonner[0].udtryk",
    message: "kolonnerne afhænger af hinanden i ring: besog → minutter → besog",
  },
  {
    name: "an expression that cannot be read",
    spoil: (p) => (p.beregninger[0].udtryk = "SUM(uge.besog.minutter.*"),
    path: "beregninger[0].udtryk",
    message: "udtrykket kan ikke læses: her forventes »;« eller »)« efter et argument",
  },
  {
    name: "a rule on a record field that does not exist",
    spoil: (p) => (p.skabeloner[0].regler[0].felt = "minuter"),
    path: "skabeloner[0].regler[0].felt",
    message: "posten i »uge.opgaver« har intet felt »minuter«",
  },
];

describe("byrde pakke tjek on broken packs", () => {
  it.each(BROKEN.map((b) => [b.name, b] as const))("%s: one located Danish message, exit 2", async (_n, b) => {
    const p = base();
    b.spoil(p);
    const file = join(dir, `${b.name.replace(/\W+/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(p, null, 2));
    const r = await runByrde("pakke", "tjek", file);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n").filter((l) => !l.startsWith("fejl:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${b.path}: `);
    expect(lines[0]).toContain(b.message);
  });

  it("a file that is not JSON names the line", async () => {
    const file = join(dir, "ikke-json.json");
    writeFileSync(file, '{\n  "id": "x",\n  "navn": "y"\n  "version": 1\n}');
    const r = await runByrde("pakke", "tjek", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("filen er ikke gyldig JSON (linje 4");
  });

  it("the checks also run when a pack is loaded for a command", async () => {
    const p = base();
    BROKEN[6].spoil(p);
    const file = join(dir, "brudt.json");
    writeFileSync(file, JSON.stringify(p));
    const r = await runByrde("katalog", "--pakke", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("skabelonen »uge« har ingen blok »besoeg«");
  });
});

describe("a pack that exists only as a test file, through the whole CLI", () => {
  it("skabelon → udfyld → læs → valider → opregn --json gives the engine's tables", async () => {
    const files: string[] = [];
    for (const [team, values] of Object.entries(UGESKEMA_VALUES)) {
      const s = await runByrde("skabelon", "--pakke", UGESKEMA_FILE, "-k", team, "-o", dir);
      expect(s.code).toBe(0);
      const slug = team.toLowerCase().replace("ø", "oe").replace(/\s+/g, "-");
      const template = join(dir, `skabelon-${slug}.xlsx`);
      const data = join(dir, `${slug}.json`);
      writeFileSync(data, JSON.stringify({ felter: values }));
      const filled = join(dir, `${slug}.xlsx`);
      const u = await runByrde("udfyld", template, data, "-o", filled, "--pakke", UGESKEMA_FILE);
      expect({ code: u.code, err: u.err }).toEqual({ code: 0, err: "" });
      files.push(filled);
    }
    const l = await runByrde("læs", files[0], "--json", "--pakke", UGESKEMA_FILE);
    expect(l.code).toBe(0);
    const read = JSON.parse(l.out);
    expect(read.pakke).toBe("ugeskema_test");
    expect(read.felter["uge.opgaver.1.dato"]).toBe("2024-02-15");
    expect(read.felter["uge.opgaver.1.start"]).toBe("07:30");
    expect(read.felter["uge.opgaver.1.type"]).toBe("telefon");
    expect(read.felter["uge.opgaver.1.saldo"]).toBe(-250);
    expect(read.felter["uge.opgaver.4.type"]).toBeUndefined(); // empty records are skipped
    const v = await runByrde("valider", ...files, "--pakke", UGESKEMA_FILE);
    expect(v.code).toBe(0);
    const o = await runByrde("opregn", ...files, "--pakke", UGESKEMA_FILE, "--json");
    expect(o.code).toBe(0);
    const json = JSON.parse(o.out);
    expect(json.pakke).toBe("ugeskema_test");
    expect(json.tabeller).toEqual(tablesJson(computeTables({ pack: ugeskemaPack(), returns: ugeskemaReturns() })));
  });
});
