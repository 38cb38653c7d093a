import {
  GROUP_DAGTILBUD,
  GROUP_FORVALTNING,
  STANDARD_TEXTS,
  VEJL_ARK,
  VEJL_KONTAKT,
  VEJL_SKOEN,
  timeBlock,
  volumeBlock,
  years,
} from "../common";
import type { RowDef, TemplateDef } from "../types";

const YEARS = years(2020, 2023);

const TIMER_PR_TILSYN: RowDef = {
  id: "timer_pr_tilsyn",
  label: "Samlet antal timer brugt pr. tilsyn (gns.)",
  kind: "timer",
};

const SUBTASKS = [
  ["koncept", "Udvikling af tilsynskoncept"],
  ["forberedelse", "Forberedelse og planlægning af tilsynet"],
  ["gennemfoersel", "Selve gennemførslen af tilsynet"],
  ["evaluering", "Evaluering efter tilsynet"],
  ["ivaerksaettelse", "Iværksættelse af opfølgende indsatser"],
  ["opfoelgning", "Opfølgning på iværksatte indsatser"],
] as const;

const VEJL_FOER_2022 =
  "For 2020 og 2021 kan I gå trinene og opgaverne i jeres daværende lokale tilsynsmodel igennem på samme måde.";

export const tilsyn: TemplateDef = {
  id: "tilsyn",
  name: "Tilsyn med pædagogisk praksis",
  shortName: "Tilsyn",
  area: "Dagtilbud",
  nedslagspunkt: "tilsyn",
  vejledning: [
    VEJL_ARK,
    "For 2022 og 2023 skal I estimere tidsforbruget på alle seks procestrin og de tilhørende opgaver på procesarket. For 2020 og 2021 estimerer I i stedet den tid, tilsynet tog efter den lokale tilsynsmodel, I brugte dengang.",
    "Angiv tiden i timer som det gennemsnitlige tidsforbrug pr. tilsyn, hver for sig for chefer og medarbejdere i den kommunale forvaltning og for ledere og ansatte på dagtilbuddene.",
    `For chefer og medarbejdere i forvaltningen: lav et samlet estimat for hvert af årene 2020, 2021, 2022 og 2023. Brug procesarket for den nye tilsynsopgave som tjekliste, så alle trin og opgaver kommer med. ${VEJL_FOER_2022} Fordel derefter timerne i procent på underopgaverne; for hvert år skal fordelingen give 100.`,
    `For ledere og ansatte på dagtilbuddene: interview ledere og ansatte på 2–4 dagtilbud om, hvor meget tid et tilsyn koster dem, i hvert af årene 2020–2023. Beregn gennemsnittet for de dagtilbud, I har talt med; det er dagtilbuddenes tid pr. tilsyn. Brug procesarket som tjekliste. ${VEJL_FOER_2022} Fordel derefter timerne i procent på underopgaverne.`,
    "Under opgavens volumen: skriv for hvert år antallet af dagtilbud i kommunen, antallet af gennemførte tilsyn (både anmeldte og uanmeldte) og antallet af tilsyn, der endte med en handleplan.",
    VEJL_SKOEN,
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed:
      "Nye minimumskrav til kommunernes tilsyn med dagtilbud gælder fra maj 2022: loven er fra januar 2022, med frist til maj for at få den nye tilsynsmodel på plads. Opgørelsen handler kun om tilsynet med det pædagogiske indhold, som tager udgangspunkt i det pædagogiske grundlag i den pædagogiske læreplan. Andre tilsyn, fx med legepladser, hygiejne og sundhed eller kommunale politikker, skal ikke med. Før 2022 sagde dagtilbudsloven blot, at kommunen skal føre tilsyn med sine dagtilbud, hvilket gav rum for lokal fortolkning. Derfor opgøres 2020 og 2021 efter jeres egen tidligere tilsynsmodel og 2022 og 2023 efter procesbeskrivelsen her.",
    steps: [
      {
        title: "Udvikling/opdatering af tilsynskoncept",
        tasks: [
          "Tilsynsmodellen udvikles ud fra den nye lovgivning, fx hvordan den pædagogiske kvalitet skal indfanges og vurderes.",
          "Plan og systematik for anmeldte og uanmeldte tilsyn.",
          "Plan og systematik for, hvilke data, typer af observationer, rammer for dialog mv. tilsynsvurderingen skal bygge på.",
          "Engangsopgave i det eller de første år efter lovkravet.",
          "Eventuel løbende justering af tilsynsmodellen.",
        ],
      },
      {
        title: "Forberedelse af tilsynet",
        tasks: [
          "Dagtilbud udvælges til tilsyn.",
          "Dagtilbuddet kontaktes, og tidspunktet planlægges.",
        ],
      },
      {
        title: "Gennemførsel af tilsyn",
        tasks: [
          "Tilsynet gennemføres på det enkelte dagtilbud.",
          "Rundvisning.",
          "Interviews.",
          "Observationer.",
          "Gennemgang af læreplaner og dokumentation.",
        ],
      },
      {
        title: "Evaluering af tilsynet",
        tasks: [
          "Tilsynsrapporten skrives.",
          "Dagtilbuddet får besked om tilsynets resultat.",
          "Forældrebestyrelsen orienteres.",
          "Det vurderes, om tilsynet skal føre til opfølgende aktiviteter i dagtilbuddet.",
          "Sager om kommunens tilsyn med pædagogisk praksis forelægges politisk.",
        ],
      },
      {
        title: "Evt. iværksættelse af indsatser",
        tasks: ["Forvaltningen og dagtilbuddet formulerer og iværksætter sammen en handleplan."],
      },
      {
        title: "Opfølgning på evt. iværksatte indsatser",
        tasks: [
          "Der følges op på, om dagtilbuddet har fået de iværksatte forbedringer til at virke.",
        ],
      },
    ],
  },
  blocks: [
    timeBlock("forvaltning", GROUP_FORVALTNING, YEARS, TIMER_PR_TILSYN, SUBTASKS),
    timeBlock("dagtilbud", GROUP_DAGTILBUD, YEARS, TIMER_PR_TILSYN, SUBTASKS),
    volumeBlock("volumen", "Opgavens volumen", years(2017, 2023), [
      ["antal_dagtilbud", "Antal dagtilbud i kommunen"],
      ["antal_tilsyn", "Antal gennemførte tilsyn (både anmeldte og uanmeldte)"],
      ["tilsyn_handleplan", "Antal tilsyn med handleplan som udfald"],
    ]),
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "tilsyn_timer_pr_tilsyn_forvaltning",
      field: "forvaltning.timer_pr_tilsyn",
      min: 1,
      max: 150,
      message: "Forvaltningens timer pr. tilsyn ligger normalt mellem 1 og 150.",
    },
    {
      id: "tilsyn_timer_pr_tilsyn_dagtilbud",
      field: "dagtilbud.timer_pr_tilsyn",
      min: 1,
      max: 150,
      message: "Dagtilbuddets timer pr. tilsyn ligger normalt mellem 1 og 150.",
    },
    {
      id: "tilsyn_pr_dagtilbud",
      field: "volumen.antal_tilsyn",
      per: "volumen.antal_dagtilbud",
      min: 0,
      max: 4,
      message: "Antal tilsyn pr. dagtilbud om året er normalt højst 4.",
    },
  ],
};
