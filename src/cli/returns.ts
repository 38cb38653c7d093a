/**
 * One verdict: `valider` and `opregn` read and judge returns through this module and nothing
 * else, so the same file gets the same findings from both. Per file: read (an .xlsx in a
 * worker with its own budget, see readPool.ts; a .json return in this thread), refused with one
 * finding when it cannot be read, else validated with the pack its meta names. Then the batch:
 * unknown respondents and two returns from one respondent covering the same template
 * (domain/validate/batch.ts), with the consultant's `--vaelg` choices.
 */
import { readFileSync } from "fs";
import { basename, extname } from "path";
import { fileErrorText, jsonErrorText } from "../domain/libraryErrors";
import type { Finding, KommuneReturn, RawReturn } from "../domain/model";
import type { Pack } from "../domain/pack/model";
import { packFor } from "../domain/pack/select";
import { rawReturnFromFelter, type FelterJson } from "../domain/project";
import { validateReturn } from "../domain/validate";
import {
  judgeBatch,
  type BatchVerdict,
  type Conflict,
  type RespondentChoice,
} from "../domain/validate/batch";
import { refusalOf } from "../xlsx/batch";
import { CliError } from "./errors";
import { sameFile, splitList } from "./io";
import { openedPacks, packForReturn } from "./pack";
import { readReturnFiles } from "./readPool";

/** The reader's own meta remark; validation reports meta with its own rules (kommune_mangler …). */
const SUPERSEDED = new Set(["meta_mangler"]);

export interface FileResult {
  /** The file as given on the command line (also the name findings use). */
  readonly fil: string;
  /** Set when the file could be read. */
  readonly retur?: KommuneReturn;
  /** The pack it was validated with. */
  readonly pack?: Pack;
  readonly locatedBy?: RawReturn["locatedBy"];
  /** The file's own findings, then the batch's (conflicts, choices). */
  readonly findings: readonly Finding[];
  /** Whether the return may enter a calculation (known respondent, no open conflict). */
  readonly used: boolean;
}

/** A RawReturn that stands for a file that could not be read (one fejl). */
function unreadable(fil: string, rule: string, message: string): RawReturn {
  return {
    file: fil,
    meta: {},
    cells: {},
    locatedBy: "navne",
    findings: [{ rule, severity: "fejl", message, file: fil }],
  };
}

/**
 * A return given as JSON `{ "kommune", "pakke"?, "skabelon"?, "felter" }`. Without "pakke" it
 * is read with `--pakke`'s pack when given, else kl2024 (as an .xlsx made before packs existed).
 */
export function readJsonReturn(fil: string, opened: readonly Pack[]): RawReturn {
  let text: string;
  try {
    text = readFileSync(fil, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    return unreadable(fil, "fil_mangler", fileErrorText(e, fil, "læse"));
  }
  let j: Partial<FelterJson> | null;
  try {
    j = JSON.parse(text) as Partial<FelterJson> | null;
  } catch (e) {
    return unreadable(
      fil,
      "ulaeselig_fil",
      `Filen kan ikke læses som JSON: ${jsonErrorText(e, text)}`
    );
  }
  if (
    !j ||
    typeof j !== "object" ||
    typeof j.kommune !== "string" ||
    !j.felter ||
    typeof j.felter !== "object" ||
    Array.isArray(j.felter)
  ) {
    return unreadable(
      fil,
      "ulaeselig_fil",
      "En indberetning som JSON skal have »kommune« (tekst) og »felter« (objekt med felt-id → værdi)."
    );
  }
  const named = j.pakke ?? opened[0]?.id;
  const choice = packFor(named, opened);
  const pack = choice.ok ? choice.pack : undefined;
  const raw = rawReturnFromFelter(j as FelterJson, fil, undefined, pack);
  return named && !j.pakke ? { ...raw, meta: { ...raw.meta, pakke: named } } : raw;
}

/** Validates one file's read with the pack its meta names; an unreadable file keeps its one error. */
export function validateRaw(
  fil: string,
  raw: RawReturn,
  opened: readonly Pack[] = []
): Omit<FileResult, "used"> {
  const fatal = refusalOf(raw);
  if (fatal) return { fil, findings: [{ ...fatal, file: fil }] };
  const choice = packForReturn(raw, opened);
  if (!choice.ok)
    return {
      fil,
      findings: [{ rule: "pakke_ukendt", severity: "fejl", message: choice.message, file: fil }],
    };
  const retur = validateReturn(
    { ...raw, file: fil, findings: raw.findings.filter((f) => !SUPERSEDED.has(f.rule)) },
    choice.pack
  );
  return { fil, retur, pack: choice.pack, locatedBy: raw.locatedBy, findings: retur.findings };
}

/** `--vaelg NAVN=FIL` (repeatable, comma-separated) → choices; a malformed one is a usage error. */
export function parseChoices(specs: readonly string[] | undefined): RespondentChoice[] {
  const out: RespondentChoice[] = [];
  for (const spec of splitList(specs)) {
    const eq = spec.lastIndexOf("=");
    const who = spec.slice(0, eq).trim();
    const file = spec.slice(eq + 1).trim();
    if (eq <= 0 || who === "" || file === "")
      throw new CliError(
        `--vaelg skal skrives NAVN=FIL (fx --vaelg Odense=odense-rettet.xlsx), ikke »${spec}«.`
      );
    out.push({ respondent: who, files: [file] });
  }
  return out;
}

/** The option's help text (one source for valider and opregn). */
export const VAELG_OPTION = [
  "--vaelg <navn=fil...>",
  "vælg hvilken fil der gælder, når en respondent har sendt flere indberetninger, der dækker det samme (fx --vaelg Odense=odense-rettet.xlsx)",
] as const;

/** The hint a conflict's message ends with (a file by its base name when that is unique). */
function howToChoose(all: readonly string[]) {
  return (respondent: string, files: readonly string[]): string => {
    const name = /\s/.test(respondent) ? `"${respondent}"` : respondent;
    const base = basename(files[0]);
    const file = all.filter((f) => basename(f) === base).length === 1 ? base : files[0];
    return `Vælg med --vaelg ${name}=${file} (eller en af de andre).`;
  };
}

/** A chosen file as the batch names it: the path as given, the same file, or a unique base name. */
function resolveChoiceFile(spec: string, files: readonly string[]): string {
  if (files.includes(spec)) return spec;
  const same = files.find((f) => sameFile(f, spec));
  if (same) return same;
  const byName = files.filter((f) => basename(f) === spec);
  return byName.length === 1 ? byName[0] : spec;
}

export interface JudgedFiles {
  readonly results: readonly FileResult[];
  readonly conflicts: readonly Conflict[];
}

export interface JudgeOptions {
  /** `--pakke`: a pack id or pack file besides the built-in ones. */
  readonly pakke?: string;
  /** `--vaelg`. */
  readonly vaelg?: readonly string[];
  /** Each file's own result in the files' order, as soon as it and every file before it are done. */
  readonly onFile?: (result: Omit<FileResult, "used">) => void;
}

/**
 * Reads, validates and judges return files (the one path for valider and opregn). Never throws
 * on a file's content; a `--vaelg` that names no file or respondent is a usage error (exit 2).
 */
export async function judgeFiles(
  files: readonly string[],
  options: JudgeOptions = {}
): Promise<JudgedFiles> {
  const choices = parseChoices(options.vaelg);
  const opened = openedPacks(options.pakke);
  const isJson = (f: string) => extname(f).toLowerCase() === ".json";
  const xlsx = files.filter((f) => !isJson(f));
  const raws: Array<RawReturn | undefined> = files.map((f) =>
    isJson(f) ? readJsonReturn(f, opened) : undefined
  );
  const own: Array<Omit<FileResult, "used"> | undefined> = new Array(files.length);
  let shown = 0;
  const flush = () => {
    while (shown < files.length && raws[shown]) {
      own[shown] ??= validateRaw(files[shown], raws[shown]!, opened);
      options.onFile?.(own[shown]!);
      shown++;
    }
  };
  const xlsxIndex = files.map((f, i) => (isJson(f) ? -1 : i)).filter((i) => i >= 0);
  flush();
  await readReturnFiles(xlsx, {
    ...(options.pakke !== undefined ? { pakke: options.pakke } : {}),
    onProgress: (p) => {
      raws[xlsxIndex[p.index]] = p.result;
      flush();
    },
  });
  flush();
  const single = own.map((r, i) => r ?? validateRaw(files[i], raws[i]!, opened));

  // The batch, per pack (a batch that mixes packs is judged pack by pack).
  const added: Finding[][] = files.map(() => []);
  const used = files.map(() => false);
  const conflicts: Conflict[] = [];
  const badChoices: string[] = [];
  const byPack = new Map<Pack, number[]>();
  single.forEach((r, i) => {
    if (r.retur && r.pack) byPack.set(r.pack, [...(byPack.get(r.pack) ?? []), i]);
  });
  const labels = single.filter((r) => r.retur).map((r) => r.fil);
  const resolved = choices.map((c) => ({
    respondent: c.respondent,
    files: c.files.map((f) => resolveChoiceFile(f, labels)),
  }));
  for (const [pack, members] of byPack) {
    const v: BatchVerdict = judgeBatch(
      pack,
      members.map((i) => single[i].retur!),
      { choices: resolved, howToChoose: howToChoose(labels) }
    );
    members.forEach((i, k) => {
      added[i].push(...v.findings[k]);
      used[i] = v.used[k];
    });
    conflicts.push(...v.conflicts);
    if (byPack.size === 1) badChoices.push(...v.badChoices);
  }
  if (byPack.size === 0 && resolved.length > 0)
    badChoices.push("--vaelg: ingen af filerne kunne læses, så der er intet at vælge imellem.");
  if (badChoices.length > 0) throw new CliError(`--vaelg: ${badChoices.join(" ")}`);

  const results = single.map((r, i): FileResult => {
    const findings = [...r.findings, ...added[i]];
    return {
      ...r,
      ...(r.retur ? { retur: { ...r.retur, findings } } : {}),
      findings,
      used: used[i],
    };
  });
  return { results, conflicts };
}
