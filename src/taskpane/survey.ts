/**
 * The survey the pane works with, behind one object made from a pack: its templates (blocks,
 * rows, records, fields, units), its respondents, the template layout, the validation and,
 * loaded on demand, its calculation (kl2024's projection, or any pack's report tables). Every
 * view takes these from `useSurvey()` (surveyContext.ts), never from src/domain directly, so
 * that opening another pack replaces this one object and nothing else.
 */
import type { ColumnKey, FieldDef, FieldKind, TemplateDef } from "../domain/catalogue/types";
import { cellId, recordFieldId, textId } from "../domain/fieldId";
import { KINDS } from "../domain/kinds";
import { FORSIDE, buildTemplateWorkbook } from "../domain/layout";
import type { WorkbookPlan } from "../domain/layout/types";
import type { KommuneReturn, RawReturn } from "../domain/model";
import type { Pack } from "../domain/pack/model";
import { findRespondent } from "../domain/pack/respondents";
import { packFor } from "../domain/pack/select";
import { findKommune } from "../domain/catalogue/kommuner";
import { defaultPack } from "../domain/pakker";
import { projectionOf } from "../domain/project/component";
import { validateReturn } from "../domain/validate";

/** The projection side (engine, report, input sheets), a separate chunk. */
export type ProjectionModule = typeof import("./projection");
/** The report tables of any pack, a separate chunk. */
export type TablesModule = typeof import("./tables");

/** A word in the singular and the plural ("nedslagspunkt", "nedslagspunkter"). */
export interface Noun {
  readonly one: string;
  readonly many: string;
}

export interface Survey {
  readonly pack: Pack;
  /** Shown in the pane, e.g. the pack's name. */
  readonly title: string;
  /** kl2024-style projection, or report tables. */
  readonly kind: "projektion" | "tabeller";
  readonly templates: readonly TemplateDef[];
  /** What a template is called ("nedslagspunkt"/"skema"). */
  readonly templateNoun: Noun;
  /** Who answers ("kommune"/"kommuner", "team"/"teams"). */
  readonly respondent: Noun;
  readonly kommuner: readonly { readonly navn: string; readonly kode: string | number }[];
  readonly isKommune: (name: string) => boolean;
  /** The front page's sheet name (rewritten when templates are added). */
  readonly forside: string;
  readonly buildTemplates: (kommune: string, templateIds: readonly string[]) => WorkbookPlan;
  readonly fieldId: (template: string, block: string, row: string, column: ColumnKey) => string;
  readonly recordFieldId: (template: string, block: string, n: number, field: string) => string;
  readonly textFieldId: (template: string, id: string) => string;
  /** Unit shown beside a row, by field kind ("timer", "%", …). */
  readonly unit: (kind: FieldKind) => string | undefined;
  /** A field of the pack by id (kind, choices, label). */
  readonly field: (id: string) => FieldDef | undefined;
  /** A field's row label and column, for lists ("Timer pr. sag, 2019"); undefined for unknown ids. */
  readonly fieldLabel: (id: string) => string | undefined;
  readonly validate: (raw: RawReturn) => KommuneReturn;
  /** The projection engine, report and input-sheet readers (loaded on first use). */
  readonly projection: () => Promise<ProjectionModule>;
  /** The report tables of the pack (loaded on first use). */
  readonly tables: () => Promise<TablesModule>;
}

export function capitalised(s: string): string {
  return s.charAt(0).toLocaleUpperCase("da") + s.slice(1);
}

export function surveyFromPack(pack: Pack): Survey {
  const forside = pack.source.forside;
  const r = pack.respondents;
  return {
    pack,
    title: pack.name,
    kind: projectionOf(pack) ? "projektion" : "tabeller",
    templates: pack.templates,
    templateNoun: forside?.enhed
      ? { one: forside.enhed, many: forside.enheder ?? `${forside.enhed}er` }
      : { one: "skema", many: "skemaer" },
    respondent: { one: r.singular, many: r.plural },
    kommuner: r.names.map((navn, i) => ({ navn, kode: findKommune(navn)?.kode ?? i })),
    isKommune: (name) => findRespondent(r, name) !== undefined,
    forside: FORSIDE,
    buildTemplates: (kommune, ids) => buildTemplateWorkbook(kommune, ids, { pack }),
    fieldId: cellId,
    recordFieldId,
    textFieldId: textId,
    unit: (kind) => KINDS[kind].unit || undefined,
    field: (id) => pack.fields.get(id),
    fieldLabel: (id) => {
      const f = pack.fields.get(id);
      if (!f) return undefined;
      if (f.record !== undefined) return `${f.label}, post ${f.record}`;
      return f.columnLabel !== undefined ? `${f.label}, ${f.columnLabel}` : f.label;
    },
    validate: (raw) => {
      // A workbook made from another pack is validated with that pack (when it is available).
      const c = packFor(raw.meta.pakke, [pack]);
      return validateReturn(raw, c.ok ? c.pack : pack);
    },
    projection: () => import(/* webpackChunkName: "opregn" */ "./projection"),
    tables: () => import(/* webpackChunkName: "tabeller" */ "./tables"),
  };
}

/** The default survey: the KL 2024 pack. */
export const KL2024: Survey = surveyFromPack(defaultPack());
