/**
 * The nedslagspunkter's methods as data (the `projektion` calculation of a pack, e.g. kl2024):
 * which fields are the burden and the driver per year, what multiplies the mean ratio for the
 * studied municipalities, and where the national count comes from. Expressions are trees of the
 * pack's calculation language (../expr), with `{år}` the year being computed.
 */
import type { Node } from "../expr/ast";

/** A Kommunedata key (a key of the pack's per-municipality input table). */
export type KommunedataKey = string;

/** One ratio b/d of a municipality (magt has one per area; the municipality's r is their mean). */
export interface RatioDef {
  readonly label: string;
  readonly burden: Node;
  readonly driver: Node;
}

/** Where the national number of units comes from. */
export type NationalUnits =
  /** A *Landstal* figure directly (e.g. dagtilbud nationally). */
  | { readonly landstal: string }
  /** Two-stage: Σ_M units / Σ_M base × the *Landstal* base (e.g. tilsyn per dagtilbud × dagtilbud). */
  | { readonly twoStage: { readonly base: KommunedataKey; readonly landstal: string } };

/** A part of a nedslagspunkt whose projections add up (an outcome type, a barometer). */
export interface ComponentDef {
  readonly id: string;
  readonly label: string;
  /** Per municipality, r = mean of its applicable ratios. */
  readonly ratios: readonly RatioDef[];
  /**
   * A zero (or, with an empty burden, empty) driver: "udelad" leaves the municipality out of the
   * nedslagspunkt with the reason; "ikke_relevant" means it had none of these units (e.g. no
   * schools with this outcome), so it is not in this part's mean but stays in the others.
   */
  readonly zeroDriver: "udelad" | "ikke_relevant";
  /** Units multiplying r̄ for the studied municipalities (Σ over M), and the two-stage numerator. */
  readonly units: Node;
  readonly national: NationalUnits;
  /** Weights for the ratio-of-sums estimate Σ r·w / Σ w (default: the single ratio's driver, so Σb/Σd). */
  readonly weight?: Node;
  /** Danish name of one unit (e.g. "sag", "dagtilbud"), for sheets and messages. */
  readonly unitName: string;
  /** Plural (e.g. "sager"). */
  readonly unitPlural: string;
}

export interface MethodDef {
  readonly id: string;
  readonly navn: string;
  /** Sheet name of its fact sheet in the report (≤ 31 characters). */
  readonly arkNavn: string;
  /** Forvaltningsområde: the first template's. */
  readonly omraade: string;
  /** Where the increased burden comes from (the overview table's last column, in our own words). */
  readonly beskrivelse: string;
  /** Templates whose returns feed this nedslagspunkt. */
  readonly templates: readonly string[];
  /** "timer": burdens in hours, divided by timer pr. årsværk; "aarsvaerk": already årsværk. */
  readonly enhed: "timer" | "aarsvaerk";
  readonly basis: number;
  readonly slut: number;
  /** New task: 0 at the baseline by definition. */
  readonly ny: boolean;
  /** Only some respondents have the task (an empty return is not a gap). */
  readonly frivillig?: boolean;
  readonly components: readonly ComponentDef[];
  /** The method in one paragraph (fact sheet). */
  readonly metode: string;
  /** Who the task falls on (fact sheet, prefilled text the consultant may edit). */
  readonly hvem?: string;
  /** Whether the nedslagspunkt creates value (fact sheet, prefilled text the consultant may edit). */
  readonly vaerdiskabende?: string;
}
