import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands";
import { CliError } from "./errors";
import { type CliIo, processIo } from "./io";

const TITLES: Record<string, string> = {
  "Usage:": "Brug:",
  "Options:": "Tilvalg:",
  "Commands:": "Kommandoer:",
  "Arguments:": "Argumenter:",
  "Global Options:": "Fælles tilvalg:",
};

/** Commander's own (English) usage errors, in Danish. */
export function danishCommanderMessage(text: string): string {
  return text
    .replace(/^error: unknown option '([^']*)'(.*)$/m, "fejl: ukendt tilvalg '$1'$2")
    .replace(/^error: unknown command '([^']*)'(.*)$/m, "fejl: ukendt kommando '$1'$2")
    .replace(/^error: missing required argument '([^']*)'/m, "fejl: argumentet '$1' mangler")
    .replace(/^error: option '([^']*)' argument missing/m, "fejl: tilvalget '$1' mangler en værdi")
    .replace(
      /^error: required option '([^']*)' not specified/m,
      "fejl: tilvalget '$1' skal angives"
    )
    .replace(/^error: too many arguments.*$/m, "fejl: for mange argumenter")
    .replace(/\(Did you mean (.*)\?\)/, "(Mente du $1?)");
}

/** The `byrde` program with every command registered (see commands/index.ts). */
export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command("byrde")
    .description(
      "Byrdeberegner: skabeloner, udfyldning og aflæsning af kommunernes opgørelser af administrative byrder."
    )
    .helpOption("-h, --help", "vis hjælp")
    .helpCommand("help [kommando]", "vis hjælp til en kommando")
    .showHelpAfterError("(Skriv byrde --help for hjælp.)")
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(danishCommanderMessage(s)),
    })
    .usage("[tilvalg] [kommando]")
    .exitOverride();
  for (const register of COMMANDS) register(program, io);
  for (const cmd of program.commands) {
    const args = cmd.registeredArguments.map((a) =>
      a.required ? `<${a.name()}>` : `[${a.name()}]`
    );
    cmd
      .usage(["[tilvalg]", ...args].join(" "))
      .helpOption("-h, --help", "vis hjælp")
      .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
      .showHelpAfterError(`(Skriv byrde ${cmd.name()} --help for hjælp.)`)
      .exitOverride();
  }
  return program;
}

/** Runs `byrde` on process-style argv; resolves to the exit code (0 ok, 2 user error). */
export async function main(
  argv: readonly string[] = process.argv,
  io: CliIo = processIo
): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with 0; usage errors (already printed, in Danish) with 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      io.err(`fejl: ${e.message}`);
      return e.exitCode;
    }
    io.err(`fejl: uventet fejl: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
