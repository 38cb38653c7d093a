import type { FieldDef, FieldKind, TemplateDef } from "./types";
import { barometre } from "./templates/barometre";
import { gdpr } from "./templates/gdpr";
import { kvalitet } from "./templates/kvalitet";
import { magt_aeldre } from "./templates/magt_aeldre";
import { magt_voksen } from "./templates/magt_voksen";
import { mitid } from "./templates/mitid";
import { normering } from "./templates/normering";
import { parallel } from "./templates/parallel";
import { tilsyn } from "./templates/tilsyn";
import { ukn } from "./templates/ukn";

export * from "./types";
export { KOMMUNER, findKommune } from "./kommuner";

/** Catalogue version, `yyyymmddNN`: raise it whenever a field id, label, kind or year changes. */
export const CATALOGUE_VERSION = 2026112302;

/** All templates, in the report's order. */
export const TEMPLATES: readonly TemplateDef[] = [
  ukn,
  barometre,
  normering,
  tilsyn,
  kvalitet,
  parallel,
  magt_voksen,
  magt_aeldre,
  mitid,
  gdpr,
];

/** A nedslagspunkt of the report: what the projection works on. Several templates may feed one. */
export interface NedslagspunktDef {
  readonly id: string;
  /** The report's Danish name, e.g. "Magtanvendelsesregler". */
  readonly name: string;
  readonly area: string;
  /** Template ids whose returns feed this nedslagspunkt. */
  readonly templates: readonly string[];
  /** Where the increased burden comes from (the overview table's last column, in our own words). */
  readonly description?: string;
}

/** Names and descriptions of the nedslagspunkter, by id. */
const NEDSLAGSPUNKT_TEXT: Readonly<
  Record<string, { readonly name: string; readonly description: string }>
> = {
  ukn: {
    name: "Ungdomskriminalitetsnævnet",
    description:
      "Ungdomskriminalitetsnævnet blev oprettet 1. januar 2019 og behandler sager om børn og unge, der er mistænkt eller dømt for kriminalitet. Kommunen skal levere udtalelser og ungefaglige undersøgelser og deltage i nævnets møder, ved siden af sin egen sagsbehandling af barnet, hvilket giver dobbeltarbejde.",
  },
  barometre: {
    name: "Børnesagsbarometeret og Handicapsagsbarometeret",
    description:
      "Børnesagsbarometeret (fra 2020) og Handicapsagsbarometeret (fra 2023) undersøger med Ankestyrelsen som tovholder, om kommunerne overholder centrale krav i serviceloven. Udvalgte kommuner skal finde, samle og indsende sager og følge op på resultaterne.",
  },
  normering: {
    name: "Minimumsnormeringer",
    description:
      "Opgørelsen af minimumsnormeringer i dagtilbud er lovpligtig fra 1. januar 2024. Forberedelsen med beregningsmodeller, dataindsamling og indberetning har øget byrden allerede i 2022 og 2023.",
  },
  tilsyn: {
    name: "Tilsyn med pædagogisk praksis",
    description:
      "Minimumskrav til kommunernes tilsyn med dagtilbud gælder fra maj 2022. De skarpere og tydeligere krav til, hvordan tilsynet skal føres, har gjort opgaven større i mange kommuner.",
  },
  kvalitet: {
    name: "Kvalitetstilsyn",
    description:
      "STUK indførte i 2020 en ny model for kvalitetstilsynet med folkeskolerne. Kun få skoler kommer i tilsyn, men for dem er arbejdet betydeligt og vurderes ikke helt at stå mål med værdien.",
  },
  parallel: {
    name: "Parallelsamfundstilsyn",
    description:
      "Siden 2020 er kvalitetstilsynet suppleret med nye databaserede screeningsindikatorer og udvidet med parallelsamfundstilsynet. Det kan opleves som dobbeltarbejde, og værdien kan være svær at få øje på.",
  },
  magt: {
    name: "Magtanvendelsesregler",
    description:
      "Krav om forhåndsgodkendelse af magtanvendelse gælder fra 1. januar 2020, sammen med en ny indberetningspraksis og nye skemaer. Tilsammen har det øget den administrative byrde på botilbud, plejecentre og i hjemmeplejen.",
  },
  mitid: {
    name: "MitID og pas-regler",
    description:
      "Overgangen fra NemID til MitID og de nye pasregler, hvor kommunerne står for udleveringen af pas, har givet Borgerservice flere opgaver.",
  },
  gdpr: {
    name: "Databeskyttelsesloven",
    description:
      "Databeskyttelsesloven fra maj 2018 følger EU's databeskyttelsesforordning og gælder al automatisk behandling af personoplysninger. Den har givet nye opgaver på tværs af kommunen, fx kontroller, tilsyn med databehandlere, risikovurderinger, fortegnelser og oplysningspligt.",
  },
};

/** The nine nedslagspunkter, in the report's order (magt is fed by magt_voksen and magt_aeldre). */
export const NEDSLAGSPUNKTER: readonly NedslagspunktDef[] = (() => {
  const byId = new Map<string, NedslagspunktDef>();
  for (const t of TEMPLATES) {
    const existing = byId.get(t.nedslagspunkt);
    if (existing) {
      byId.set(t.nedslagspunkt, { ...existing, templates: [...existing.templates, t.id] });
    } else {
      const text = NEDSLAGSPUNKT_TEXT[t.nedslagspunkt];
      const name = text?.name ?? (t.nedslagspunkt === t.id ? t.name : t.name.split(":")[0]);
      byId.set(t.nedslagspunkt, {
        id: t.nedslagspunkt,
        name,
        area: t.area,
        templates: [t.id],
        ...(text ? { description: text.description } : {}),
      });
    }
  }
  return [...byId.values()];
})();

export function getTemplate(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Global field id of a block row in a year. */
export function fieldId(template: string, block: string, row: string, year: number): string {
  return `${template}.${block}.${row}.${year}`;
}

/** Global field id of a text field. */
export function textFieldId(template: string, text: string): string {
  return `${template}.${text}`;
}

const fieldCache = new WeakMap<TemplateDef, readonly FieldDef[]>();

/** Every input field of a template, in display order (blocks row by row, year by year; then texts). */
export function fieldsOf(t: TemplateDef): readonly FieldDef[] {
  const cached = fieldCache.get(t);
  if (cached) return cached;
  const out: FieldDef[] = [];
  for (const b of t.blocks) {
    for (const r of b.rows) {
      for (const y of r.years ?? b.years) {
        out.push({
          id: fieldId(t.id, b.id, r.id, y),
          template: t.id,
          block: b.id,
          row: r.id,
          year: y,
          kind: r.kind,
          label: r.label,
        });
      }
    }
  }
  for (const tx of t.texts) {
    out.push({
      id: textFieldId(t.id, tx.id),
      template: t.id,
      kind: "tekst" as FieldKind,
      label: tx.label,
    });
  }
  fieldCache.set(t, out);
  return out;
}

/** Every field of every template, by id. */
export const ALL_FIELDS: ReadonlyMap<string, FieldDef> = new Map(
  TEMPLATES.flatMap((t) => fieldsOf(t)).map((f) => [f.id, f] as const)
);

/** Meta fields every template workbook carries. */
export const META_FIELDS = {
  skabelon: "meta.skabelon",
  version: "meta.version",
  kommune: "meta.kommune",
  /** The survey pack whose fields the return holds (read when present; templates may lack it). */
  pakke: "meta.pakke",
} as const;
