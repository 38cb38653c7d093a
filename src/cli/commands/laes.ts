import type { Command } from "commander";
import { existsSync } from "fs";
import type { FieldValue, Finding, RawReturn } from "../../domain/model";
import type { Pack } from "../../domain/pack/model";
import { parseCell, serialToIsoDate } from "../../domain/parse/cell";
import { formatDanishNumber } from "../../domain/parse/number";
import { withoutCpr } from "../../domain/validate/cpr";
import { CliError } from "../errors";
import type { CliIo } from "../io";
import { openedPacks, packForReturn } from "../pack";
import { readReturnFiles } from "../readPool";

/** What `byrde læs --json` prints. Dates as ISO text and clock times as tt:mm; other values as parsed. */
export function returnJson(
  given: RawReturn,
  pack: Pack
): {
  kommune: string | null;
  pakke: string | null;
  skabelon: string | null;
  version: number | null;
  felter: Record<string, FieldValue>;
  findings: Finding[];
} {
  // A CPR-like value is never printed.
  const clean = withoutCpr(given, pack);
  const raw = clean.raw;
  const felter: Record<string, FieldValue> = {};
  const findings: Finding[] = [...clean.findings];
  // The pack's order, so output is stable whatever order the workbook lists its names in.
  const order = new Map([...pack.fields.keys()].map((id, i) => [id, i]));
  // Records of a list block with nothing in them are not part of the return.
  const filledRecords = new Set<string>();
  for (const id of Object.keys(raw.cells)) {
    const f = pack.fields.get(id);
    const v = raw.cells[id].value;
    if (f?.record !== undefined && v !== null && v !== undefined && String(v).trim() !== "")
      filledRecords.add(`${f.template}.${f.block}.${f.record}`);
  }
  const ids = Object.keys(raw.cells).filter((id) => {
    const f = pack.fields.get(id);
    return (
      f !== undefined &&
      (f.record === undefined || filledRecords.has(`${f.template}.${f.block}.${f.record}`))
    );
  });
  ids.sort((a, b) => order.get(a)! - order.get(b)!);
  for (const id of ids) {
    const f = pack.fields.get(id)!;
    // The same lenient, reported parsing validation uses ("12,5" → 12.5, "X" → "x").
    const parsed = parseCell(raw.cells[id], f.kind, id, f.choices);
    const v = parsed.value;
    felter[id] =
      typeof v === "number" && f.kind === "dato"
        ? serialToIsoDate(v)
        : typeof v === "number" && f.kind === "klokkeslaet"
          ? clockText(v)
          : v;
    findings.push(...parsed.findings);
  }
  return {
    kommune: raw.meta.kommune ?? null,
    pakke: raw.meta.pakke ?? null,
    skabelon: raw.meta.skabelon ?? null,
    version: raw.meta.version ?? null,
    felter,
    findings,
  };
}

/** A fraction of a day as tt:mm (24:00 for the end of the day). */
function clockText(v: number): string {
  const min = Math.round(v * 1440);
  return `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
}

export function registerLaes(program: Command, io: CliIo): void {
  program
    .command("læs")
    .alias("laes")
    .description("læs alle felter i en (udfyldt) skabelon")
    .argument("<fil>", "skabelonen (.xlsx)")
    .option("--json", 'skriv { "kommune", "pakke", "skabelon", "version", "felter" } som JSON')
    .option(
      "--pakke <id|fil>",
      "pakken, skabelonen er lavet fra, når den ikke er indbygget (en .json-fil)"
    )
    .action(async (fil: string, opts: { json?: boolean; pakke?: string }) => {
      if (!existsSync(fil)) throw new CliError(`Filen findes ikke: ${fil}`);
      const opened = openedPacks(opts.pakke);
      const [raw] = await readReturnFiles(
        [fil],
        opts.pakke !== undefined ? { pakke: opts.pakke } : {}
      );
      const choice = packForReturn(raw, opened);
      if (!choice.ok) throw new CliError(`${fil}: ${choice.message}`);
      // Nothing could be read (not an .xlsx, corrupt, no fields): an error, exit code 2.
      const errors = raw.findings.filter((f) => f.severity === "fejl");
      if (Object.keys(raw.cells).length === 0 && errors.length > 0) {
        throw new CliError(`${fil}: ${errors.map((f) => f.message).join("\n")}`);
      }
      const out = returnJson(raw, choice.pack);
      for (const f of [...raw.findings, ...out.findings]) io.err(`${f.severity}: ${f.message}`);
      if (opts.json) {
        const { findings: _f, ...json } = out;
        io.out(JSON.stringify(json, null, 2));
        return;
      }
      io.out(`Kommune: ${out.kommune ?? "(mangler)"}`);
      io.out(`Skabeloner: ${out.skabelon ?? "(mangler)"}`);
      io.out(`Pakke: ${out.pakke ?? `(ingen; læst som ${choice.pack.id})`}`);
      io.out(`Pakkens version: ${out.version ?? "(mangler)"}`);
      const filled = Object.entries(out.felter).filter(([, v]) => v !== null);
      io.out(`Udfyldte felter: ${filled.length} af ${Object.keys(out.felter).length}`);
      for (const [id, v] of filled) {
        const loc = raw.cells[id]?.location;
        const shown = typeof v === "number" ? formatDanishNumber(v) : JSON.stringify(v);
        io.out(`  ${id} = ${shown}${loc ? ` (${loc.sheet}!${loc.cell})` : ""}`);
      }
    });
}
