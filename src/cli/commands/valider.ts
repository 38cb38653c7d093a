import type { Command } from "commander";
import { SEVERITY_ORDER, cellRef, countBySeverity } from "../../domain/findings";
import type { Finding, KommuneReturn, RawReturn } from "../../domain/model";
import { validateReturn } from "../../domain/validate";
import type { Pack } from "../../domain/pack/model";
import { refusalOf } from "../../xlsx/batch";
import { CliError } from "../errors";
import type { CliIo } from "../io";
import { openedPacks, packForReturn } from "../pack";
import { readReturnFiles } from "../readPool";

/** The reader's own meta remark; validation reports meta with its own rules (kommune_mangler …). */
const SUPERSEDED = new Set(["meta_mangler"]);

export interface FileResult {
  readonly fil: string;
  /** Set when the file could be read. */
  readonly retur?: KommuneReturn;
  readonly locatedBy?: RawReturn["locatedBy"];
  readonly findings: readonly Finding[];
}

/**
 * Validates one file's raw read with the pack its meta cells name; a file that could not be
 * read keeps its one error.
 */
export function validateRaw(fil: string, raw: RawReturn, opened: readonly Pack[] = []): FileResult {
  const fatal = refusalOf(raw);
  if (fatal) return { fil, findings: [{ ...fatal, file: fil }] };
  const choice = packForReturn(raw, opened);
  if (!choice.ok)
    return {
      fil,
      findings: [{ rule: "pakke_ukendt", severity: "fejl", message: choice.message, file: fil }],
    };
  const retur = validateReturn(
    {
      ...raw,
      findings: raw.findings.filter((f) => !SUPERSEDED.has(f.rule)),
    },
    choice.pack
  );
  return { fil, retur, locatedBy: raw.locatedBy, findings: retur.findings };
}

/**
 * Reads (each file in isolation, see ../readPool.ts) and validates files; results in the
 * files' order. `onResult` gets each file's result in that order, as soon as it and every file
 * before it are done. Never throws on a file's content.
 */
export async function validateFiles(
  files: readonly string[],
  options: {
    /** `--pakke`: a pack id or pack file besides the built-in ones. */
    readonly pakke?: string;
    readonly onResult?: (result: FileResult) => void;
  } = {}
): Promise<FileResult[]> {
  const opened = openedPacks(options.pakke);
  const validate = (i: number, raw: RawReturn) => validateRaw(files[i], raw, opened);
  const results: Array<FileResult | undefined> = new Array(files.length);
  let shown = 0;
  const flush = (raws: ReadonlyArray<RawReturn | undefined>) => {
    while (shown < files.length && raws[shown]) {
      results[shown] ??= validate(shown, raws[shown]!);
      options.onResult?.(results[shown]!);
      shown++;
    }
  };
  const partial: Array<RawReturn | undefined> = new Array(files.length);
  const raws = await readReturnFiles(files, {
    ...(options.pakke !== undefined ? { pakke: options.pakke } : {}),
    onProgress: (p) => {
      partial[p.index] = p.result;
      flush(partial);
    },
  });
  flush(raws);
  return raws.map((raw, i) => results[i] ?? validate(i, raw));
}

/** Reads and validates one file (with `--pakke`'s pack, when given); never throws. */
export async function validateFile(fil: string, pakke?: string): Promise<FileResult> {
  return (await validateFiles([fil], pakke !== undefined ? { pakke } : {}))[0];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryLine(r: FileResult): string {
  const c = countBySeverity(r.findings);
  if (!r.retur) return `${r.fil}: kunne ikke læses: ${r.findings[0]?.message ?? ""}`;
  const via = r.locatedBy === "etiketter" ? ", delvis læst via etiketter" : "";
  const who = r.retur.kommune || "(kommune mangler)";
  return `${r.fil}: ${who}, ${r.retur.skabeloner.join(", ") || "ingen skabelon"}: ${plural(c.fejl, "fejl", "fejl")}, ${plural(c.advarsel, "advarsel", "advarsler")}, ${plural(c.info, "info", "info")}${via}.`;
}

/** The message without its leading `Sheet!Cell: `, which the table shows in its own column. */
function bareMessage(f: Finding): string {
  const ref = cellRef(f.location);
  return ref && f.message.startsWith(`${ref}: `) ? f.message.slice(ref.length + 2) : f.message;
}

export function findingsTable(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["  Ingen fund."];
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  const rows = sorted.map((f) => [f.severity, f.rule, cellRef(f.location) ?? "", bareMessage(f)]);
  const head = ["Alvor", "Regel", "Celle", "Besked"];
  const widths = head.map((h, i) =>
    i === 3 ? 0 : Math.max(h.length, ...rows.map((r) => r[i].length))
  );
  const line = (r: string[]) =>
    `  ${r.map((v, i) => (i === 3 ? v : v.padEnd(widths[i]))).join("  ")}`.trimEnd();
  return [line(head), line(widths.map((w, i) => "-".repeat(i === 3 ? 6 : w))), ...rows.map(line)];
}

export function resultJson(r: FileResult) {
  const c = countBySeverity(r.findings);
  return {
    fil: r.fil,
    laest: r.retur !== undefined,
    kommune: r.retur?.kommune ?? null,
    pakke: r.retur?.pakke ?? null,
    skabeloner: r.retur?.skabeloner ?? [],
    version: r.retur?.version ?? null,
    laestVia: r.locatedBy ?? null,
    fejl: c.fejl,
    advarsler: c.advarsel,
    info: c.info,
    fund: r.findings.map((f) => ({
      regel: f.rule,
      alvor: f.severity,
      besked: f.message,
      felt: f.field ?? null,
      ark: f.location?.sheet ?? null,
      celle: f.location?.cell ?? null,
      original:
        f.original === undefined
          ? null
          : f.original instanceof Date
            ? f.original.toISOString()
            : f.original,
    })),
  };
}

export function registerValider(program: Command, io: CliIo): void {
  program
    .command("valider")
    .description(
      "læs og validér udfyldte skabeloner: en tabel med fund pr. fil (exitkode 1 ved fejl)"
    )
    .argument("<filer...>", "en eller flere udfyldte skabeloner (.xlsx)")
    .option("--json", "skriv resultatet som JSON (én liste med en post pr. fil)")
    .option(
      "--pakke <id|fil>",
      "pakken, skabelonerne er lavet fra, når den ikke er indbygget (en .json-fil)"
    )
    .action(async (filer: string[], opts: { json?: boolean; pakke?: string }) => {
      // Each file's report is printed whole, once it is complete, in the files' order.
      const results = await validateFiles(filer, {
        ...(opts.pakke !== undefined ? { pakke: opts.pakke } : {}),
        onResult: (r) => {
          if (!opts.json)
            io.out([`== ${r.fil} ==`, ...findingsTable(r.findings), summaryLine(r), ""].join("\n"));
        },
      });
      const withErrors = results.filter((r) =>
        r.findings.some((f) => f.severity === "fejl")
      ).length;
      if (opts.json) io.out(JSON.stringify(results.map(resultJson), null, 2));
      else if (results.length > 1)
        io.out(
          `I alt: ${plural(results.length, "fil", "filer")}, ${withErrors} med fejl, ${results.length - withErrors} uden fejl.`
        );
      if (withErrors > 0) {
        throw new CliError(
          `${withErrors} af ${plural(results.length, "fil", "filer")} har fejl.`,
          1
        );
      }
    });
}
