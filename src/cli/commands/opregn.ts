import type { Command } from "commander";
import { existsSync } from "fs";
import { basename, extname } from "path";
import type { Finding, KommuneReturn, RawReturn } from "../../domain/model";
import type { InputTable } from "../../domain/pack/env";
import { parseSettings } from "../../domain/pack/inputs";
import type { Pack } from "../../domain/pack/model";
import { packFor } from "../../domain/pack/select";
import { DEFAULT_PACK_ID } from "../../domain/pakker";
import {
  parseIndstillinger,
  parseKommunedata,
  parseLandstal,
  project,
  projectionOf,
  projectionTableJson,
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
import { computeTables, tablesJson } from "../../domain/tables/compute";
import { buildTablesReport } from "../../domain/tables/report";
import { tablesText } from "../../domain/tables/text";
import { validateReturn } from "../../domain/validate";
import { renderWorkbook } from "../../xlsx";
import { inputTableFromFile } from "../../xlsx/inputFile";
import { refusalOf } from "../../xlsx/batch";
import { canStream, streamWorkbook } from "../../xlsx/node/stream";
import { CliError } from "../errors";
import { type CliIo, readBytes, readJson, writeBytes, writeStreamed } from "../io";
import { packOption } from "../pack";
import { readReturnFiles } from "../readPool";

interface OpregnOptions {
  pakke?: string;
  landstal?: string;
  kommunedata?: string;
  data?: string[];
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

/** A return as read, before validation, with the pack its meta names. */
interface ReadReturn {
  readonly file: string;
  readonly raw: RawReturn;
}

/** A return given as JSON `{ "kommune", "pakke"?, "felter" }`, before validation. */
function jsonReturn(file: string, opened: readonly Pack[]): ReadReturn {
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
  const choice = packFor(j.pakke, opened);
  if (!choice.ok) throw new CliError(`${file}: ${choice.message}`);
  return {
    file,
    raw: rawReturnFromFelter(j as FelterJson, basename(file), undefined, choice.pack),
  };
}

/** One input return as read, or the one finding that says why the file could not be read. */
export type ReadOutcome = ReadReturn | { readonly file: string; readonly refused: Finding };

/**
 * Reads the returns (.xlsx each in isolation, see ../readPool.ts, with the fields of the pack
 * its meta names; or JSON), in the given order. A missing file or another extension is a usage
 * error (exit 2); an .xlsx that cannot be read is reported and left out, the others still read.
 */
export async function readAll(
  files: readonly string[],
  pakke: string | undefined,
  opened: readonly Pack[]
): Promise<ReadOutcome[]> {
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    if (ext !== ".json" && ext !== ".xlsx")
      throw new CliError(`${file}: kun .xlsx- og .json-filer kan læses som indberetninger.`);
    if (!existsSync(file)) throw new CliError(`Filen findes ikke: ${file}`);
  }
  const xlsx = files.filter((f) => extname(f).toLowerCase() === ".xlsx");
  const raws = await readReturnFiles(xlsx, {
    displayName: (p) => basename(p),
    ...(pakke ? { pakke } : {}),
  });
  const byFile = new Map(xlsx.map((f, i) => [f, raws[i]] as const));
  return files.map((file): ReadOutcome => {
    const raw = byFile.get(file);
    if (!raw) return jsonReturn(file, opened);
    const refused = refusalOf(raw);
    return refused ? { file, refused } : { file, raw };
  });
}

/** The one pack a run computes with: `--pakke`, else the one the returns name (kl2024 for none). */
function runPack(
  spec: string | undefined,
  read: readonly ReadReturn[],
  opened: readonly Pack[]
): Pack {
  if (spec) return packOption(spec);
  const named = [...new Set(read.map((r) => r.raw.meta.pakke?.trim() || DEFAULT_PACK_ID))];
  if (named.length > 1)
    throw new CliError(
      `Indberetningerne er lavet med forskellige pakker (${named.join(", ")}); opregn dem hver for sig, eller angiv pakken med --pakke.`
    );
  const choice = packFor(named[0], opened);
  if (!choice.ok) throw new CliError(choice.message);
  return choice.pack;
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
    .option("-o, --ud <fil>", "rapporten, der skrives (fx overblik.xlsx)")
    .option(
      "--json",
      "skriv resultatet som JSON på standard-output (oversigten går til standard-fejl)"
    )
    .action(async (returer: string[], opts: OpregnOptions) => {
      if (!opts.ud && !opts.json)
        throw new CliError("Angiv rapporten med -o/--ud (fx -o overblik.xlsx), eller brug --json.");
      const opened = opts.pakke ? [packOption(opts.pakke)] : [];
      const say = opts.json ? (s: string) => io.err(s) : (s: string) => io.out(s);
      const outcomes = await readAll(returer, opts.pakke, opened);
      const read: ReadReturn[] = [];
      for (const o of outcomes) {
        if ("refused" in o)
          say(`${basename(o.file)}: kunne ikke læses og er ikke med: ${o.refused.message}`);
        else read.push(o);
      }
      const pack = runPack(opts.pakke, read, opened);
      const files = dataFiles(pack, opts.data);
      const returns: KommuneReturn[] = [];
      for (const r of read) {
        const v = validateReturn(r.raw, pack);
        returns.push(v);
        say(
          `${v.kommune || `(ukendt ${pack.respondents.singular})`} (${basename(r.file)}): ${v.skabeloner.length} ${v.skabeloner.length === 1 ? "skabelon" : "skabeloner"}, ${findingCounts(v.findings)}.`
        );
        for (const f of v.findings.filter((x) => x.severity === "fejl")) {
          say(
            `  fejl${f.location ? ` i ${f.location.sheet}!${f.location.cell}` : ""}: ${f.message}`
          );
        }
      }
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
        const result = project({ returns, landstal, kommunedata, indstillinger, pack });
        say("");
        say(overviewText(result));
        if (opts.ud) {
          const plan = buildReport({ result, returns, landstal, kommunedata, pack });
          await writeStreamed(opts.ud, (sink) => streamWorkbook(plan, sink));
          say("");
          say(`Skrev ${opts.ud}.`);
        }
        if (opts.json) {
          const tables = pack.report.tables.length
            ? tablesJson(computeTables({ pack, returns }))
            : {};
          io.out(
            JSON.stringify(
              {
                pakke: pack.id,
                ...(toJsonContract(result) as object),
                tabeller: { ...projectionTableJson(result), ...tables },
              },
              null,
              2
            )
          );
        }
        return;
      }
      const inputs: Record<string, InputTable> = {};
      for (const [id, file] of files)
        inputs[id] = parsedOrFail(file, readInputFile(pack, id, file));
      const settings = opts.indstillinger
        ? parsedOrFail(opts.indstillinger, parseSettings(pack, readJson(opts.indstillinger)))
        : undefined;
      const result = computeTables({ pack, returns, inputs, ...(settings ? { settings } : {}) });
      say("");
      say(tablesText(result));
      if (opts.ud) {
        const plan = buildTablesReport({ result, returns });
        if (canStream(plan)) await writeStreamed(opts.ud, (sink) => streamWorkbook(plan, sink));
        else writeBytes(opts.ud, await renderWorkbook(plan));
        say("");
        say(`Skrev ${opts.ud}.`);
      }
      if (opts.json)
        io.out(JSON.stringify({ pakke: pack.id, tabeller: tablesJson(result) }, null, 2));
    });
}
