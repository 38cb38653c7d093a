import {
  STANDARD_TEXTS,
  VEJL_ARK,
  VEJL_INTERVIEW,
  VEJL_KONTAKT,
  VEJL_PCT,
  VEJL_SKOEN,
  volumeBlock,
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

const YEARS = [2018, 2019, 2022, 2023];

export const kvalitet: TemplateDef = {
  id: "kvalitet",
  name: "STUKs kvalitetstilsyn",
  shortName: "Kvalitet",
  area: "Skole",
  nedslagspunkt: "kvalitet",
  vejledning: [
    VEJL_ARK,
    "Det er tidsforbruget på procestrinene og opgaverne på procesarket, I skal estimere, for 2022 og 2023. For 2018 og 2019 estimerer I den tid, tilsynet tog efter den tilsynsmodel, der blev brugt dengang.",
    vejlGrupper("kvalitetstilsyn"),
    "Tidsforbruget afhænger af tilsynets udfald: om skolen får vurderingen »bekymrende faglig kvalitet«, eller om den sættes i tilsyn med krav om en handleplan (almindelig eller pålagt). Angiv derfor tiden for hver af de to kategorier i hver sin tabel.",
    `For chefer og medarbejdere i forvaltningen: lav et samlet estimat for 2018, 2019, 2022 og 2023, dels for folkeskoler med »bekymrende faglig kvalitet«, dels for folkeskoler med handleplan. ${VEJL_INTERVIEW} For 2018 og 2019 kan I gå den daværende tilsynsmodels trin og opgaver igennem på samme måde. ${VEJL_PCT}`,
    vejlSkole("kvalitetstilsyn"),
    "Udfyld tabellen over opgavens volumen for hvert år: antal folkeskoler i kommunen, antal henvendelser fra STUK, der krævede en redegørelse, og hvor mange skoler der blev udtaget for »bekymrende faglig kvalitet«, kom i tilsyn med handleplan eller i tilsyn med pålagt handleplan.",
    VEJL_SKOEN,
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed:
      "STUK indførte i 2020 en ny tilsynsmodel med nye fokuspunkter, som skal give et bedre tilsyn.",
    steps: [
      SCREENING,
      henvendelse("der skiller sig negativt ud på de udvalgte indikatorer"),
      {
        title: "Tilsynsresultat",
        tasks: [
          "»Bekymrende faglig kvalitet«: der startes ikke et handleplansforløb, men der er skærpet fokus på skolens kvalitet.",
          "Fagligt tilsyn: STUK sætter skolen i tilsyn med enten almindelig handleplan eller pålagt handleplan.",
        ],
      },
      {
        title: "Iværksættelse af indsatser og opfølgning",
        tasks: ["Handleplanen udarbejdes.", "Rådgivningsforløb.", "Statusrapporter udarbejdes."],
      },
    ],
  },
  blocks: [
    ...outcomeBlocks(
      "bekymrende",
      "Tidsforbrug ifm. folkeskoler med »bekymrende faglig kvalitet«",
      YEARS,
      [REDEGOERELSE, ["bekymrende", "Skoler med »bekymrende faglig kvalitet« som udfald"], OEVRIGE]
    ),
    ...outcomeBlocks("handleplan", "Tidsforbrug ifm. folkeskoler med »handleplaner«", YEARS, [
      REDEGOERELSE,
      ["handleplan", "Skoler i fagligt tilsyn med handleplan"],
      ["paalagt", "Skoler i fagligt tilsyn med pålagt handleplan"],
      OEVRIGE,
    ]),
    volumeBlock("volumen", "Opgavens volumen", YEARS, [
      ["antal_folkeskoler", "Antal folkeskoler i kommunen"],
      [
        "henvendelser",
        "Antal henvendelser fra STUK som kræver redegørelser ift kvalitetstilsynet på folkeskolerne i kommunen",
      ],
      ["bekymrende", "Antal folkeskoler udtaget for »bekymrende faglig kvalitet«"],
      ["handleplan", "Antal folkeskoler i kvalitetstilsyn med handleplan"],
      ["paalagt", "Antal folkeskoler i kvalitetstilsyn med pålagt handleplan"],
    ]),
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "kvalitet_timer_pr_bekymrende_skole",
      field: "bekymrende_forvaltning.timer_i_alt",
      per: "volumen.bekymrende",
      min: 1,
      max: 500,
      message:
        "Forvaltningens timer pr. skole med »bekymrende faglig kvalitet« ligger normalt mellem 1 og 500.",
    },
    {
      id: "kvalitet_henvendelser_pr_skole",
      field: "volumen.henvendelser",
      per: "volumen.antal_folkeskoler",
      min: 0,
      max: 1,
      message: "Der er normalt højst én henvendelse fra STUK pr. folkeskole om året.",
    },
  ],
};
