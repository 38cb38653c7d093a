/** The shared shape of the two Magtanvendelsesregler templates (botilbud; plejecentre/hjemmepleje). */
import {
  GROUP_FORVALTNING,
  STANDARD_TEXTS,
  TIMER_I_ALT,
  VEJL_ARK,
  VEJL_INTERVIEW,
  VEJL_KONTAKT,
  VEJL_PCT,
  VEJL_SKOEN,
  timeBlock,
  volumeBlock,
  years,
} from "../common";
import type { TemplateDef } from "../types";

const YEARS = years(2018, 2023);

const SUBTASKS = [
  ["forhaandsgodkendelse", "Indsamling af forhåndsgodkendelser"],
  ["registrering", "Registrering når magtanvendelse finder sted"],
  ["indberetning", "Månedlig indberetning af antal tilfælde til tilsyn"],
] as const;

/** What differs between the two templates. */
export interface MagtVariant {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  /** Title of the `udfoerer` block, e.g. "Ledere og ansatte på botilbud". */
  readonly udfoererTitle: string;
  /** "ledere og ansatte på botilbud" as used in running text. */
  readonly gruppe: string;
  /** The step telling how to estimate the udfører group's time. */
  readonly udfoererStep: string;
  /** Where the pre-approvals are given, e.g. "botilbud". */
  readonly steder: string;
  /** Area of the reports on use of force, e.g. "voksenområdet". */
  readonly omraade: string;
  /** Where a use of force is registered, e.g. "på det enkelte botilbud". */
  readonly registreringssted: string;
}

export function magtTemplate(v: MagtVariant): TemplateDef {
  return {
    id: v.id,
    name: v.name,
    shortName: v.shortName,
    area: "Socialområdet (voksen) og ældre",
    nedslagspunkt: "magt",
    vejledning: [
      VEJL_ARK,
      "Det er tidsforbruget på alle tre procestrin på procesarket, I skal estimere, for 2020, 2021, 2022 og 2023. For 2018 og 2019, før de nye regler trådte i kraft, skriver I den tid, administrationen af magtanvendelse tog efter de regler, der gjaldt dengang.",
      `Opgør tiden i timer pr. år, hver for sig for chefer og medarbejdere i den kommunale forvaltning og for ${v.gruppe}.`,
      `For chefer og medarbejdere i forvaltningen: lav ét samlet estimat pr. år for de seks år 2018–2023. ${VEJL_INTERVIEW} Skriv gruppens samlede timer pr. år. ${VEJL_PCT}`,
      v.udfoererStep,
      `Under opgavens volumen: skriv for hvert år 2017–2023, hvor mange forhåndsgodkendelser kommunen har givet på tværs af ${v.steder}, og hvor mange indberetninger om magtanvendelse der i alt har været på ${v.omraade}.`,
      VEJL_SKOEN,
      VEJL_KONTAKT,
    ],
    proces: {
      sporbarhed:
        "Nye regler om forhåndsgodkendelse af magtanvendelse gælder fra 1. januar 2020. Med reglerne kom bl.a. en ny indberetningspraksis med nye indberetningsskemaer, der skal bruges. Formålet var klarere regler og mere fokus på, at alle magtanvendelser bliver indberettet.",
      steps: [
        {
          title: "Ansøgning om forhåndsgodkendelse af magtanvendelse (årlig)",
          tasks: [
            "Personalet søger kommunen om forhåndsgodkendelse af magtanvendelse.",
            "En forhåndsgodkendelse gælder i et år og skal derefter fornyes.",
          ],
        },
        {
          title: "Registrering af magtanvendelse, hver gang den bruges",
          tasks: [
            `Hver gang der anvendes magt ${v.registreringssted}, registreres det i et skema.`,
          ],
        },
        {
          title: "Indberetning til tilsynet (månedlig)",
          tasks: [
            "Hver måned indberetter personalet antallet af magtanvendelser til det kommunale tilsyn.",
          ],
        },
      ],
    },
    blocks: [
      timeBlock("forvaltning", GROUP_FORVALTNING, YEARS, TIMER_I_ALT, SUBTASKS),
      timeBlock("udfoerer", v.udfoererTitle, YEARS, TIMER_I_ALT, SUBTASKS),
      volumeBlock("volumen", "Opgavens volumen", years(2017, 2023), [
        ["forhaandsgodkendelser", "Antal forhåndsgodkendelser"],
        ["indberetninger", "Antal indberetninger om magtanvendelse"],
      ]),
    ],
    texts: STANDARD_TEXTS,
    plausibility: [
      {
        id: `${v.id}_timer_pr_forhaandsgodkendelse`,
        field: "forvaltning.timer_i_alt",
        per: "volumen.forhaandsgodkendelser",
        min: 0.5,
        max: 100,
        message: "Forvaltningens timer pr. forhåndsgodkendelse ligger normalt mellem 0,5 og 100.",
      },
    ],
  };
}
