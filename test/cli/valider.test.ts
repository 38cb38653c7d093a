import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { fillWorkbook, renderWorkbook } from "../../src/xlsx";

let dir: string;
const good: Record<string, number> = {};
for (const y of [2019, 2020, 2021, 2022, 2023]) {
  Object.assign(good, {
    [`ukn.volumen.sager_i_alt.${y}`]: 12,
    [`ukn.volumen.hovedsager.${y}`]: 10,
    [`ukn.volumen.genindbringelsessager.${y}`]: 2,
    [`ukn.hovedsager.timer_pr_sag.${y}`]: 40,
    [`ukn.genindbringelse.timer_pr_sag.${y}`]: 20,
  });
}

async function write(
  name: string,
  values: Record<string, number>,
  kommune = "Aarhus"
): Promise<string> {
  const r = await fillWorkbook(
    await renderWorkbook(buildTemplateWorkbook(kommune, ["ukn"])),
    values
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const path = join(dir, name);
  writeFileSync(path, r.bytes);
  return path;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(["node", "byrde", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let okFile: string;
let badFile: string;
let csvFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "byrde-valider-"));
  okFile = await write("aarhus.xlsx", good);
  // Another municipality: two returns from one would be a conflict (test/cli/konflikter.test.ts).
  badFile = await write("forkert.xlsx", { ...good, "ukn.volumen.sager_i_alt.2021": 14 }, "Odense");
  csvFile = join(dir, "tal.xlsx");
  writeFileSync(csvFile, "kommune;timer\nAarhus;40\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("byrde valider", () => {
  it("a clean return: exit 0, no findings and a summary line", async () => {
    const r = await run("valider", okFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Ingen fund.");
    expect(r.out).toContain(`${okFile}: Aarhus, ukn: 0 fejl, 0 advarsler, 0 info.`);
  });

  it("a fejl: exit 1, the finding in the table with its cell", async () => {
    const r = await run("valider", badFile);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /fejl\s+ukn_sager_sum\s+UKN Data!E\d+\s+Hovedsager og genindbringelsessager/
    );
    expect(r.out).toContain(`${badFile}: Odense, ukn: 1 fejl, 0 advarsler, 0 info.`);
    expect(r.err).toContain("1 af 1 fil har fejl.");
  });

  it("several files, one not an .xlsx: one Danish error for it, the others still validated", async () => {
    const r = await run("valider", csvFile, okFile, badFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `${csvFile}: kunne ikke læses: Filen er en tekstfil (fx CSV), ikke en Excel-projektmappe (.xlsx).`
    );
    expect(r.out).toContain(`${okFile}: Aarhus, ukn: 0 fejl`);
    expect(r.out).toContain(`${badFile}: Odense, ukn: 1 fejl`);
    expect(r.out).toContain("I alt: 3 filer, 2 med fejl, 1 uden fejl.");
    expect(r.out.split(`== ${csvFile} ==`)[1].split("==")[0].trim().split("\n")).toHaveLength(4);
  });

  it("a missing file is reported like a bad file, not a crash", async () => {
    const r = await run("valider", join(dir, "findes-ikke.xlsx"), okFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain("findes-ikke.xlsx: kunne ikke læses: Filen findes ikke.");
    expect(r.out).toContain(`${okFile}: Aarhus, ukn: 0 fejl`);
  });

  it("--json: one list with an entry per file, nothing else on stdout", async () => {
    const r = await run("valider", "--json", okFile, badFile, csvFile);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(
      j.map((x: { fil: string; fejl: number; laest: boolean }) => [x.fil, x.fejl, x.laest])
    ).toEqual([
      [okFile, 0, true],
      [badFile, 1, true],
      [csvFile, 1, false],
    ]);
    expect(j[1].fund[0]).toMatchObject({
      regel: "ukn_sager_sum",
      alvor: "fejl",
      ark: "UKN Data",
      felt: "ukn.volumen.sager_i_alt.2021",
      original: 14,
    });
    expect(j[2].fund[0]).toMatchObject({ regel: "ikke_xlsx", alvor: "fejl" });
  });
});
