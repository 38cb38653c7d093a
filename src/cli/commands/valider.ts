import type { Command } from "commander";
import { SEVERITY_ORDER, cellRef, countBySeverity } from "../../domain/findings";
import type { Finding } from "../../domain/model";
import { BATCH_RULES } from "../../domain/validate/batch";
import { countText } from "../../domain/parse/number";
import { CliError } from "../errors";
import type { CliIo } from "../io";
import { type FileResult, VAELG_OPTION, judgeFiles } from "../returns";

export { validateRaw, type FileResult } from "../returns";

/**
 * Reads, validates and judges files (../returns.ts, the one path `opregn` uses too); results in
 * the files' order. `onResult` gets each file's own result as soon as it and every file before
 * it are done (the batch's findings, such as conflicts, come with the final results).
 */
export async function validateFiles(
  files: readonly string[],
  options: {
    /** `--pakke`: a pack id or pack file besides the built-in ones. */
    readonly pakke?: string;
    /** `--vaelg NAVN=FIL`. */
    readonly vaelg?: readonly string[];
    readonly onResult?: (result: Omit<FileResult, "used">) => void;
  } = {}
): Promise<FileResult[]> {
  const judged = await judgeFiles(files, {
    ...(options.pakke !== undefined ? { pakke: options.pakke } : {}),
    ...(options.vaelg !== undefined ? { vaelg: options.vaelg } : {}),
    ...(options.onResult ? { onFile: options.onResult } : {}),
  });
  return [...judged.results];
}

/** Reads and validates one file (with `--pakke`'s pack, when given); never throws. */
export async function validateFile(fil: string, pakke?: string): Promise<FileResult> {
  return (await validateFiles([fil], pakke !== undefined ? { pakke } : {}))[0];
}

const plural = countText;

export function summaryLine(r: Omit<FileResult, "used">): string {
  const c = countBySeverity(r.findings);
  if (!r.retur) return `${r.fil}: kunne ikke læses: ${r.findings[0]?.message ?? ""}`;
  const via = r.locatedBy === "etiketter" ? ", delvis læst via etiketter" : "";
  const who = r.retur.kommune || `(${r.pack?.respondents.definite ?? "kommunen"}s navn mangler)`;
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

/** One file's verdict as JSON (valider --json's entries; opregn --json's »filer«). */
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
    indgaar: r.used,
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

/** The pack's noun for a respondent ("kommune", "afsender"), from the files read. */
export function respondentNoun(results: readonly FileResult[]): string {
  return results.find((r) => r.pack)?.pack?.respondents.singular ?? "kommune";
}

/** The findings a batch adds (conflicts, choices), as lines: `fil: besked`. */
export function batchLines(results: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const r of results)
    for (const f of r.findings) {
      // A conflict names its files and is the same on each of them: shown once.
      const line =
        f.rule === BATCH_RULES.konflikt
          ? `  ${f.severity}  ${f.message}`
          : f.rule === BATCH_RULES.fravalgt
            ? `  ${f.severity}  ${r.fil}: ${f.message}`
            : undefined;
      if (line && !lines.includes(line)) lines.push(line);
    }
  return lines;
}

export function registerValider(program: Command, io: CliIo): void {
  program
    .command("valider")
    .description(
      "læs og validér udfyldte skabeloner: en tabel med fund pr. fil (exitkode 1 ved fejl)"
    )
    .argument(
      "<filer...>",
      "en eller flere udfyldte skabeloner (.xlsx, eller .json som til opregn)"
    )
    .option("--json", "skriv resultatet som JSON (én liste med en post pr. fil)")
    .option(
      "--pakke <id|fil>",
      "pakken, skabelonerne er lavet fra, når den ikke er indbygget (en .json-fil)"
    )
    .option(...VAELG_OPTION)
    .action(async (filer: string[], opts: { json?: boolean; pakke?: string; vaelg?: string[] }) => {
      // Each file's report is printed whole, once it is complete, in the files' order.
      const results = await validateFiles(filer, {
        ...(opts.pakke !== undefined ? { pakke: opts.pakke } : {}),
        ...(opts.vaelg !== undefined ? { vaelg: opts.vaelg } : {}),
        onResult: (r) => {
          if (!opts.json)
            io.out([`== ${r.fil} ==`, ...findingsTable(r.findings), summaryLine(r), ""].join("\n"));
        },
      });
      const withErrors = results.filter((r) =>
        r.findings.some((f) => f.severity === "fejl")
      ).length;
      if (opts.json) io.out(JSON.stringify(results.map(resultJson), null, 2));
      else {
        const batch = batchLines(results);
        if (batch.length > 0)
          io.out(
            [`== Flere indberetninger fra samme ${respondentNoun(results)} ==`, ...batch, ""].join(
              "\n"
            )
          );
        if (results.length > 1)
          io.out(
            `I alt: ${plural(results.length, "fil", "filer")}, ${withErrors} med fejl, ${results.length - withErrors} uden fejl.`
          );
      }
      if (withErrors > 0) {
        throw new CliError(
          `${withErrors} af ${plural(results.length, "fil", "filer")} har fejl.`,
          1
        );
      }
    });
}
