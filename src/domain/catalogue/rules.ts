/**
 * Validation rules as data, keyed by template id. One generic evaluator
 * (src/domain/validate/rules.ts) runs them; no template has rule code of its own.
 *
 * Field references are `<block>.<row>` within the template; a rule is checked for every year
 * in which all of its fields exist (or for `years`, where given).
 *
 * Templates not (yet) in the catalogue are skipped; test/domain/catalogue/rules.test.ts checks
 * that every reference names a real field of every template that is.
 */
import type { Severity } from "../model";

/** `<block>.<row>` inside one template. */
export type FieldRef = string;

/** A named quantity: the sum of `add` minus the sum of `sub`, all of the same year. */
export interface Operand {
  /** Short Danish name for messages, e.g. "sager i alt". */
  readonly name: string;
  readonly add: readonly FieldRef[];
  readonly sub?: readonly FieldRef[];
}

interface RuleBase {
  /** Rule id: the finding's `rule`. Unique across the catalogue. */
  readonly id: string;
  readonly severity: Severity;
  /** The rule in one Danish sentence, shown first in every finding it produces. */
  readonly message: string;
  /** Only these years (default: every year in which all the rule's fields exist). */
  readonly years?: readonly number[];
}

/** `terms` must equal `total` (checked when every field of both is filled in). */
export interface SumEqualsRule extends RuleBase {
  readonly kind: "sumEquals";
  readonly terms: Operand;
  readonly total: Operand;
  /** Allowed absolute difference (default 0). */
  readonly tolerance?: number;
}

/**
 * chain[0] ≤ chain[1] ≤ …, pair by pair. The left side of a pair is checked as soon as one of
 * its fields is filled in (empty terms can only make a sum smaller, so a sum that already
 * exceeds the right side is wrong whatever the empty cells hold); the right side must be
 * complete.
 */
export interface LessOrEqualChainRule extends RuleBase {
  readonly kind: "lessOrEqualChain";
  readonly chain: readonly Operand[];
}

/** A year is ticked with x exactly when `count` > 0. */
export interface TickIffPositiveRule extends RuleBase {
  readonly kind: "tickIffPositive";
  readonly tick: FieldRef;
  readonly count: Operand;
}

/**
 * Hours given for a year need a volume above 0 to be divided by, and a volume above 0 needs
 * hours. Checked where the projection divides these hours by this volume.
 */
export interface RequiresVolumeRule extends RuleBase {
  readonly kind: "requiresVolume";
  readonly hours: Operand;
  readonly volume: Operand;
}

export type RuleDef =
  SumEqualsRule | LessOrEqualChainRule | TickIffPositiveRule | RequiresVolumeRule;

/**
 * What the projection needs from a template (method.md: baseline and final year per
 * nedslagspunkt). Empty fields here give a `mangler_aar` advarsel: the municipality drops out
 * of that year's projection.
 */
export interface CompletenessNeed {
  readonly years: readonly number[];
  readonly fields: readonly FieldRef[];
}

const op = (name: string, ...add: FieldRef[]): Operand => ({ name, add });

const UKN_HOURS_VOLUME: readonly RuleDef[] = (
  [
    ["hovedsager", "hovedsager", "timer pr. hovedsag"],
    ["genindbringelse", "genindbringelsessager", "timer pr. genindbringelsessag"],
  ] as const
).map(([block, row, name]) => ({
  kind: "requiresVolume",
  id: `ukn_timer_volumen_${block}`,
  severity: "advarsel",
  message: `Timer pr. sag og antal ${row} hører sammen`,
  hours: op(name, `${block}.timer_pr_sag`),
  volume: op(`antal ${row}`, `volumen.${row}`),
}));

function twoGroupHours(
  id: string,
  message: string,
  hoursName: string,
  blocks: readonly [string, string],
  row: string,
  volume: Operand
): RequiresVolumeRule {
  return {
    kind: "requiresVolume",
    id,
    severity: "advarsel",
    message,
    hours: op(hoursName, ...blocks.map((b) => `${b}.${row}`)),
    volume,
  };
}

/** Consistency rules per template id. */
export const RULES: Readonly<Record<string, readonly RuleDef[]>> = {
  ukn: [
    {
      kind: "sumEquals",
      id: "ukn_sager_sum",
      severity: "fejl",
      message: "Hovedsager og genindbringelsessager skal tilsammen give antal sager i alt",
      terms: op(
        "hovedsager + genindbringelsessager",
        "volumen.hovedsager",
        "volumen.genindbringelsessager"
      ),
      total: op("sager i alt", "volumen.sager_i_alt"),
    },
    ...UKN_HOURS_VOLUME,
  ],
  barometre: [
    {
      kind: "tickIffPositive",
      id: "barometre_udvalgt_boernesag",
      severity: "fejl",
      message: "Et år er udvalgt (x) til Børnesagsbarometeret, netop når der er indsendt sager",
      tick: "boernesag_volumen.udvalgt",
      count: op("antal indsendte sager", "boernesag_volumen.sager"),
    },
    {
      kind: "tickIffPositive",
      id: "barometre_udvalgt_handicap",
      severity: "fejl",
      message: "Et år er udvalgt (x) til Handicapsagsbarometeret, netop når der er indsendt sager",
      tick: "handicap_volumen.udvalgt",
      count: op("antal indsendte sager", "handicap_volumen.sager"),
    },
    {
      kind: "requiresVolume",
      id: "barometre_timer_volumen_boernesag",
      severity: "advarsel",
      message: "Timer på Børnesagsbarometeret og antal indsendte sager hører sammen",
      hours: op("timer i alt", "boernesag.timer_i_alt"),
      volume: op("antal indsendte sager", "boernesag_volumen.sager"),
    },
    {
      kind: "requiresVolume",
      id: "barometre_timer_volumen_handicap",
      severity: "advarsel",
      message: "Timer på Handicapsagsbarometeret og antal indsendte sager hører sammen",
      hours: op("timer i alt", "handicap.timer_i_alt"),
      volume: op("antal indsendte sager", "handicap_volumen.sager"),
    },
  ],
  tilsyn: [
    {
      kind: "lessOrEqualChain",
      id: "tilsyn_handleplan_max",
      severity: "fejl",
      message: "Tilsyn med handleplan kan ikke være flere end de gennemførte tilsyn",
      chain: [
        op("tilsyn med handleplan", "volumen.tilsyn_handleplan"),
        op("gennemførte tilsyn", "volumen.antal_tilsyn"),
      ],
    },
    twoGroupHours(
      "tilsyn_timer_volumen",
      "Timer pr. tilsyn og antal gennemførte tilsyn hører sammen",
      "timer pr. tilsyn",
      ["forvaltning", "dagtilbud"],
      "timer_pr_tilsyn",
      op("gennemførte tilsyn", "volumen.antal_tilsyn")
    ),
  ],
  kvalitet: [
    {
      kind: "lessOrEqualChain",
      id: "kvalitet_skoler_kaede",
      severity: "fejl",
      message:
        "Skoler udtaget (bekymrende + handleplan + pålagt handleplan) ≤ henvendelser fra STUK ≤ folkeskoler i kommunen",
      chain: [
        op("udtagne skoler", "volumen.bekymrende", "volumen.handleplan", "volumen.paalagt"),
        op("henvendelser", "volumen.henvendelser"),
        op("folkeskoler", "volumen.antal_folkeskoler"),
      ],
    },
    twoGroupHours(
      "kvalitet_timer_volumen_bekymrende",
      "Timer på skoler med »bekymrende faglig kvalitet« og antallet af sådanne skoler hører sammen",
      "timer (bekymrende)",
      ["bekymrende_forvaltning", "bekymrende_skole"],
      "timer_i_alt",
      op("skoler med bekymrende faglig kvalitet", "volumen.bekymrende")
    ),
    twoGroupHours(
      "kvalitet_timer_volumen_handleplan",
      "Timer på skoler med handleplan og antallet af skoler med (pålagt) handleplan hører sammen",
      "timer (handleplan)",
      ["handleplan_forvaltning", "handleplan_skole"],
      "timer_i_alt",
      op("skoler med handleplan eller pålagt handleplan", "volumen.handleplan", "volumen.paalagt")
    ),
  ],
  parallel: [
    {
      kind: "lessOrEqualChain",
      id: "parallel_skoler_kaede",
      severity: "fejl",
      message: "Skoler i parallelsamfundstilsyn ≤ henvendelser fra STUK ≤ folkeskoler i kommunen",
      chain: [
        op("skoler i tilsyn", "volumen.tilsyn"),
        op("henvendelser", "volumen.henvendelser"),
        op("folkeskoler", "volumen.antal_folkeskoler"),
      ],
    },
    twoGroupHours(
      "parallel_timer_volumen_tilfredsstillende",
      "Timer på skoler med tilfredsstillende redegørelse og antallet af sådanne skoler (henvendelser − tilsyn) hører sammen",
      "timer (tilfredsstillende)",
      ["tilfredsstillende_forvaltning", "tilfredsstillende_skole"],
      "timer_i_alt",
      { name: "henvendelser − tilsyn", add: ["volumen.henvendelser"], sub: ["volumen.tilsyn"] }
    ),
    twoGroupHours(
      "parallel_timer_volumen_tilsyn",
      "Timer på skoler i parallelsamfundstilsyn og antallet af sådanne skoler hører sammen",
      "timer (tilsyn)",
      ["tilsyn_forvaltning", "tilsyn_skole"],
      "timer_i_alt",
      op("skoler i tilsyn", "volumen.tilsyn")
    ),
  ],
  magt_voksen: [
    twoGroupHours(
      "magt_voksen_timer_volumen",
      "Timer på magtanvendelsesreglerne og antal forhåndsgodkendelser hører sammen",
      "timer i alt",
      ["forvaltning", "udfoerer"],
      "timer_i_alt",
      op("forhåndsgodkendelser", "volumen.forhaandsgodkendelser")
    ),
  ],
  magt_aeldre: [
    twoGroupHours(
      "magt_aeldre_timer_volumen",
      "Timer på magtanvendelsesreglerne og antal forhåndsgodkendelser hører sammen",
      "timer i alt",
      ["forvaltning", "udfoerer"],
      "timer_i_alt",
      op("forhåndsgodkendelser", "volumen.forhaandsgodkendelser")
    ),
  ],
};

/**
 * The fields the projection uses, in the years it uses them (method.md, "Per nedslagspunkt":
 * baseline and final year; a nedslagspunkt that is new at its baseline needs only the final
 * year). Hours whose need depends on a volume (e.g. UKN genindbringelse, only when there were
 * such cases) are left to the requiresVolume rules above.
 */
export const COMPLETENESS: Readonly<Record<string, readonly CompletenessNeed[]>> = {
  // 2017 new → 2022: cases by type and in total; hours per case follow the volumes.
  ukn: [
    {
      years: [2022],
      fields: ["volumen.sager_i_alt", "volumen.hovedsager", "volumen.genindbringelsessager"],
    },
  ],
  // Only municipalities selected by Ankestyrelsen take part, so no year is required; the
  // tickIffPositive and requiresVolume rules check the years that are ticked.
  barometre: [],
  // 2017 new → 2023; the driver (dagtilbud) lives in Kommunedata.
  normering: [{ years: [2023], fields: ["forvaltning.timer_i_alt", "dagtilbud.timer_i_alt"] }],
  // 2020 → 2023.
  tilsyn: [
    {
      years: [2020, 2023],
      fields: [
        "forvaltning.timer_pr_tilsyn",
        "dagtilbud.timer_pr_tilsyn",
        "volumen.antal_dagtilbud",
        "volumen.antal_tilsyn",
      ],
    },
  ],
  // 2018 → 2023: outcome counts; hours follow the outcomes.
  kvalitet: [
    {
      years: [2018, 2023],
      fields: [
        "volumen.antal_folkeskoler",
        "volumen.henvendelser",
        "volumen.bekymrende",
        "volumen.handleplan",
        "volumen.paalagt",
      ],
    },
  ],
  // 2020 new → 2023.
  parallel: [
    {
      years: [2023],
      fields: ["volumen.antal_folkeskoler", "volumen.henvendelser", "volumen.tilsyn"],
    },
  ],
  // 2017 new → 2023.
  magt_voksen: [
    {
      years: [2023],
      fields: ["forvaltning.timer_i_alt", "udfoerer.timer_i_alt", "volumen.forhaandsgodkendelser"],
    },
  ],
  magt_aeldre: [
    {
      years: [2023],
      fields: ["forvaltning.timer_i_alt", "udfoerer.timer_i_alt", "volumen.forhaandsgodkendelser"],
    },
  ],
  // 2020 → 2023: the 2020 baseline is NemID work only; 2023 adds MitID and pas.
  mitid: [
    { years: [2020], fields: ["nemid.timer_i_alt"] },
    { years: [2023], fields: ["nemid.timer_i_alt", "mitid.timer_i_alt", "pas.timer_i_alt"] },
  ],
  // 2018 → 2023, in årsværk.
  gdpr: [{ years: [2018, 2023], fields: ["indsats.aarsvaerk_i_alt"] }],
};
