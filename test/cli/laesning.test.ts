/**
 * The built CLI reads returns in worker threads: `--pakke` with a pack file reaches each
 * worker (which opens the file itself), so a return made from that pack is read by its fields;
 * and `opregn` with an unreadable .xlsx among good returns reports it and computes the rest.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { hostileReturns } from "../helpers/corpus";
import { fillWorkbook, renderWorkbook } from "../../src/xlsx";
import { ROOT, ensureCliBuild } from "../helpers/cliBuild";
import { BUILT_CLI, describeWith } from "../helpers/requirements";
import { UGESKEMA_FILE, UGESKEMA_VALUES, ugeskemaPack } from "../helpers/ugeskema";

let dir: string;
let file: string;

beforeAll(async () => {
  if (BUILT_CLI.missing) return;
  ensureCliBuild();
  dir = mkdtempSync(join(tmpdir(), "byrde-laesning-"));
  const pack = ugeskemaPack();
  const respondent = Object.keys(UGESKEMA_VALUES)[0];
  const filled = await fillWorkbook(
    await renderWorkbook(buildTemplateWorkbook(respondent, [], { pack })),
    UGESKEMA_VALUES[respondent],
    [pack]
  );
  if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
  file = join(dir, "nord.xlsx");
  writeFileSync(file, filled.bytes);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const byrde = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin", "byrde.js"), ...args], {
    encoding: "utf8",
    cwd: ROOT,
    timeout: 120_000,
  });

describeWith(BUILT_CLI, "reading with a pack file, in worker threads", () => {
  it("læs --pakke reads the pack's fields", () => {
    const r = byrde("læs", "--json", "--pakke", UGESKEMA_FILE, file);
    expect(r.stderr).not.toContain("laesning_afbrudt");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.pakke).toBe(ugeskemaPack().id);
    expect(j.felter["uge.besog.antal.mandag"]).toBe(4);
    expect(j.felter["uge.opgaver.1.dato"]).toBe("2024-02-15");
  });

  it("valider --pakke validates the return with it", () => {
    const r = byrde("valider", "--json", "--pakke", UGESKEMA_FILE, file);
    const [res] = JSON.parse(r.stdout);
    expect(res).toMatchObject({ laest: true, pakke: ugeskemaPack().id });
    expect(res.fund.map((f: { regel: string }) => f.regel)).not.toContain("laesning_afbrudt");
  });
});

describeWith(BUILT_CLI, "opregn with an unreadable return among good ones", () => {
  it("reports the file, leaves it out and computes every good return", async () => {
    const { cases } = await hostileReturns();
    const bomb = cases.find((c) => c.name === "zip_falske_stoerrelser")!.path;
    const EX = join(ROOT, "examples");
    const returns = ["aalborg", "frederiksberg", "holbaek", "odense", "vejle"].map((k) =>
      join(EX, "returer", `${k}.json`)
    );
    const r = byrde(
      "opregn",
      returns[0],
      bomb,
      ...returns.slice(1),
      "--landstal",
      join(EX, "landstal.json"),
      "--kommunedata",
      join(EX, "kommunedata.json"),
      "--indstillinger",
      join(EX, "indstillinger.json"),
      "--json"
    );
    expect(r.stderr).toContain("zip_falske_stoerrelser.xlsx: kunne ikke læses og er ikke med");
    expect(r.stderr).toContain("zip-bombe");
    for (const k of ["Aalborg", "Frederiksberg", "Holbæk", "Odense", "Vejle"])
      expect(r.stderr).toContain(`${k} (`);
    const j = JSON.parse(r.stdout);
    expect(j.nedslagspunkter).toHaveLength(9);
  }, 180_000);
});
