import type { Command } from "commander";
import { existsSync } from "fs";
import type { Finding } from "../../domain/model";
import type { InputTable } from "../../domain/pack/env";
import { parseSettings } from "../../domain/pack/inputs";
import type { Pack } from "../../domain/pack/model";
import { DEFAULT_PACK_ID } from "../../domain/pakker";
import { countText, formatDanishNumber } from "../../domain/parse/number";
import {
  parseIndstillinger,
  parseKommunedata,
  parseLandstal,
  project,
  projectionOf,
  projectionTableJson,
  roundHalfAwayFromZero,
  toJsonContract,
  type Indstillinger,
  type NedslagspunktResultat,
  type Parsed,
  type ProjectionResult,
} from "../../domain/project";
import { SHEET, buildReport } from "../../domain/report";
import { computeTables, tablesJson } from "../../domain/tables/compute";
import { buildTablesReport } from "../../domain/tables/report";
import { tablesText } from "../../domain/tables/text";
import { renderWorkbook } from "../../xlsx";
import { inputTableFromFile } from "../../xlsx/inputFile";
import { canStream, streamWorkbook } from "../../xlsx/node/stream";
import { CliError } from "../errors";
import {
  type CliIo,
  OVERSKRIV_OPTION,
  readBytes,
  readJson,
  refuseExisting,
  refuseInputAsOutput,
  writeBytes,
  writeStreamed,
} from "../io";
import { requireSoffice, writePdf } from "../pdf";
import { packOption } from "../pack";
import { type FileResult, VAELG_OPTION, judgeFiles } from "../returns";
import { batchLines, resultJson } from "./valider";

interface OpregnOptions {
  pdf?: string;
  pakke?: string;
  landstal?: string;
  kommunedata?: string;
  data?: string[];
  indstillinger?: string;
  ud?: string;
  json?: boolean;
  vaelg?: string[];
  overskriv?: boolean;
}

function parsedOrFail<T>(file: string, p: Parsed<T>): T {
  if (p.ok) return p.value;
  throw new CliError(
    `${file}: ${p.errors.length === 1 ? p.errors[0] : `\n  ${p.errors.join("\n  ")}`}`
  );
}

/**
 * The one pack a run computes with: `--pakke`, else the one the returns were validated with
 * (kl2024 for none). Returns made with different packs are a usage error (exit 2): each is
 * validated with its own pack, as `valider` does, and none is silently re-read with another.
 */
function runPack(spec: string | undefined, results: readonly FileResult[]): Pack {
  const read = results.filter((r) => r.retur && r.pack);
  const pack = spec ? packOption(spec) : (read[0]?.pack ?? packOption(DEFAULT_PACK_ID));
  const other = read.filter((r) => r.pack!.id !== pack.id);
  if (other.length > 0) {
    const ids = [...new Set(read.map((r) => r.pack!.id))];
    throw new CliError(
      spec
        ? `${other.map((r) => `${r.fil} er lavet med pakken »${r.pack!.id}«`).join("; ")}, ikke »${pack.id}«; opregn hver pakkes indberetninger for sig.`
        : `Indberetningerne er lavet med forskellige pakker (${ids.join(", ")}); opregn dem hver for sig, eller angiv pakken med --pakke.`
    );
  }
  return pack;
}

/** An input table from its file: .json, .csv or .xlsx (src/xlsx/inputFile.ts, shared with the pane). */
function readInputFile(pack: Pack, id: string, file: string): Parsed<InputTable> {
  const def = pack.inputs.find((t) => t.id === id)!;
  return inputTableFromFile(pack, def, file, readBytes(file));
}

/** `--data TABEL=FIL.json` options → file by table id. */
function dataFiles(pack: Pack, specs: readonly string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of specs ?? []) {
    const m = /^([a-z][a-z0-9_]*)=(.+)$/.exec(spec.trim());
    if (!m)
      throw new CliError(
        `--data skal skrives TABEL=FIL.json (fx --data landstal=landstal.json), ikke »${spec}«.`
      );
    if (!pack.inputs.some((t) => t.id === m[1]))
      throw new CliError(
        `Pakken »${pack.id}« har ingen inddatatabel »${m[1]}«; dens tabeller er ${pack.inputs.map((t) => t.id).join(", ") || "(ingen)"}.`
      );
    out.set(m[1], m[2]);
  }
  return out;
}

const da = (v: number | null, digits = 1) =>
  v === null ? "–" : formatDanishNumber(roundHalfAwayFromZero(v, digits), digits);

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

const plural = countText;

function findingCounts(findings: readonly Finding[]): string {
  const n = (sev: Finding["severity"]) => findings.filter((f) => f.severity === sev).length;
  return `${plural(n("fejl"), "fejl", "fejl")}, ${plural(n("advarsel"), "advarsel", "advarsler")}`;
}

/** The lines `opregn` prints per return: counts, each fejl, and whether it is used. */
function fileLines(r: FileResult, pack: Pack): string[] {
  if (!r.retur)
    return [`${r.fil}: kunne ikke læses og er ikke med: ${r.findings[0]?.message ?? ""}`];
  const v = r.retur;
  const n = v.skabeloner.length;
  const who = v.kommune || `(${pack.respondents.definite}s navn mangler)`;
  const out = [
    `${who} (${r.fil}): ${plural(n, "skabelon", "skabeloner")}, ${findingCounts(r.findings)}.${r.used ? "" : " Indgår ikke i beregningerne."}`,
  ];
  for (const f of r.findings.filter((x) => x.severity === "fejl")) {
    out.push(
      `  fejl${f.location ? ` i ${f.location.sheet}!${f.location.cell}` : ""}: ${f.message}`
    );
  }
  return out;
}

/** Every file the command reads besides the returns (an output may be none of them). */
function otherInputs(opts: OpregnOptions): string[] {
  const data = (opts.data ?? []).map((d) => d.slice(d.indexOf("=") + 1));
  return [opts.landstal, opts.kommunedata, opts.indstillinger, opts.pakke, ...data].filter(
    (f): f is string => f !== undefined && existsSync(f)
  );
}

export function registerOpregn(program: Command, io: CliIo): void {
  program
    .command("opregn")
    .description(
      "valider indberetningerne, beregn pakkens tabeller (kl2024: opregn til alle kommuner) og skriv rapporten"
    )
    .argument(
      "[returer...]",
      "indberetninger (.xlsx eller JSON med kommune og felter); kan udelades, når pakkens inddata er nok"
    )
    .option(
      "--pakke <id|fil>",
      "pakken (standard: den, indberetningerne er lavet med; ellers kl2024)"
    )
    .option(
      "--landstal <fil>",
      "kl2024: landstal.json, tal for hele landet (= --data landstal=FIL)"
    )
    .option(
      "--kommunedata <fil>",
      "kl2024: kommunedata.json, tal pr. kommune (= --data kommunedata=FIL)"
    )
    .option(
      "--data <tabel=fil>",
      "pakkens inddata, fx --data enhed=enhed.json (tabellens id og en fil: .json, eller .csv/.xlsx med én række pr. respondent); gentages for flere tabeller",
      (v: string, prev: string[] = []) => [...prev, v]
    )
    .option(
      "--indstillinger <fil>",
      "indstillinger.json: pakkens indstillinger (kl2024: timer pr. årsværk, spænd, perioder, udelad/medtag)"
    )
    .option(
      "-o, --ud <fil>",
      "rapporten, der skrives (fx overblik.xlsx); aldrig en af inddatafilerne"
    )
    .option(
      "--pdf <fil>",
      "skriv også Overblik og faktaarkene (andre pakker: oversigten og tabellerne) som PDF (kræver LibreOffice)"
    )
    .option(
      "--json",
      "skriv resultatet som JSON på standard-output (oversigten går til standard-fejl)"
    )
    .option(...VAELG_OPTION)
    .option(...OVERSKRIV_OPTION)
    .action(async (returer: string[], opts: OpregnOptions) => {
      if (!opts.ud && !opts.json && !opts.pdf)
        throw new CliError(
          "Angiv rapporten med -o/--ud (fx -o overblik.xlsx) eller --pdf FIL, eller brug --json."
        );
      const writeOptions = { overskriv: opts.overskriv === true };
      // Before anything is read: no output may replace an input, nor (without --overskriv) anything.
      for (const out of [opts.ud, opts.pdf]) {
        if (!out) continue;
        refuseInputAsOutput(out, [...returer, ...otherInputs(opts)]);
        refuseExisting([out], writeOptions);
      }
      // Before anything is read or written: without LibreOffice there is no PDF.
      const soffice = opts.pdf ? requireSoffice() : undefined;
      const say = opts.json ? (s: string) => io.err(s) : (s: string) => io.out(s);
      const judged = await judgeFiles(returer, {
        ...(opts.pakke !== undefined ? { pakke: opts.pakke } : {}),
        ...(opts.vaelg !== undefined ? { vaelg: opts.vaelg } : {}),
      });
      const results = judged.results;
      const pack = runPack(opts.pakke, results);
      const files = dataFiles(pack, opts.data);
      for (const r of results) for (const line of fileLines(r, pack)) say(line);
      const batch = batchLines(results);
      if (batch.length > 0)
        say(
          ["", `Flere indberetninger fra samme ${pack.respondents.singular}:`, ...batch].join("\n")
        );
      // Every return read is in the log; only those that may be used enter the calculation.
      const all = results.flatMap((r) => (r.retur ? [r.retur] : []));
      const used = results.flatMap((r) => (r.retur && r.used ? [r.retur] : []));
      const fileFindings = results.filter((r) => !r.retur).flatMap((r) => r.findings);
      const withErrors = results.filter((r) => r.findings.some((f) => f.severity === "fejl"));
      const filer = results.map(resultJson);
      let notComputed: string[] = [];
      const calc = projectionOf(pack);
      if (calc) {
        const lFile = opts.landstal ?? files.get(calc.landstal);
        const kFile = opts.kommunedata ?? files.get(calc.kommunedata);
        if (!lFile || !kFile)
          throw new CliError(
            `Pakken »${pack.id}« opregner til hele landet og skal have landstal og kommunedata: angiv --landstal FIL og --kommunedata FIL (eller --data ${calc.landstal}=FIL --data ${calc.kommunedata}=FIL).`
          );
        const landstal = parsedOrFail(lFile, parseLandstal(readJson(lFile)));
        const kommunedata = parsedOrFail(kFile, parseKommunedata(readJson(kFile)));
        const indstillinger: Indstillinger | undefined = opts.indstillinger
          ? parsedOrFail(
              opts.indstillinger,
              parseIndstillinger(
                readJson(opts.indstillinger),
                calc.methods.map((m) => m.id)
              )
            )
          : undefined;
        const result = project({ returns: used, landstal, kommunedata, indstillinger, pack });
        notComputed = result.nedslagspunkter.filter((n) => n.kan_ikke_beregnes).map((n) => n.navn);
        say("");
        say(overviewText(result));
        const plan =
          opts.ud || opts.pdf
            ? buildReport({ result, returns: all, fileFindings, landstal, kommunedata, pack })
            : undefined;
        if (opts.ud && plan) {
          await writeStreamed(opts.ud, (sink) => streamWorkbook(plan, sink), writeOptions);
          say("");
          say(`Skrev ${opts.ud}.`);
        }
        if (opts.pdf && soffice && plan) {
          const facts = new Set([SHEET.overblik, ...calc.methods.map((m) => m.arkNavn)]);
          await writePdf(plan, opts.pdf, (s) => facts.has(s), soffice);
          say(`Skrev ${opts.pdf} (Overblik og faktaark).`);
        }
        if (opts.json) {
          const tables = pack.report.tables.length
            ? tablesJson(computeTables({ pack, returns: used }))
            : {};
          io.out(
            JSON.stringify(
              {
                pakke: pack.id,
                ...(toJsonContract(result) as object),
                tabeller: { ...projectionTableJson(result), ...tables },
                filer,
              },
              null,
              2
            )
          );
        }
      } else {
        const inputs: Record<string, InputTable> = {};
        for (const [id, file] of files)
          inputs[id] = parsedOrFail(file, readInputFile(pack, id, file));
        const settings = opts.indstillinger
          ? parsedOrFail(opts.indstillinger, parseSettings(pack, readJson(opts.indstillinger)))
          : undefined;
        const result = computeTables({
          pack,
          returns: used,
          inputs,
          ...(settings ? { settings } : {}),
        });
        if (result.respondents.length === 0)
          notComputed = [`ingen ${pack.respondents.singular} at regne på`];
        say("");
        say(tablesText(result));
        const plan =
          opts.ud || opts.pdf
            ? buildTablesReport({ result, returns: all, fileFindings })
            : undefined;
        if (opts.ud && plan) {
          if (canStream(plan))
            await writeStreamed(opts.ud, (sink) => streamWorkbook(plan, sink), writeOptions);
          else writeBytes(opts.ud, await renderWorkbook(plan), writeOptions);
          say("");
          say(`Skrev ${opts.ud}.`);
        }
        if (opts.pdf && soffice && plan) {
          // The summary and one sheet per report table come first.
          const shown = new Set(plan.sheets.slice(0, 1 + result.tables.length).map((s) => s.name));
          await writePdf(plan, opts.pdf, (s) => shown.has(s), soffice);
          say(`Skrev ${opts.pdf} (oversigt og tabeller).`);
        }
        if (opts.json)
          io.out(JSON.stringify({ pakke: pack.id, tabeller: tablesJson(result), filer }, null, 2));
      }
      // Exit 1: a finding of severity fejl, or something that cannot be computed (docs/arkitektur.md: Exitkoder).
      const problems = [
        ...(withErrors.length > 0
          ? [`${plural(withErrors.length, "indberetning", "indberetninger")} har fejl`]
          : []),
        ...(notComputed.length > 0 ? [`kan ikke beregnes: ${notComputed.join(", ")}`] : []),
      ];
      if (problems.length > 0) throw new CliError(`${problems.join("; ")}.`, 1);
    });
}
