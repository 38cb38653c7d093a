import {
  GROUP_DAGTILBUD,
  GROUP_FORVALTNING,
  STANDARD_TEXTS,
  TIMER_I_ALT,
  VEJL_ARK,
  VEJL_INTERVIEW,
  VEJL_KONTAKT,
  VEJL_PCT,
  VEJL_SKOEN,
  timeBlock,
  vejlUdfoerer,
  years,
} from "../common";
import type { TemplateDef } from "../types";

const YEARS = years(2022, 2023);

const SUBTASKS = [
  ["datamodel", "Udvikling af datamodel"],
  ["opgoerelse", "Opgørelse af normeringer"],
  ["indberetning", "Indberetning til Danmarks Statistik"],
  ["dialog_dst", "Dialog med Danmarks Statistik"],
  ["afledte", "Afledte opgaver"],
] as const;

export const normering: TemplateDef = {
  id: "normering",
  name: "Minimumsnormeringer",
  shortName: "Normering",
  area: "Dagtilbud",
  nedslagspunkt: "normering",
  vejledning: [
    VEJL_ARK,
    "Det er tidsforbruget på alle fem procestrin på procesarket og deres underopgaver, I skal estimere, for 2022 og 2023.",
    "Opgør tiden i timer pr. år, hver for sig for to grupper: chefer og medarbejdere i den kommunale forvaltning, og ledere og ansatte på dagtilbuddene.",
    `For chefer og medarbejdere i forvaltningen: lav ét samlet estimat for 2022 og ét for 2023. ${VEJL_INTERVIEW} Skriv gruppens samlede timer pr. år. ${VEJL_PCT}`,
    vejlUdfoerer("ledere og ansatte på alle kommunens dagtilbud", "dagtilbud", "2022 og 2023"),
    VEJL_SKOEN,
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed:
      "Kravet om minimumsnormeringer i dagtilbud er lovpligtigt fra 1. januar 2024. Kommunerne har haft forberedende arbejde med det i årene op til, særligt i 2023.",
    beskrivelse:
      "Byrden består dels af opgaver, der hører direkte til opgørelsen og indberetningen af normeringerne, dels af afledte opgaver som politisk forelæggelse og dialog med forældre. De direkte opgaver er af to slags: 1) opgaver, der kræver en stor investering i starten, fx at bygge en BI-model eller et andet redskab til beregningen, som derefter er mindre krævende at vedligeholde; 2) løbende opgaver som den årlige indberetning til Danmarks Statistik, der ventes at fylde nogenlunde det samme fra år til år.",
    steps: [
      {
        title: "Udvikling af model til beregning af normeringer",
        tasks: [
          "Engangsopgave i det eller de første år efter, at lovkravet blev indført.",
          "De data, vejledningen kræver til beregningen, findes frem.",
          "Der laves et regneark til manuel opgørelse, eller der opsættes fx en BI-datamodel, så opgørelsen kan vedligeholdes løbende.",
          "Datainput til modellen indsamles.",
        ],
      },
      {
        title: "Opgørelse af minimumsnormeringer (månedlig)",
        tasks: [
          "BI-modellen eller det andet redskab, der beregner normeringerne, vedligeholdes.",
          "Data til opgørelsen indsamles eller trækkes ud.",
          "Normeringerne beregnes.",
          "Resultatet valideres internt.",
        ],
      },
      {
        title: "Indberetning til Danmarks Statistik (årlig)",
        tasks: ["Data sendes til Danmarks Statistik."],
      },
      {
        title: "Dialog med Danmarks Statistik om normeringerne (årlig)",
        tasks: ["Tallene valideres sammen med Danmarks Statistik."],
      },
      {
        title: "Afledte opgaver",
        tasks: [
          "Kommunikation om lovkravet.",
          "Politisk forelæggelse af sager om minimumsnormeringer.",
          "Dialog med forældre til børn i dagtilbuddene og forberedelse af personalet til disse samtaler.",
        ],
      },
    ],
  },
  blocks: [
    timeBlock("forvaltning", GROUP_FORVALTNING, YEARS, TIMER_I_ALT, SUBTASKS),
    timeBlock("dagtilbud", GROUP_DAGTILBUD, YEARS, TIMER_I_ALT, SUBTASKS),
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "normering_timer_forvaltning",
      field: "forvaltning.timer_i_alt",
      min: 0,
      max: 15000,
      message:
        "Forvaltningens samlede timer til minimumsnormeringer er normalt under 15.000 om året (ca. 10 årsværk).",
    },
    {
      id: "normering_timer_dagtilbud",
      field: "dagtilbud.timer_i_alt",
      min: 0,
      max: 15000,
      message:
        "Dagtilbuddenes samlede timer til minimumsnormeringer er normalt under 15.000 om året (ca. 10 årsværk).",
    },
  ],
};
