import type { Command } from "commander";
import { basename } from "path";
import { loadPackText } from "../../domain/pack/load";
import { pakkeJsonSchema } from "../../domain/pack/schema";
import { BUILTIN_PACK_IDS, builtinPack } from "../../domain/pakker";
import { CliError } from "../errors";
import { type CliIo, readBytes } from "../io";
import { packOption, problemLines } from "../pack";
import { countText } from "../../domain/parse/number";

/** One line per built-in pack: id, name, version, templates. */
export function packsText(): string {
  return BUILTIN_PACK_IDS.map((id) => {
    const p = builtinPack(id)!;
    const n = p.templates.length;
    return `${p.id}  ${p.name} (version ${p.version}; ${n} ${n === 1 ? "skabelon" : "skabeloner"})`;
  }).join("\n");
}

export function registerPakker(program: Command, io: CliIo): void {
  program
    .command("pakker")
    .description("vis de indbyggede pakker (undersøgelser), der kan bruges med --pakke")
    .action(() => io.out(packsText()));
}

export function registerPakke(program: Command, io: CliIo): void {
  const pakke = program
    .command("pakke")
    .description("arbejd med pakkefiler: tjek en pakke, skriv JSON-skemaet, vis en pakke");
  pakke
    .command("tjek")
    .description(
      "tjek en pakkefil: skema, id'er, henvisninger, udtryk og ringe (afslutter med 2 ved fejl)"
    )
    .argument("<fil>", "pakkefilen (.json) eller id'et på en indbygget pakke")
    .action((fil: string) => {
      const builtin = builtinPack(fil);
      if (builtin) {
        io.out(
          `${fil}: den indbyggede pakke er i orden (${countText(builtin.templates.length, "skabelon", "skabeloner")}, ${countText(builtin.fields.size, "felt", "felter")}).`
        );
        return;
      }
      const r = loadPackText(Buffer.from(readBytes(fil)).toString("utf8"));
      if (!r.ok) {
        for (const line of problemLines(basename(fil), r.problems)) io.err(line);
        const n = r.problems.length;
        throw new CliError(`${fil}: ${n} ${n === 1 ? "problem" : "problemer"} i pakken.`);
      }
      const p = r.pack;
      io.out(
        `${fil}: pakken »${p.id}« er i orden: ${countText(p.templates.length, "skabelon", "skabeloner")}, ${countText(p.fields.size, "felt", "felter")}, ${countText(p.calculations.length, "beregning", "beregninger")}, ${countText(p.report.tables.length, "rapporttabel", "rapporttabeller")}.`
      );
    });
  pakke
    .command("skema")
    .description("skriv pakkeformatets JSON Schema (til autoudfyldning i en editor)")
    .action(() => io.out(JSON.stringify(pakkeJsonSchema(), null, 2)));
  pakke
    .command("vis")
    .description("skriv en pakke som JSON (fx for at lave en ny pakke ud fra en indbygget)")
    .argument("<pakke>", "id'et på en indbygget pakke, eller en pakkefil")
    .action((spec: string) => io.out(JSON.stringify(packOption(spec).source, null, 2)));
}
