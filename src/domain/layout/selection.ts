import type { Pack } from "../pack/model";
import { defaultPack } from "../pakker";
import { projectionOf } from "../project/component";

export interface Selection {
  /** Template ids in the pack's order, without repeats. */
  readonly templateIds: readonly string[];
  /** Entries that are neither a template id nor a group of templates (a nedslagspunkt). */
  readonly unknown: readonly string[];
}

/** Named groups of templates: a projection's nedslagspunkter (e.g. "magt" → magt_voksen, magt_aeldre). */
function groups(pack: Pack): readonly { id: string; templates: readonly string[] }[] {
  return projectionOf(pack)?.methods.map((m) => ({ id: m.id, templates: m.templates })) ?? [];
}

/**
 * Resolves a list of template ids and nedslagspunkt ids to the pack's template ids. An empty
 * list means every template.
 */
export function resolvePunkter(entries: readonly string[], pack: Pack = defaultPack()): Selection {
  const templates = pack.templates;
  const wanted = entries.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 0);
  if (wanted.length === 0) return { templateIds: templates.map((t) => t.id), unknown: [] };
  const chosen = new Set<string>();
  const unknown: string[] = [];
  for (const e of wanted) {
    const t = templates.find((x) => x.id === e);
    const n = groups(pack).find((x) => x.id === e);
    if (t) chosen.add(t.id);
    else if (n) n.templates.forEach((id) => chosen.add(id));
    else if (!unknown.includes(e)) unknown.push(e);
  }
  return { templateIds: templates.filter((t) => chosen.has(t.id)).map((t) => t.id), unknown };
}

/** Every name `resolvePunkter` accepts, for error messages: template ids, then group ids not already listed. */
export function validPunktNames(pack: Pack = defaultPack()): string[] {
  const names = pack.templates.map((t) => t.id);
  for (const n of groups(pack)) if (!names.includes(n.id)) names.push(n.id);
  return names;
}
