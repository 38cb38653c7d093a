import type { Command } from "commander";
import { basename, extname } from "path";
import { CATALOGUE_VERSION, NEDSLAGSPUNKTER } from "../../domain/catalogue";
import type { Finding, KommuneReturn } from "../../domain/model";
import {
  parseIndstillinger,
  parseKommunedata,
  parseLandstal,
  project,
  rawReturnFromFelter,
  roundHalfAwayFromZero,
  toJsonContract,
  type FelterJson,
  type Indstillinger,
  type NedslagspunktResultat,
  type Parsed,
  type ProjectionResult,
} from "../../domain/project";
import { buildReport } from "../../domain/report";
import { validateReturn } from "../../domain/validate";
import { readReturn } from "../../xlsx";
import { streamWorkbook } from "../../xlsx/node/stream";
import { CliError } from "../errors";
import { type CliIo, readBytes, readJson, writeStreamed } from "../io";

interface OpregnOptions {
  landstal: string;
  kommunedata: string;
  indstillinger?: string;
  ud?: string;
  json?: boolean;
}

function parsedOrFail<T>(file: string, p: Parsed<T>): T {
  if (p.ok) return p.value;
  throw new CliError(
    `${file}: ${p.errors.length === 1 ? p.errors[0] : `\n  ${p.errors.join("\n  ")}`}`
  );
}

/** Reads one return (.xlsx or JSON `{ "kommune", "felter" }`) and validates it. */
export async function readAndValidate(file: string): Promise<KommuneReturn> {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") {
    const j = readJson(file) as Partial<FelterJson> | null;
    if (
      !j ||
      typeof j !== "object" ||
      typeof j.kommune !== "string" ||
      !j.felter ||
      typeof j.felter !== "object"
    ) {
      throw new CliError(
        `${file}: en indberetning som JSON skal have »kommune« (tekst) og »felter« (objekt med felt-id → værdi).`
      );
    }
    return validateReturn(rawReturnFromFelter(j as FelterJson, basename(file), CATALOGUE_VERSION));
  }
  if (ext !== ".xlsx")
    throw new CliError(`${file}: kun .xlsx- og .json-filer kan læses som indberetninger.`);
  const raw = await readReturn(readBytes(file), basename(file));
  const fatal = raw.findings.filter((f) => f.severity === "fejl" && f.rule === "ulaeselig_fil");
  if (fatal.length > 0) throw new CliError(`${file}: ${fatal.map((f) => f.message).join(" ")}`);
  return validateReturn(raw);
}

const da = (v: number | null, digits = 1) =>
  v === null ? "–" : roundHalfAwayFromZero(v, digits).toFixed(digits).replace(".", ",");

function pad(s: string, n: number, right = false): string {
  const len = [...s].length;
  return len >= n ? s : right ? " ".repeat(n - len) + s : s + " ".repeat(n - len);
}

/** The overview as terminal text (Danish). */
export function overviewText(r: ProjectionResult): string {
  const head = [
    "Nedslagspunkt",
    "År",
    "Undersøgte",
    "Alle",
    "Stigning",
    "Spænd",
    "Kvalitet",
    "Kommuner",
  ];
  const rows: string[][] = r.nedslagspunkter.map((n: NedslagspunktResultat) =>
    n.kan_ikke_beregnes
      ? [
          n.navn,
          `${n.basisaar}-${n.slutaar}`,
          "",
          "",
          "",
          `kan ikke beregnes: ${n.kan_ikke_beregnes}`,
          "",
          "",
        ]
      : [
          n.navn,
          `${n.basisaar}-${n.slutaar}`,
          `${da(n.undersoegte.basis)} → ${da(n.undersoegte.slut)}`,
          `${da(n.alle.basis)} → ${da(n.alle.slut)}`,
          da(n.alle.stigning),
          n.spaend!.tekst,
          n.datakvalitet.niveau,
          `${n.kommuner.length}/${n.undersoegteKommuner.length}`,
        ]
  );
  const widths = head.map((h, i) =>
    Math.max(
      [...h].length,
      ...rows.map((row) => (row[i].startsWith("kan ikke") ? 0 : [...row[i]].length))
    )
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], i >= 2 && i <= 4))
      .join("  ")
      .trimEnd();
  const out = [
    "Øget administrativ belastning (årsværk)",
    line(head),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
  ];
  const udeladt = r.nedslagspunkter.flatMap((n) =>
    n.udeladt.map((u) => `  ${n.navn}: ${u.kommune} udeladt: ${u.grund}`)
  );
  if (udeladt.length > 0) out.push("", "Udeladte kommuner:", ...udeladt);
  const forslag = r.nedslagspunkter.flatMap((n) =>
    n.forslag.map(
      (f) =>
        `  ${n.navn}: ${f.kommune} afviger i ${f.aar} (modificeret z = ${da(f.z)})${f.medtaget ? ", medtaget efter indstilling" : "; ikke udeladt"}`
    )
  );
  if (forslag.length > 0) out.push("", "Forslag om afvigere (ikke anvendt):", ...forslag);
  return out.join("\n");
}

function findingCounts(findings: readonly Finding[]): string {
  const n = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return `${n("fejl")} fejl, ${n("advarsel")} advarsler`;
}

export function registerOpregn(program: Command, io: CliIo): void {
  program
    .command("opregn")
    .description("valider indberetningerne, opregn til alle kommuner og skriv overblik.xlsx")
    .argument("<returer...>", "indberetninger (.xlsx eller JSON med kommune og felter)")
    .requiredOption("--landstal <fil>", "landstal.json: tal for hele landet")
    .requiredOption(
      "--kommunedata <fil>",
      "kommunedata.json: tal pr. kommune (indbyggere, ansatte, dagtilbud)"
    )
    .option(
      "--indstillinger <fil>",
      "indstillinger.json: timer pr. årsværk, spænd, perioder, udelad/medtag"
    )
    .option("-o, --ud <fil>", "arbejdsbogen, der skrives (fx overblik.xlsx)")
    .option(
      "--json",
      "skriv resultatet som JSON på standard-output (overblikket går til standard-fejl)"
    )
    .action(async (returer: string[], opts: OpregnOptions) => {
      if (!opts.ud && !opts.json)
        throw new CliError(
          "Angiv arbejdsbogen med -o/--ud (fx -o overblik.xlsx), eller brug --json."
        );
      const landstal = parsedOrFail(opts.landstal, parseLandstal(readJson(opts.landstal)));
      const kommunedata = parsedOrFail(
        opts.kommunedata,
        parseKommunedata(readJson(opts.kommunedata))
      );
      const indstillinger: Indstillinger | undefined = opts.indstillinger
        ? parsedOrFail(
            opts.indstillinger,
            parseIndstillinger(
              readJson(opts.indstillinger),
              NEDSLAGSPUNKTER.map((m) => m.id)
            )
          )
        : undefined;
      const say = opts.json ? (s: string) => io.err(s) : (s: string) => io.out(s);
      const returns: KommuneReturn[] = [];
      for (const file of returer) {
        const r = await readAndValidate(file);
        returns.push(r);
        say(
          `${r.kommune || "(ukendt kommune)"} (${basename(file)}): ${r.skabeloner.length} skabeloner, ${findingCounts(r.findings)}.`
        );
        for (const f of r.findings.filter((x) => x.severity === "fejl")) {
          say(
            `  fejl${f.location ? ` i ${f.location.sheet}!${f.location.cell}` : ""}: ${f.message}`
          );
        }
      }
      const result = project({ returns, landstal, kommunedata, indstillinger });
      say("");
      say(overviewText(result));
      if (opts.ud) {
        const plan = buildReport({ result, returns, landstal, kommunedata });
        await writeStreamed(opts.ud, (sink) => streamWorkbook(plan, sink));
        say("");
        say(`Skrev ${opts.ud}.`);
      }
      if (opts.json) io.out(JSON.stringify(toJsonContract(result), null, 2));
    });
}
