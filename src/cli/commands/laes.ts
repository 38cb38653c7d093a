import type { Command } from "commander";
import { existsSync } from "fs";
import { ALL_FIELDS } from "../../domain/catalogue";
import type { FieldValue, Finding, RawReturn } from "../../domain/model";
import { parseCell } from "../../domain/parse";
import { CliError } from "../errors";
import type { CliIo } from "../io";
import { readReturnFiles } from "../readPool";

/** What `byrde læs --json` prints. */
export function returnJson(raw: RawReturn): {
  kommune: string | null;
  skabelon: string | null;
  version: number | null;
  felter: Record<string, FieldValue>;
  findings: Finding[];
} {
  const felter: Record<string, FieldValue> = {};
  const findings: Finding[] = [];
  const ids = Object.keys(raw.cells);
  // Catalogue order, so output is stable whatever order the workbook lists its names in.
  const order = [...ALL_FIELDS.keys()];
  ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const id of ids) {
    // The same lenient, reported parsing validation uses ("12,5" → 12.5, "X" → "x").
    const parsed = parseCell(raw.cells[id], ALL_FIELDS.get(id)!.kind, id);
    felter[id] = parsed.value;
    findings.push(...parsed.findings);
  }
  return {
    kommune: raw.meta.kommune ?? null,
    skabelon: raw.meta.skabelon ?? null,
    version: raw.meta.version ?? null,
    felter,
    findings,
  };
}

export function registerLaes(program: Command, io: CliIo): void {
  program
    .command("læs")
    .alias("laes")
    .description("læs alle felter i en (udfyldt) skabelon")
    .argument("<fil>", "skabelonen (.xlsx)")
    .option("--json", 'skriv { "kommune", "skabelon", "version", "felter" } som JSON')
    .action(async (fil: string, opts: { json?: boolean }) => {
      if (!existsSync(fil)) throw new CliError(`Filen findes ikke: ${fil}`);
      const [raw] = await readReturnFiles([fil]);
      // Nothing could be read (not an .xlsx, corrupt, no fields): an error, exit code 2.
      const errors = raw.findings.filter((f) => f.severity === "fejl");
      if (Object.keys(raw.cells).length === 0 && errors.length > 0) {
        throw new CliError(`${fil}: ${errors.map((f) => f.message).join("\n")}`);
      }
      const out = returnJson(raw);
      for (const f of [...raw.findings, ...out.findings]) io.err(`${f.severity}: ${f.message}`);
      if (opts.json) {
        const { findings: _f, ...json } = out;
        io.out(JSON.stringify(json, null, 2));
        return;
      }
      io.out(`Kommune: ${out.kommune ?? "(mangler)"}`);
      io.out(`Skabeloner: ${out.skabelon ?? "(mangler)"}`);
      io.out(`Katalogversion: ${out.version ?? "(mangler)"}`);
      const filled = Object.entries(out.felter).filter(([, v]) => v !== null);
      io.out(`Udfyldte felter: ${filled.length} af ${Object.keys(out.felter).length}`);
      for (const [id, v] of filled) {
        const loc = raw.cells[id].location;
        io.out(`  ${id} = ${JSON.stringify(v)}${loc ? ` (${loc.sheet}!${loc.cell})` : ""}`);
      }
    });
}
