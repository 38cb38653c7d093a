/**
 * Safe files (issue 11 part 3): nothing existing is overwritten without --overskriv; every
 * write goes to a temporary file in the same folder and is renamed into place, so a write that
 * fails half-way leaves the old file intact; `skabelon` for many respondents writes all or
 * nothing; `opregn` refuses an output that is one of its inputs.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CliError } from "../../src/cli/errors";
import { writeFilesAtomically, writeStreamed } from "../../src/cli/io";
import { runByrde } from "../helpers/cli";

// The module object io.ts calls into (a spy on it is seen there).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("fs") as typeof import("fs");

const EX = join(__dirname, "..", "..", "examples");
let dir: string;
let n = 0;
const fresh = () => {
  const d = join(dir, `t${++n}`);
  mkdirSync(d);
  return d;
};
const diskFull = () =>
  Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-filer-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

describe("writeFilesAtomically", () => {
  it("writes new files, refuses existing ones without overskriv, replaces them with it", () => {
    const d = fresh();
    const a = join(d, "a.txt");
    writeFilesAtomically([[a, Buffer.from("1")]]);
    expect(readFileSync(a, "utf8")).toBe("1");
    expect(() => writeFilesAtomically([[a, Buffer.from("2")]])).toThrow(
      `Filen findes allerede: ${a}. Intet er skrevet; brug --overskriv for at erstatte den.`
    );
    expect(readFileSync(a, "utf8")).toBe("1");
    writeFilesAtomically([[a, Buffer.from("2")]], { overskriv: true });
    expect(readFileSync(a, "utf8")).toBe("2");
    expect(readdirSync(d)).toEqual(["a.txt"]);
  });

  it("a write that fails half-way (disk full) leaves the old file intact and no temporary file", () => {
    const d = fresh();
    const a = join(d, "a.xlsx");
    writeFileSync(a, "den gamle fil");
    const real = fs.writeSync;
    let calls = 0;
    jest.spyOn(fs, "writeSync").mockImplementation(((...args: Parameters<typeof real>) => {
      if (++calls > 1) throw diskFull();
      // Half of the bytes get through before the disk is full.
      const [fd, buf] = args as unknown as [number, Uint8Array];
      return real(fd, buf, 0, Math.ceil(buf.length / 2));
    }) as typeof real);
    let error: unknown;
    try {
      writeFilesAtomically([[a, Buffer.alloc(100_000, 65)]], { overskriv: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(
      `Kan ikke skrive ${a}: der er ikke mere plads på disken. Intet er skrevet.`
    );
    expect((error as CliError).exitCode).toBe(2);
    expect(readFileSync(a, "utf8")).toBe("den gamle fil");
    expect(readdirSync(d)).toEqual(["a.xlsx"]);
  });

  it("a rename that fails after others succeeded puts every old file back and removes new ones", () => {
    const d = fresh();
    const [a, b, c] = ["a", "b", "c"].map((x) => join(d, `${x}.xlsx`));
    writeFileSync(a, "gammel a");
    writeFileSync(c, "gammel c");
    const real = fs.renameSync;
    let calls = 0;
    jest.spyOn(fs, "renameSync").mockImplementation(((from: string, to: string) => {
      // The third rename into place fails; renames that put old files back succeed.
      if (++calls === 3) throw Object.assign(new Error("EIO"), { code: "EIO" });
      return real(from, to);
    }) as typeof real);
    expect(() =>
      writeFilesAtomically(
        [
          [a, Buffer.from("ny a")],
          [b, Buffer.from("ny b")],
          [c, Buffer.from("ny c")],
        ],
        { overskriv: true }
      )
    ).toThrow(/^Kan ikke skrive .*c\.xlsx: disken kunne ikke læse eller skrive \(I\/O-fejl\)\. Ingen af filerne er skrevet\.$/);
    expect(readFileSync(a, "utf8")).toBe("gammel a");
    expect(existsSync(b)).toBe(false);
    expect(readFileSync(c, "utf8")).toBe("gammel c");
    expect(readdirSync(d).sort()).toEqual(["a.xlsx", "c.xlsx"]);
  });
});

describe("byrde skabelon", () => {
  it("refuses to empty an existing filled file of the same name; --overskriv replaces it", async () => {
    const d = fresh();
    const target = join(d, "skabelon-aarhus.xlsx");
    writeFileSync(target, "udfyldt af Aarhus");
    const r = await runByrde("skabelon", "--kommune", "Aarhus", "-p", "ukn", "-o", d);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`fejl: Filen findes allerede: ${target}. Intet er skrevet; brug --overskriv`);
    expect(readFileSync(target, "utf8")).toBe("udfyldt af Aarhus");
    const o = await runByrde("skabelon", "--kommune", "Aarhus", "-p", "ukn", "-o", d, "--overskriv");
    expect(o.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });

  it("many respondents, one file existing: nothing is written", async () => {
    const d = fresh();
    writeFileSync(join(d, "skabelon-odense.xlsx"), "udfyldt");
    const r = await runByrde("skabelon", "--kommune", "Aarhus,Odense,Vejle", "-p", "ukn", "-o", d);
    expect(r.code).toBe(2);
    expect(readdirSync(d)).toEqual(["skabelon-odense.xlsx"]);
  });

  it("many respondents on a full disk: all or nothing, no partial or temporary file remains", async () => {
    const d = fresh();
    const real = fs.writeSync;
    let calls = 0;
    jest.spyOn(fs, "writeSync").mockImplementation(((...args: Parameters<typeof real>) => {
      if (++calls === 3) throw diskFull();
      return real(...args);
    }) as typeof real);
    const r = await runByrde("skabelon", "--kommune", "Aarhus,Odense,Vejle,Aalborg", "-p", "ukn", "-o", d);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/der er ikke mere plads på disken\. Ingen af filerne er skrevet\./);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe("byrde udfyld", () => {
  let template: string;
  let data: string;
  beforeAll(async () => {
    const d = fresh();
    await runByrde("skabelon", "--kommune", "Aarhus", "-p", "ukn", "-o", d);
    template = join(d, "skabelon-aarhus.xlsx");
    data = join(d, "data.json");
    writeFileSync(data, JSON.stringify({ felter: { "ukn.volumen.sager_i_alt.2019": 12 } }));
  });

  it("in place needs --overskriv, and then replaces the file atomically", async () => {
    const before = readFileSync(template);
    const r = await runByrde("udfyld", template, data, "-o", template);
    expect(r.code).toBe(2);
    expect(readFileSync(template).equals(before)).toBe(true);
    const o = await runByrde("udfyld", template, data, "-o", template, "--overskriv");
    expect(o.code).toBe(0);
    expect(o.out).toContain("Udfyldte 1 felt; skrev");
    expect(readFileSync(template).equals(before)).toBe(false);
  });

  it("in place on a full disk: the old file is intact and no temporary file remains", async () => {
    const before = readFileSync(template);
    jest.spyOn(fs, "writeSync").mockImplementation((() => {
      throw diskFull();
    }) as typeof fs.writeSync);
    const r = await runByrde("udfyld", template, data, "-o", template, "--overskriv");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`fejl: Kan ikke skrive ${template}: der er ikke mere plads på disken. Intet er skrevet.`);
    expect(readFileSync(template).equals(before)).toBe(true);
    expect(readdirSync(join(template, "..")).sort()).toEqual(["data.json", "skabelon-aarhus.xlsx"]);
  });

  it("never writes over its data file", async () => {
    const r = await runByrde("udfyld", template, data, "-o", data, "--overskriv");
    expect(r.code).toBe(2);
    expect(r.err).toContain("er en af kommandoens inddatafiler");
    expect(JSON.parse(readFileSync(data, "utf8")).felter).toBeDefined();
  });
});

describe("byrde opregn -o", () => {
  const inputs = ["--landstal", join(EX, "landstal.json"), "--kommunedata", join(EX, "kommunedata.json")];

  it("refuses an output that is one of its inputs (by real path, also through a link), even with --overskriv", async () => {
    const d = fresh();
    const ret = join(d, "odense.json");
    writeFileSync(ret, readFileSync(join(EX, "returer", "odense.json")));
    const before = readFileSync(ret);
    const link = join(d, "link.json");
    symlinkSync(ret, link);
    for (const out of [ret, link, join(d, ".", "odense.json")]) {
      const r = await runByrde("opregn", ret, ...inputs, "-o", out, "--overskriv");
      expect(r.code).toBe(2);
      expect(r.err).toContain(`fejl: ${out} er en af kommandoens inddatafiler (${ret}); vælg et andet navn`);
      expect(readFileSync(ret).equals(before)).toBe(true);
    }
    const l = await runByrde("opregn", ret, ...inputs, "-o", join(EX, "landstal.json"), "--overskriv");
    expect(l.code).toBe(2);
    expect(l.err).toContain("er en af kommandoens inddatafiler");
  });

  it("an existing report is replaced only with --overskriv", async () => {
    const d = fresh();
    const out = join(d, "overblik.xlsx");
    writeFileSync(out, "sidste uges rapport");
    const r = await runByrde("opregn", join(EX, "returer", "odense.json"), ...inputs, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Filen findes allerede");
    expect(readFileSync(out, "utf8")).toBe("sidste uges rapport");
    const o = await runByrde("opregn", join(EX, "returer", "odense.json"), ...inputs, "-o", out, "--overskriv");
    expect(o.err).not.toContain("findes allerede");
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(readdirSync(d)).toEqual(["overblik.xlsx"]);
  });
});

describe("writeStreamed (the streamed report)", () => {
  it("a stream that fails half-way (disk full) leaves the old report intact and no temporary file", async () => {
    const d = fresh();
    const out = join(d, "overblik.xlsx");
    writeFileSync(out, "sidste uges rapport");
    let error: unknown;
    try {
      await writeStreamed(
        out,
        async (sink) => {
          const out = sink as unknown as NodeJS.WritableStream;
          await new Promise<void>((resolve) => out.write(Buffer.alloc(50_000, 65), () => resolve()));
          throw diskFull();
        },
        { overskriv: true }
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(
      `Kan ikke skrive ${out}: der er ikke mere plads på disken. Intet er skrevet.`
    );
    expect(readFileSync(out, "utf8")).toBe("sidste uges rapport");
    expect(readdirSync(d)).toEqual(["overblik.xlsx"]);
  });

  it("refuses an existing file without overskriv, before anything is written", async () => {
    const d = fresh();
    const out = join(d, "overblik.xlsx");
    writeFileSync(out, "sidste uges rapport");
    let called = false;
    await expect(
      writeStreamed(out, async () => {
        called = true;
      })
    ).rejects.toThrow("Filen findes allerede");
    expect(called).toBe(false);
    expect(readFileSync(out, "utf8")).toBe("sidste uges rapport");
  });
});
