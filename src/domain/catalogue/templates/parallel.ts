import {
  STANDARD_TEXTS,
  VEJL_INTERVIEW,
  VEJL_ARK,
  VEJL_KONTAKT,
  VEJL_PCT,
  VEJL_SKOEN,
  volumeBlock,
  years,
} from "../common";
import type { TemplateDef } from "../types";
import {
  OEVRIGE,
  REDEGOERELSE,
  SCREENING,
  henvendelse,
  outcomeBlocks,
  vejlGrupper,
  vejlSkole,
} from "./stuk";

const YEARS = years(2020, 2023);

export const parallel: TemplateDef = {
  id: "parallel",
  name: "STUKs parallelsamfundstilsyn",
  shortName: "Parallel",
  area: "Skole",
  nedslagspunkt: "parallel",
  vejledning: [
    VEJL_ARK,
    "Det er tidsforbruget på procestrinene og opgaverne på procesarket, I skal estimere, for hvert af årene 2020, 2021, 2022 og 2023.",
    vejlGrupper("parallelsamfundstilsyn"),
    "Tidsforbruget afhænger af, om kommunens redegørelse afslutter sagen, eller om STUK iværksætter et egentligt parallelsamfundstilsyn. Angiv derfor tiden for hver af de to kategorier i hver sin tabel.",
    `For chefer og medarbejdere i forvaltningen: lav et samlet estimat for 2020, 2021, 2022 og 2023, dels for folkeskoler, hvor redegørelsen afsluttede sagen, dels for folkeskoler, hvor der blev iværksat et parallelsamfundstilsyn. ${VEJL_INTERVIEW} ${VEJL_PCT}`,
    vejlSkole("parallelsamfundstilsyn"),
    "Udfyld tabellen over opgavens volumen for hvert år: antal folkeskoler i kommunen, antal henvendelser fra STUK, der krævede en redegørelse, og antal skoler, hvor der blev iværksat et parallelsamfundstilsyn.",
    VEJL_SKOEN,
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed:
      "I 2020 fik kvalitetstilsynet med folkeskoler og ungdomsuddannelser nye databaserede screeningsindikatorer som supplement til de hidtidige, og tilsynet blev udvidet med parallelsamfundstilsynet.",
    steps: [
      SCREENING,
      henvendelse("der falder ind under de udvalgte risikofaktorer"),
      {
        title: "Tilsynsresultat",
        tasks: [
          "Redegørelsen er tilfredsstillende, og der sker ikke mere.",
          "Ellers iværksættes et parallelsamfundstilsyn.",
        ],
      },
      {
        title: "Iværksættelse af indsatser og opfølgning",
        tasks: [
          "Analyse: der gennemføres en analyse, som handleplanen bygger på.",
          "Handleplan: handleplanen udarbejdes og godkendes.",
          "Iværksatte indsatser: handleplanen sættes i værk.",
          "Opfølgning: handleplanen evalueres; enten aftales flere aktiviteter, eller målene er nået, og tilsynet afsluttes.",
        ],
      },
    ],
  },
  blocks: [
    ...outcomeBlocks(
      "tilfredsstillende",
      "Tidsforbrug ifm. folkeskoler hvor »redegørelsen er tilfredsstillende«",
      YEARS,
      [
        REDEGOERELSE,
        ["tilfredsstillende", "Tilsynsresultat: Skoler, hvor redegørelsen er tilfredsstillende"],
        OEVRIGE,
      ]
    ),
    ...outcomeBlocks(
      "tilsyn",
      "Tidsforbrug ifm. folkeskoler hvor der iværksættes et »parallelsamfundstilsyn«",
      YEARS,
      [REDEGOERELSE, ["parallelsamfundstilsyn", "Skoler i parallelsamfundstilsyn"], OEVRIGE]
    ),
    volumeBlock("volumen", "Opgavens volumen", YEARS, [
      ["antal_folkeskoler", "Antal folkeskoler i kommunen"],
      [
        "henvendelser",
        "Antal henvendelser fra STUK som kræver redegørelser ift parallelsamfundstilsynet på folkeskolerne i kommunen",
      ],
      ["tilsyn", "Antal folkeskoler hvor der er iværksat et parallelsamfundstilsyn"],
    ]),
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "parallel_timer_pr_tilsynsskole",
      field: "tilsyn_forvaltning.timer_i_alt",
      per: "volumen.tilsyn",
      min: 1,
      max: 1000,
      message:
        "Forvaltningens timer pr. skole i parallelsamfundstilsyn ligger normalt mellem 1 og 1.000.",
    },
    {
      id: "parallel_henvendelser_pr_skole",
      field: "volumen.henvendelser",
      per: "volumen.antal_folkeskoler",
      min: 0,
      max: 1,
      message: "Der er normalt højst én henvendelse fra STUK pr. folkeskole om året.",
    },
  ],
};
