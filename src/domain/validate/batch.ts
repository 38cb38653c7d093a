/**
 * A batch of validated returns judged together: which returns may enter a calculation.
 *
 * - A return whose respondent is not on the pack's list (or has no name) never does; its
 *   `ukendt_kommune` / `kommune_mangler` fejl is already on the return (meta.ts).
 * - A respondent may send one file per template (in a pack with periods, per template and
 *   period: a driftsherre's returns for 2016 and 2017 are two years, not a conflict; a pack that
 *   computes each form on its own, `flere_skemaer`, has no conflicts at all); two returns from
 *   one respondent that cover a common template are a conflict (`flere_indberetninger`, fejl, on
 *   every file involved), and none of them is used until the consultant chooses. Returns are
 *   grouped by shared templates:
 *   A (ukn, tilsyn), B (ukn) and C (tilsyn) are one conflict; D (gdpr) beside them is used.
 * - A choice names a respondent and the file(s) to use. Within that respondent's conflicts the
 *   chosen files are used (they must not overlap each other), and every other file is left out
 *   with an info (`fravalgt`). Nothing is picked by argument order or by guessing.
 *
 * Used by the CLI (valider and opregn report the same verdict), and by the projection engine and
 * the table calculator, which keep unknown respondents and unresolved conflicts out of every
 * figure whoever calls them.
 */
import { makeFinding } from "../findings";
import type { Finding, KommuneReturn } from "../model";
import type { Pack } from "../pack/model";
import { periodOf } from "../pack/period";
import { didYouMean, findRespondent, suggestRespondents } from "../pack/respondents";

export const BATCH_RULES = {
  konflikt: "flere_indberetninger",
  fravalgt: "fravalgt",
} as const;

/** The consultant's choice: for this respondent use these files (names as the batch knows them). */
export interface RespondentChoice {
  readonly respondent: string;
  readonly files: readonly string[];
}

export interface Conflict {
  readonly respondent: string;
  /** The files involved, in the batch's order. */
  readonly files: readonly string[];
  /** Templates two or more of them cover. */
  readonly templates: readonly string[];
  /** Resolved by a choice (the files used), or undefined: none of them is used. */
  readonly chosen?: readonly string[];
}

export interface BatchVerdict {
  /** Per return (the batch's order): the findings the batch adds. */
  readonly findings: readonly (readonly Finding[])[];
  /** Per return: whether it may enter a calculation. */
  readonly used: readonly boolean[];
  readonly conflicts: readonly Conflict[];
  /** Choices that cannot be applied (unknown respondent or file), in Danish. */
  readonly badChoices: readonly string[];
}

export interface BatchOptions {
  readonly choices?: readonly RespondentChoice[];
  /** How the consultant chooses, appended to a conflict's message (e.g. the CLI's option). */
  readonly howToChoose?: (respondent: string, files: readonly string[]) => string;
}

/** The name a return goes by in the batch (its file, else a placeholder with its position). */
export function returnLabel(r: KommuneReturn, index: number): string {
  return r.file ?? `indberetning nr. ${index + 1}`;
}

function listOf(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/** Groups of returns (indices) linked by a template they both cover. */
function overlapGroups(returns: readonly KommuneReturn[], members: readonly number[]): number[][] {
  const parent = new Map(members.map((i) => [i, i]));
  const find = (i: number): number => {
    while (parent.get(i) !== i) i = parent.get(i)!;
    return i;
  };
  const owner = new Map<string, number>();
  for (const i of members) {
    for (const t of returns[i].skabeloner) {
      const j = owner.get(t);
      if (j === undefined) owner.set(t, i);
      else parent.set(find(i), find(j));
    }
  }
  const groups = new Map<number, number[]>();
  for (const i of members) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.values()];
}

function sharedTemplates(returns: readonly KommuneReturn[], group: readonly number[]): string[] {
  const seen = new Map<string, number>();
  for (const i of group) for (const t of returns[i].skabeloner) seen.set(t, (seen.get(t) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([t]) => t);
}

/** Judges a batch of returns validated with `pack` (see the module comment). Never throws. */
export function judgeBatch(
  pack: Pack,
  returns: readonly KommuneReturn[],
  options: BatchOptions = {}
): BatchVerdict {
  const r = pack.respondents;
  const labels = returns.map(returnLabel);
  const findings: Finding[][] = returns.map(() => []);
  const used = returns.map(() => false);
  const conflicts: Conflict[] = [];
  const badChoices: string[] = [];

  const byRespondent = new Map<string, number[]>();
  // Returns that may conflict: one respondent's, for one period where the pack has periods.
  const byRespondentPeriod = new Map<string, { name: string; members: number[] }>();
  returns.forEach((ret, i) => {
    const name = ret.kommune ? findRespondent(r, ret.kommune) : undefined;
    if (!name) return;
    byRespondent.set(name, [...(byRespondent.get(name) ?? []), i]);
    const key = `${name}\u0000${periodOf(pack, ret) ?? ""}`;
    const entry = byRespondentPeriod.get(key) ?? { name, members: [] };
    entry.members.push(i);
    byRespondentPeriod.set(key, entry);
  });

  const choices = new Map<string, Set<string>>();
  for (const c of options.choices ?? []) {
    const name = findRespondent(r, c.respondent);
    if (!name) {
      const hint = didYouMean(suggestRespondents(r, c.respondent));
      badChoices.push(
        `»${c.respondent}« er ikke en af pakkens ${r.plural}${hint ? `. ${hint}` : "."}`
      );
      continue;
    }
    const own = byRespondent.get(name) ?? [];
    for (const f of c.files) {
      if (!own.some((i) => labels[i] === f))
        badChoices.push(
          own.length === 0
            ? `Der er ingen indberetning fra ${name} at vælge (${f}).`
            : `${f} er ikke en af indberetningerne fra ${name} (${listOf(own.map((i) => labels[i]))}).`
        );
    }
    choices.set(name, new Set([...(choices.get(name) ?? []), ...c.files]));
  }

  for (const { name, members } of byRespondentPeriod.values()) {
    // Forms computed each on their own (flere_skemaer): many returns from one respondent are
    // the point (one day sheet per citizen and day), never a conflict.
    if (r.separateForms) {
      for (const i of members) used[i] = true;
      continue;
    }
    const chosen = choices.get(name);
    for (const group of overlapGroups(returns, members)) {
      if (group.length === 1) {
        used[group[0]] = true;
        continue;
      }
      const files = group.map((i) => labels[i]);
      const templates = sharedTemplates(returns, group);
      const picked = group.filter((i) => chosen?.has(labels[i]));
      const pickedClash = picked.length > 1 && sharedTemplates(returns, picked).length > 0;
      if (picked.length > 0 && !pickedClash) {
        const pickedFiles = picked.map((i) => labels[i]);
        conflicts.push({ respondent: name, files, templates, chosen: pickedFiles });
        for (const i of group) {
          if (picked.includes(i)) {
            used[i] = true;
            continue;
          }
          findings[i].push(
            makeFinding({
              rule: BATCH_RULES.fravalgt,
              severity: "info",
              text: `bruges ikke: for ${name} er ${listOf(pickedFiles)} valgt blandt ${group.length} indberetninger, der dækker det samme (${templates.join(", ")}).`,
              file: labels[i],
            })
          );
        }
        continue;
      }
      conflicts.push({ respondent: name, files, templates });
      const how = options.howToChoose?.(name, files);
      const clash = pickedClash
        ? ` De valgte filer (${listOf(picked.map((i) => labels[i]))}) dækker selv det samme; vælg én pr. skabelon.`
        : "";
      for (const i of group) {
        findings[i].push(
          makeFinding({
            rule: BATCH_RULES.konflikt,
            severity: "fejl",
            text: `der er ${group.length} indberetninger fra ${r.definite} ${name}, som dækker det samme (${templates.join(", ")}): ${listOf(files)}. Ingen af dem indgår i beregningerne, før der er valgt.${clash}${how ? ` ${how}` : ""}`,
            file: labels[i],
          })
        );
      }
    }
  }
  return { findings, used, conflicts, badChoices };
}

/**
 * The returns that may enter a calculation, with a Danish line in `log` for each one left out
 * (an unknown respondent, or an unresolved conflict). For the engine and the table calculator.
 */
export function usableReturns(
  pack: Pack,
  returns: readonly KommuneReturn[],
  log: string[] = []
): KommuneReturn[] {
  const v = judgeBatch(pack, returns);
  const r = pack.respondents;
  returns.forEach((ret, i) => {
    if (v.used[i]) return;
    const where = ret.file ? ` (${ret.file})` : "";
    if (!ret.kommune || !findRespondent(r, ret.kommune))
      log.push(
        `${ret.kommune ? `»${ret.kommune}«` : "En indberetning uden navn"}${where} er ikke på pakkens liste over ${r.plural} og indgår ikke i beregningerne.`
      );
  });
  for (const c of v.conflicts) {
    if (c.chosen) continue;
    log.push(
      `${c.respondent}: ${c.files.length} indberetninger dækker det samme (${c.templates.join(", ")}): ${listOf(c.files)}; ingen af dem indgår i beregningerne, før der er valgt.`
    );
  }
  return returns.filter((_, i) => v.used[i]);
}
