import { META_FIELDS, TEMPLATES, fieldsOf } from "../domain/catalogue";
import type { TemplateDef } from "../domain/catalogue/types";
import { makeFinding } from "../domain/findings";
import { LabelLocator, type GridSheet } from "../domain/locate";
import type { CellLocation, Finding, RawCell, RawReturn } from "../domain/model";
import { splitTemplateIds } from "../domain/validate/meta";
import type { NamedRef } from "./reader/package";

/** What the label fallback reads from: every sheet as a grid, and single cells as raw cells. */
export interface CellSource {
  readonly grids: readonly GridSheet[];
  /** The cell at a location (value, number format, location); undefined when the sheet is gone. */
  cell(location: CellLocation): RawCell | undefined;
}

export const LOCATE_RULES = {
  laestViaEtiketter: "laest_via_etiketter",
  navneFlyttet: "navne_flyttet",
  metaViaEtiketter: "meta_via_etiketter",
} as const;

/**
 * Completes a names-based read: fields whose defined names are missing are found by their
 * labels and year headers; named cells that do not sit beside their label and year (rows
 * inserted by a tool that left the names behind) are read where the labels say. Each
 * fallback is reported. Meta missing by name is looked up beside its label. `names` are the
 * workbook's defined names; `templates` the catalogue's templates (those `meta.skabelon` names,
 * or, without it, those whose Data sheet is found).
 */
export function withLabelFallback(
  source: CellSource,
  raw: RawReturn,
  names: ReadonlyMap<string, NamedRef>,
  templates: readonly TemplateDef[] = TEMPLATES
): RawReturn {
  const locator = new LabelLocator(source.grids);
  const file = raw.file !== undefined ? { file: raw.file } : {};
  let findings: Finding[] = [...raw.findings];
  const cells: Record<string, RawCell> = { ...raw.cells };
  const meta: { -readonly [K in keyof RawReturn["meta"]]: RawReturn["meta"][K] } = { ...raw.meta };

  // Meta by label only where its defined name is gone (a named but empty cell is just empty).
  const lost = (["kommune", "skabelon", "version", "pakke"] as const).filter(
    (k) => meta[k] === undefined && !names.get(META_FIELDS[k])?.location
  );
  if (lost.length > 0) {
    const found = locator.meta();
    for (const key of lost) {
      if (found[key] === undefined) continue;
      (meta as Record<string, unknown>)[key] = found[key];
      const id = META_FIELDS[key];
      const location = found.locations[id];
      findings = findings.filter((f) => !(f.rule === "meta_mangler" && f.field === id));
      findings.push(
        makeFinding({
          rule: LOCATE_RULES.metaViaEtiketter,
          severity: "info",
          text: `${id} havde intet navn; læst ud for sin etiket.`,
          field: id,
          location,
          original: found[key],
          ...file,
        })
      );
    }
  }

  const byId = new Map(templates.map((t) => [t.id, t] as const));
  const known = splitTemplateIds(meta.skabelon)
    .map((id) => byId.get(id))
    .filter((t) => t !== undefined);
  const chosen = known.length > 0 ? known : locator.detect(templates);
  let viaLabels = false;
  for (const t of chosen) {
    const fields = fieldsOf(t);
    const missing = fields.filter((f) => !cells[f.id]);
    const suspect = fields.filter(
      (f) => cells[f.id]?.location && !locator.agrees(f, cells[f.id].location!)
    );
    if (missing.length === 0 && suspect.length === 0) continue;
    const located = locator.locate(t);
    if (!located) continue;
    let added = 0;
    let moved = 0;
    for (const f of missing) {
      const loc = located.fields.get(f.id);
      const cell = loc && source.cell(loc);
      if (cell) {
        cells[f.id] = cell;
        added++;
      }
    }
    for (const f of suspect) {
      const loc = located.fields.get(f.id);
      const old = cells[f.id].location!;
      if (!loc || (loc.sheet === old.sheet && loc.cell === old.cell)) continue;
      const cell = source.cell(loc);
      if (cell) {
        cells[f.id] = cell;
        moved++;
      }
    }
    if (added > 0) {
      viaLabels = true;
      findings.push(
        makeFinding({
          rule: LOCATE_RULES.laestViaEtiketter,
          severity: "advarsel",
          text: `${added} af ${t.shortName}s ${fields.length} felter havde intet navn i projektmappen og er fundet på arket »${located.sheet}« ud fra etiketter og årstal. Tjek, at tallene står ud for de rigtige etiketter og år.`,
          ...file,
        })
      );
    }
    if (moved > 0) {
      viaLabels = true;
      findings.push(
        makeFinding({
          rule: LOCATE_RULES.navneFlyttet,
          severity: "advarsel",
          text: `${moved} navngivne felter i ${t.shortName} pegede ikke på cellen ud for deres etiket og årstal (er der indsat eller flyttet rækker?); værdierne er læst ud for etiketterne på »${located.sheet}«.`,
          ...file,
        })
      );
    }
  }
  if (viaLabels && Object.keys(cells).some((k) => !k.startsWith("meta."))) {
    findings = findings.filter((f) => f.rule !== "ingen_felter");
  }
  return { ...raw, meta, cells, locatedBy: viaLabels ? "etiketter" : raw.locatedBy, findings };
}
