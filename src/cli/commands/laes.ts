import type { Command } from "commander";
import { ALL_FIELDS } from "../../domain/catalogue";
import type { FieldValue, RawReturn } from "../../domain/model";
import { readReturn } from "../../xlsx";
import { CliError } from "../errors";
import { type CliIo, readBytes } from "../io";

/**
 * A raw cell value as a FieldValue: numbers stay numbers, "x" ticks become "x", other text is
 * kept as written, blank is null. (No lenient reinterpretation here: that is validation's job.)
 */
export function plainFieldValue(id: string, value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (value instanceof Date) return value.toISOString();
  const s = String(value);
  if (s.trim() === "") return null;
  if (ALL_FIELDS.get(id)?.kind === "x" && s.trim().toLowerCase() === "x") return "x";
  return s;
}

/** What `byrde læs --json` prints. */
export function returnJson(raw: RawReturn): { kommune: string | null; skabelon: string | null; version: number | null; felter: Record<string, FieldValue> } {
  const felter: Record<string, FieldValue> = {};
  const ids = Object.keys(raw.cells);
  // Catalogue order, so output is stable whatever order the workbook lists its names in.
  const order = [...ALL_FIELDS.keys()];
  ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const id of ids) felter[id] = plainFieldValue(id, raw.cells[id].value);
  return {
    kommune: raw.meta.kommune ?? null,
    skabelon: raw.meta.skabelon ?? null,
    version: raw.meta.version ?? null,
    felter,
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
      const raw = await readReturn(readBytes(fil), fil);
      const fatal = raw.findings.filter((f) => f.severity === "fejl" && f.rule === "ulaeselig_fil");
      if (fatal.length > 0) throw new CliError(fatal.map((f) => f.message).join("\n"));
      for (const f of raw.findings) io.err(`${f.severity}: ${f.message}`);
      const out = returnJson(raw);
      if (opts.json) {
        io.out(JSON.stringify(out, null, 2));
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
