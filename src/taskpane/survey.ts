/**
 * The survey the pane works with, behind one object: its templates (blocks, rows, fields,
 * units), the municipalities, the template layout, the validation and, loaded on demand, the
 * projection and report. Every view takes these from `useSurvey()` (surveyContext.ts), never
 * from src/domain/catalogue or src/domain/project directly, so that another survey (a pack
 * file opened in the pane) replaces this one object and nothing else.
 */
import {
  ALL_FIELDS,
  KIND_UNIT,
  KOMMUNER,
  TEMPLATES,
  fieldId,
  findKommune,
  textFieldId,
  type ColumnKey,
  type FieldKind,
  type TemplateDef,
} from "../domain/catalogue";
import { FORSIDE, buildTemplateWorkbook } from "../domain/layout";
import type { WorkbookPlan } from "../domain/layout/types";
import type { KommuneReturn, RawReturn } from "../domain/model";
import { validateReturn } from "../domain/validate";

/** The projection side (engine, report, input sheets), a separate chunk. */
export type ProjectionModule = typeof import("./projection");

export interface Survey {
  /** Shown in the pane's header, e.g. "KL 2024". */
  readonly title: string;
  readonly templates: readonly TemplateDef[];
  readonly kommuner: readonly { readonly navn: string; readonly kode: string | number }[];
  readonly isKommune: (name: string) => boolean;
  /** The front page's sheet name (rewritten when templates are added). */
  readonly forside: string;
  readonly buildTemplates: (kommune: string, templateIds: readonly string[]) => WorkbookPlan;
  readonly fieldId: (template: string, block: string, row: string, column: ColumnKey) => string;
  readonly textFieldId: (template: string, id: string) => string;
  /** Unit shown beside a row, by field kind ("timer", "%", …). */
  readonly unit: (kind: FieldKind) => string | undefined;
  /** A field's row label and year, for lists ("Timer pr. sag, 2019"); undefined for unknown ids. */
  readonly fieldLabel: (id: string) => string | undefined;
  readonly validate: (raw: RawReturn) => KommuneReturn;
  /** The projection engine, report and input-sheet readers (loaded on first use). */
  readonly projection: () => Promise<ProjectionModule>;
}

export const KL2024: Survey = {
  title: "KL 2024",
  templates: TEMPLATES,
  kommuner: KOMMUNER,
  isKommune: (name) => findKommune(name) !== undefined,
  forside: FORSIDE,
  buildTemplates: buildTemplateWorkbook,
  fieldId,
  textFieldId,
  unit: (kind) => KIND_UNIT[kind] || undefined,
  fieldLabel: (id) => {
    const f = ALL_FIELDS.get(id);
    return f ? (f.year !== undefined ? `${f.label}, ${f.year}` : f.label) : undefined;
  },
  validate: (raw) => validateReturn(raw),
  projection: () => import(/* webpackChunkName: "opregn" */ "./projection"),
};
