import { NEDSLAGSPUNKTER, TEMPLATES } from "../catalogue";

export interface Selection {
  /** Template ids in catalogue order, without repeats. */
  readonly templateIds: readonly string[];
  /** Entries that are neither a template id nor a nedslagspunkt id. */
  readonly unknown: readonly string[];
}

/**
 * Resolves a list of template ids and nedslagspunkt ids (e.g. "magt" → magt_voksen, magt_aeldre)
 * to template ids. An empty list means every template.
 */
export function resolvePunkter(entries: readonly string[]): Selection {
  const wanted = entries.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 0);
  if (wanted.length === 0) return { templateIds: TEMPLATES.map((t) => t.id), unknown: [] };
  const chosen = new Set<string>();
  const unknown: string[] = [];
  for (const e of wanted) {
    const t = TEMPLATES.find((x) => x.id === e);
    const n = NEDSLAGSPUNKTER.find((x) => x.id === e);
    if (t) chosen.add(t.id);
    else if (n) n.templates.forEach((id) => chosen.add(id));
    else if (!unknown.includes(e)) unknown.push(e);
  }
  return { templateIds: TEMPLATES.filter((t) => chosen.has(t.id)).map((t) => t.id), unknown };
}

/** Every name `resolvePunkter` accepts, for error messages: template ids, then nedslagspunkt ids not already listed. */
export function validPunktNames(): string[] {
  const names = TEMPLATES.map((t) => t.id);
  for (const n of NEDSLAGSPUNKTER) if (!names.includes(n.id)) names.push(n.id);
  return names;
}
