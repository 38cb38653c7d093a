import {
  Command,
  CommanderError,
  type Argument,
  type HelpConfiguration,
  type Option,
} from "commander";
import { readFileSync } from "fs";
import { join } from "path";
import { capitalise, knownLibraryError } from "../domain/libraryErrors";
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
      /^error: option '([^']*)' argument '([^']*)' is invalid\./m,
      "fejl: værdien '$2' kan ikke bruges til tilvalget '$1'."
    )
    .replace(
      /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./m,
      "fejl: værdien '$1' kan ikke bruges som $2."
    )
    .replace(
      /^error: required option '([^']*)' not specified/m,
      "fejl: tilvalget '$1' skal angives"
    )
    .replace(/^error: (.*) cannot be used with (.*)$/m, "fejl: $1 kan ikke bruges sammen med $2")
    .replace(
      /^error: too many arguments.*Expected (\d+) arguments? but got (\d+)\.$/m,
      (_m, want: string, got: string) =>
        `fejl: for mange argumenter (højst ${want}, men fik ${got})`
    )
    .replace(/^error: too many arguments.*$/m, "fejl: for mange argumenter")
    .replace(/\(Did you mean (.*)\?\)/, "(Mente du $1?)")
    .replace(/^error: /m, "fejl: ");
}

/** An argument as the help shows it: <navn>, [navn], <navn...>. */
function argTerm(a: Argument): string {
  const name = a.name() + (a.variadic ? "..." : "");
  return a.required ? `<${name}>` : `[${name}]`;
}

/** The extras after a description: (påkrævet), (standard: …), (valg: …). */
function extras(
  description: string,
  info: {
    mandatory?: boolean;
    defaultValue?: unknown;
    defaultDescription?: string;
    choices?: readonly string[];
  }
): string {
  const parts: string[] = [];
  if (info.mandatory) parts.push("påkrævet");
  if (info.choices) parts.push(`valg: ${info.choices.join(", ")}`);
  if (info.defaultValue !== undefined && typeof info.defaultValue !== "boolean")
    parts.push(`standard: ${info.defaultDescription ?? String(info.defaultValue)}`);
  return parts.length > 0 ? `${description} (${parts.join("; ")})`.trim() : description;
}

/** Commander's help in Danish: titles, [tilvalg], (påkrævet), (standard: …), (valg: …). */
export const DANISH_HELP: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,
  subcommandTerm: (cmd) =>
    [
      cmd.name() + (cmd.aliases()[0] ? `|${cmd.aliases()[0]}` : ""),
      ...(cmd.options.some((o) => o.long !== "--help") ? ["[tilvalg]"] : []),
      ...cmd.registeredArguments.map(argTerm),
    ].join(" "),
  optionDescription: (o: Option) =>
    extras(o.description, {
      mandatory: o.mandatory,
      defaultValue: o.defaultValue,
      ...(o.defaultValueDescription ? { defaultDescription: o.defaultValueDescription } : {}),
      ...(o.argChoices ? { choices: o.argChoices } : {}),
    }),
  argumentDescription: (a: Argument) =>
    extras(a.description, {
      defaultValue: a.defaultValue,
      ...(a.defaultValueDescription ? { defaultDescription: a.defaultValueDescription } : {}),
      ...(a.argChoices ? { choices: a.argChoices } : {}),
    }),
};

/** The version in package.json (the same file for the sources and the compiled CLI). */
export function byrdeVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "ukendt";
  } catch {
    return "ukendt";
  }
}

/** Danish help, usage errors and exit behaviour for a command and every command under it. */
function danish(cmd: Command, path: string): void {
  const args = cmd.registeredArguments.map(argTerm);
  if (path !== "byrde") {
    const sub = cmd.commands.length > 0 ? ["[kommando]"] : [];
    cmd.usage(["[tilvalg]", ...sub, ...args].join(" "));
  }
  cmd
    .helpOption("-h, --help", "vis denne hjælp")
    .configureHelp(DANISH_HELP)
    .showHelpAfterError(`(Skriv ${path} --help for hjælp.)`)
    .exitOverride();
  if (cmd.commands.length > 0 && path !== "byrde")
    cmd.helpCommand("help [kommando]", "vis hjælp til en kommando");
  for (const sub of cmd.commands) danish(sub, `${path} ${sub.name()}`);
}

/** The `byrde` program with every command registered (see commands/index.ts). */
export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command("byrde")
    .description(
      "Byrdeberegner: skabeloner, udfyldning, validering og opregning af kommunernes (og andre respondenters) opgørelser af administrative byrder."
    )
    .version(`byrde ${byrdeVersion()}`, "-V, --version", "vis versionsnummeret")
    .helpCommand("help [kommando]", "vis hjælp til en kommando")
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(danishCommanderMessage(s)),
    })
    .usage("[tilvalg] [kommando]")
    .addHelpText(
      "after",
      [
        "",
        "Exitkoder:",
        "  0  alt er læst og beregnet",
        "  1  fund med alvor »fejl«, eller noget kan ikke beregnes (også ved en uventet programfejl)",
        "  2  forkert brug, eller en fil kommandoen skal bruge, kan ikke læses eller skrives",
        "",
        "Filer, der findes, skrives kun over med --overskriv.",
      ].join("\n")
    );
  for (const register of COMMANDS) register(program, io);
  danish(program, "byrde");
  return program;
}

/**
 * Runs `byrde` on process-style argv; resolves to the exit code: 0 all read and computed, 1
 * findings of severity fejl or something that cannot be computed, 2 usage or file errors.
 */
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
    // A library error that escaped (a file-system or workbook error): in Danish, as a file error.
    const known = knownLibraryError(e);
    if (known) {
      io.err(`fejl: ${capitalise(known)}`);
      return 2;
    }
    io.err(
      "fejl: der opstod en uventet fejl i Byrdeberegner (en programfejl, ikke en fejl i dine filer). Kør kommandoen igen med BYRDE_FEJLSPOR=1 for at se de tekniske detaljer til en fejlrapport."
    );
    if (process.env.BYRDE_FEJLSPOR) io.err((e as Error).stack ?? String(e));
    return 1;
  }
}
