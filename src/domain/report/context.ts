/** What every sheet of the kl2024 report reads besides its own data: the pack, labels, settings and print. */
import type { PrintOptions } from "../layout/builder";
import { PAGE_OF, SHEET_NAME, headerText, smallPrint } from "../layout/page";
import type { Pack } from "../pack/model";
import type { MethodDef } from "../project/definitions";
import type { ProjectionScope } from "../project/expr";
import type { Landstal, ResolvedIndstillinger } from "../project/inputs";

export interface ReportContext {
  readonly pack: Pack;
  readonly methods: readonly MethodDef[];
  /** How the pack's expressions read. */
  readonly scope: ProjectionScope;
  /** Labels of the Landstal and Kommunedata keys, and the Kommunedata keys in order. */
  readonly landstalLabels: Readonly<Record<string, string>>;
  readonly kdLabels: Readonly<Record<string, string>>;
  readonly kdKeys: readonly string[];
  /** Kommunedata key → field (with {år}) of the return's own figure, when the table lacks it. */
  readonly kdDefaults: Readonly<Record<string, string>>;
  readonly landstal: Landstal;
  readonly settings: ResolvedIndstillinger;
  /** Header and footer of every printed page. */
  readonly print: PrintOptions;
}

/** Header (document title) and footer (sheet, page x af y) of the report's pages. */
export function reportPrint(title: string): PrintOptions {
  return {
    header: smallPrint({ left: headerText(title) }),
    footer: smallPrint({ left: SHEET_NAME, right: PAGE_OF }),
  };
}

/** The name of a nedslagspunkt by id (the id itself when the pack lacks it). */
export function methodName(ctx: ReportContext, id: string | undefined): string {
  if (!id) return "";
  return ctx.methods.find((m) => m.id === id)?.navn ?? id;
}
