/**
 * Danish everywhere (issue 11 part 5): a sweep over what the CLI prints (help for every
 * command, terminal text, the messages in its JSON, error messages) and the text cells of the
 * workbooks it writes, looking for English and for numbers with a decimal point. What a user
 * typed is quoted («…» or »…«) and may be anything; JSON values and ids are data, not text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { badFixtures } from "../helpers/corpus";
import { buildProgram } from "../../src/cli/main";
import type { Command } from "commander";
import { loadWorkbook } from "../../src/xlsx";
import { runByrde } from "../helpers/cli";

const EX = join(__dirname, "..", "..", "examples");
const RETURER = ["aalborg", "frederiksberg", "holbaek", "odense", "vejle"].map((k) =>
  join(EX, "returer", `${k}.json`)
);
const INPUTS = ["--landstal", join(EX, "landstal.json"), "--kommunedata", join(EX, "kommunedata.json"), "--indstillinger", join(EX, "indstillinger.json")];

/** English that must not reach a user (whole words, case-insensitive). */
const ENGLISH =
  /\b(the|and|of|is|are|not|cannot|can't|error|errors|warning|invalid|undefined|unexpected|expected|options?|default|usage|missing|found|required|arguments?|commands?|file|files|failed|no such|directory|permission|denied|already|exists|name|with|this|that|was|from|size|mismatch|entity|corrupt(?:ed)?|unknown|number|value|character|NaN|Infinity|null|true|false)\b/i;

/** A number with a decimal point (1.400 is Danish thousands; 12.5, 0.25 and 11.53 are not). */
const DOT_DECIMAL = /(?<![\d.,\w/-])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])/;

/** "1 advarsler", "1 felter" …: a count of one with a plural noun. */
const ONE_PLURAL =
  /(?<![\d.,])\b1 (advarsler|felter|filer|skabeloner|kommuner|indberetninger|beregninger|rapporttabeller|problemer|afsendere|poster|rækker|værdier|celler)\b/g;

/** Text with what the user typed (quoted) and paths, field ids and URLs taken out. */
function prose(text: string, dir: string): string {
  return text
    .split(dir)
    .join("<mappe>")
    .replace(/«[^»]*»/g, "«…»")
    .replace(/»[^«»\n]*«/g, "»…«")
    .replace(/(?:[\w./-]*\/)?[\w.-]+\.(?:xlsx|json|xls|csv)\b/g, "<fil>")
    .replace(/\b[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\b/g, "<id>")
    .replace(/https?:\/\/\S+/g, "<url>");
}

const problems: string[] = [];
function sweep(where: string, text: string, dir: string): void {
  for (const line of text.split("\n"))
    if (/»»|««/.test(line)) problems.push(`${where}: dobbelte anførselstegn: ${line.trim()}`);
  for (const m of text.matchAll(ONE_PLURAL)) problems.push(`${where}: flertal efter 1: »${m[0]}«`);
  prose(text, dir)
    .split("\n")
    .forEach((line) => {
      const en = ENGLISH.exec(line);
      if (en) problems.push(`${where}: engelsk »${en[0]}«: ${line.trim()}`);
      const dot = DOT_DECIMAL.exec(line);
      if (dot) problems.push(`${where}: decimalpunktum »${dot[0]}«: ${line.trim()}`);
    });
}

/** Every `besked`/`grund`/`kan_ikke_beregnes` text in a JSON document. */
function messagesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => messagesIn(v, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === "string" && ["besked", "grund", "kan_ikke_beregnes", "tekst", "titel"].includes(k)) out.push(v);
      else messagesIn(v, out);
    }
  return out;
}

async function sheetTexts(file: string): Promise<string> {
  const wb = await loadWorkbook(readFileSync(file));
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        if (typeof v === "string") out.push(`${ws.name}!${c.address}: ${v}`);
        else if (v && typeof v === "object" && "richText" in v)
          out.push(`${ws.name}!${c.address}: ${(v as { richText: { text: string }[] }).richText.map((t) => t.text).join("")}`);
      })
    )
  );
  return out.join("\n");
}

function allCommands(cmd: Command, path: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...path, c.name()], ...allCommands(c, [...path, c.name()])]);
}

let dir: string;
// Each test ends by requiring that its sweep found nothing (every place listed at once).
afterEach(() => {
  const found = problems.splice(0);
  expect(found).toEqual([]);
});
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-dansk-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI speaks Danish", () => {
  it("the sweep finds what it looks for", () => {
    for (const bad of [
      "modificeret z = 11.5",
      "Udfyldte 12.5 timer",
      "andel 0.25",
      "uncompressed data size mismatch",
      "1:5: undefined entity.",
      "Usage: byrde [options]",
      "Worksheet name already exists: Data",
      "kommunen »»Aarhus«« mangler",
      "Aarhus: 0 fejl, 1 advarsler",
    ])
      sweep("prøve", bad, dir);
    expect(problems.splice(0)).toHaveLength(9);
    for (const good of ["1.400 timer pr. årsværk", "12,5 timer", "skrev «12.5»", "felt ukn.hovedsager.timer_pr_sag.2019", "2019-2023", "UKN Data!E20"])
      sweep("prøve", good, dir);
  });

  it("help for every command: Danish titles, [tilvalg], (påkrævet), (standard: …), no English", async () => {
    const top = await runByrde("--help");
    expect(top.out).toMatch(/^Brug: byrde \[tilvalg\] \[kommando\]/);
    expect(top.out).toContain("Kommandoer:");
    expect(top.out).toContain("Exitkoder:");
    sweep("byrde --help", top.out, dir);
    for (const path of allCommands(buildProgram())) {
      const r = await runByrde(...path, "--help");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Brug: byrde /);
      expect(r.out).not.toMatch(/\[options\]|\(default:|Usage:|Options:/);
      sweep(`byrde ${path.join(" ")} --help`, r.out, dir);
    }
    const udfyld = await runByrde("udfyld", "--help");
    expect(udfyld.out).toMatch(/-o, --ud <fil>[\s\S]*\(påkrævet\)/);
    const skabelon = await runByrde("skabelon", "--help");
    expect(skabelon.out).toContain("(standard: .)");
    for (const id of ["kl2024", "regelforenkling"]) {
      const t = await runByrde("pakke", "tjek", id);
      sweep(`pakke tjek ${id}`, t.out + t.err, dir);
    }
    const v = await runByrde("--version");
    expect(v.out.trim()).toMatch(/^byrde \d+\.\d+\.\d+$/);
  });

  it("usage and file errors", async () => {
    const broken = join(dir, "i-stykker.json");
    writeFileSync(broken, '{ "felter": { "a": 1, } }');
    const runs = [
      await runByrde("valider"),
      await runByrde("valider", "--ukendt", "x.xlsx"),
      await runByrde("findes-ikke"),
      await runByrde("udfyld", "a.xlsx"),
      await runByrde("læs", join(dir, "findes-ikke.xlsx")),
      await runByrde("udfyld", join(dir, "findes-ikke.xlsx"), broken, "-o", join(dir, "ud.xlsx")),
      await runByrde("opregn", ...RETURER, "--landstal", broken, "--kommunedata", join(EX, "kommunedata.json"), "--json"),
      await runByrde("skabelon", "--kommune", "Arhus", "-o", dir),
      await runByrde("pakke", "tjek", broken),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n").pop()).toMatch(/^(fejl: |\(Skriv byrde)/);
      sweep("fejlbesked", r.err, dir);
    }
  });

  it("skabelon → udfyld → læs → valider, with decimals and typed text", async () => {
    const s = await runByrde("skabelon", "--kommune", "Aarhus", "-p", "ukn,gdpr", "-o", dir);
    sweep("skabelon", s.out + s.err, dir);
    const data = join(dir, "data.json");
    writeFileSync(
      data,
      JSON.stringify({
        felter: {
          "ukn.hovedsager.timer_pr_sag.2019": 12.5,
          "ukn.hovedsager.timer_pr_sag.2020": 11.53,
          "ukn.volumen.sager_i_alt.2019": 1,
          "gdpr.indsats.aarsvaerk_i_alt.2018": 0.25,
        },
      })
    );
    const filled = join(dir, "aarhus.xlsx");
    const u = await runByrde("udfyld", join(dir, "skabelon-aarhus.xlsx"), data, "-o", filled);
    expect(u.code).toBe(0);
    sweep("udfyld", u.out + u.err, dir);
    const l = await runByrde("læs", filled);
    expect(l.out).toContain("ukn.hovedsager.timer_pr_sag.2019 = 12,5");
    sweep("læs", l.out + l.err, dir);
    const v = await runByrde("valider", filled);
    sweep("valider", v.out + v.err, dir);
    const j = await runByrde("valider", filled, "--json");
    sweep("valider --json", messagesIn(JSON.parse(j.out)).join("\n"), dir);
  });

  it("valider on the bad fixtures: terminal and JSON messages", async () => {
    const bad = await badFixtures();
    const files = bad.map((b) => b.path);
    const v = await runByrde("valider", ...files);
    sweep("valider (dårlige filer)", v.out + v.err, dir);
    const j = await runByrde("valider", ...files, "--json");
    sweep("valider --json (dårlige filer)", messagesIn(JSON.parse(j.out)).join("\n"), dir);
  }, 180_000);

  it("opregn: the overview (outliers with z), the JSON messages and every text cell of the report", async () => {
    const out = join(dir, "overblik.xlsx");
    const r = await runByrde("opregn", ...RETURER, ...INPUTS, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/modificeret z = \d+,\d/);
    sweep("opregn", r.out + r.err, dir);
    const j = await runByrde("opregn", ...RETURER, ...INPUTS, "--json");
    sweep("opregn --json", messagesIn(JSON.parse(j.out)).join("\n") + j.err, dir);
    sweep("overblik.xlsx", await sheetTexts(out), dir);
    const kkr = join(dir, "kkr.xlsx");
    const k = await runByrde("opregn", join(EX, "kkr_kapacitet", "odense.json"), join(EX, "kkr_kapacitet", "varde.json"), "-o", kkr);
    sweep("opregn kkr_kapacitet", k.out + k.err, dir);
    sweep("kkr.xlsx", await sheetTexts(kkr), dir);
  }, 180_000);

});
