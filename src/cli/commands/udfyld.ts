import type { Command } from "commander";
import { fillWorkbook } from "../../xlsx";
import { CliError } from "../errors";
import {
  type CliIo,
  OVERSKRIV_OPTION,
  readBytes,
  readJson,
  refuseExisting,
  refuseInputAsOutput,
  writeBytes,
} from "../io";
import { openedPacks } from "../pack";
import { countText } from "../../domain/parse/number";

interface UdfyldOptions {
  ud: string;
  pakke?: string;
  overskriv?: boolean;
}

/** DATA.json: `{ "felter": { id: value } }` or a flat `{ id: value }`. */
export function fieldValuesFrom(data: unknown, file: string): Record<string, unknown> {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new CliError(
      `${file} skal være et JSON-objekt: { "felter": { "felt-id": værdi } } eller { "felt-id": værdi }.`
    );
  }
  const o = data as Record<string, unknown>;
  if ("felter" in o) {
    const f = o.felter;
    if (f === null || typeof f !== "object" || Array.isArray(f)) {
      throw new CliError(`"felter" i ${file} skal være et objekt: { "felt-id": værdi }.`);
    }
    return f as Record<string, unknown>;
  }
  return o;
}

export function registerUdfyld(program: Command, io: CliIo): void {
  program
    .command("udfyld")
    .description("udfyld en skabelon med værdier fra en JSON-fil (felt-id → værdi)")
    .argument("<skabelon>", "skabelonen (.xlsx)")
    .argument("<data>", 'JSON-fil: { "felter": { "ukn.hovedsager.timer_pr_sag.2019": 40, ... } }')
    .requiredOption(
      "-o, --ud <fil>",
      "den udfyldte fil (.xlsx); samme fil som skabelonen kræver --overskriv"
    )
    .option(
      "--pakke <id|fil>",
      "pakken, skabelonen er lavet fra, når den ikke er indbygget (en .json-fil)"
    )
    .option(...OVERSKRIV_OPTION)
    .action(async (skabelon: string, data: string, opts: UdfyldOptions) => {
      const writeOptions = { overskriv: opts.overskriv === true };
      refuseInputAsOutput(opts.ud, [data, ...(opts.pakke ? [opts.pakke] : [])]);
      refuseExisting([opts.ud], writeOptions);
      const values = fieldValuesFrom(readJson(data), data);
      const res = await fillWorkbook(readBytes(skabelon), values, openedPacks(opts.pakke));
      if (!res.ok) {
        const lines = res.errors.map((e) => `  ${e.message}`);
        throw new CliError(
          `${data}: ${res.errors.length} fejl; intet er skrevet.\n${lines.join("\n")}`
        );
      }
      writeBytes(opts.ud, res.bytes, writeOptions);
      io.out(`Udfyldte ${countText(res.written, "felt", "felter")}; skrev ${opts.ud}.`);
    });
}
