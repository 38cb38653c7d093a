import {
  STANDARD_TEXTS,
  VEJL_ARK,
  VEJL_KONTAKT,
  VEJL_PCT,
  VEJL_SKOEN,
  timeBlock,
  volumeBlock,
  years,
} from "../common";
import type { TemplateDef } from "../types";

const YEARS = years(2019, 2023);

const SUBTASKS = [
  ["udtalelse", "Udarbejdelse af indledende udtalelse"],
  ["undersoegelse", "Udarbejdelse af ungefaglig undersøgelse"],
  ["partshoering", "Selve partshøringen (inkl. forberedelse og transport)"],
  ["ivaerksaettelse", "Iværksættelse af indsatser efter afgørelsen"],
  ["opfoelgning", "Opfølgning på iværksatte indsatser"],
] as const;

export const ukn: TemplateDef = {
  id: "ukn",
  name: "Ungdomskriminalitetsnævnet",
  shortName: "UKN",
  area: "Udsatte børn og unge",
  nedslagspunkt: "ukn",
  vejledning: [
    VEJL_ARK,
    "Det er tidsforbruget på de fem procestrin på procesarket, I skal estimere: fra kommunens udtalelse til politiet og frem til opfølgningen på de indsatser, nævnet har besluttet. Opgør det for hvert af årene 2019, 2020, 2021, 2022 og 2023.",
    "Medregn hele det administrative tidsforbrug: chefer, ledere, socialrådgivere og andre medarbejdere. Angiv det i timer.",
    `Lav ét samlet estimat for hovedsager og ét for genindbringelsessager, som det gennemsnitlige antal timer pr. sag, I er myndighed på. Spørg gerne de involverede hver for sig, og brug procesarket som tjekliste, så intet trin bliver glemt. Mangler der en opgavetype, så tag den med. ${VEJL_PCT}`,
    "Skriv under opgavens volumen, hvor mange UKN-sager I i alt er myndighed på i hvert år, og hvor mange af dem der er hovedsager og genindbringelsessager.",
    VEJL_SKOEN,
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed: "Ungdomskriminalitetsnævnet blev oprettet pr. 1. januar 2019.",
    steps: [
      {
        title: "UKN får henvist sager fra politiet og retten",
        tasks: [
          "UKN behandler sager, hvor et barn eller en ung er mistænkt eller dømt for kriminalitet.",
        ],
      },
      {
        title: "Kommunen laver en udtalelse",
        tasks: [
          "Udtalelsen bruges til at vurdere, om der skal startes en sag.",
          "Kommunen kan anbefale, at der ikke startes en sag; så kan sagen slutte her.",
          "Ellers fortsætter sagen, og kommunen skal lave en undersøgelse (næste trin).",
        ],
      },
      {
        title: "En ungefaglig undersøgelse udarbejdes",
        tasks: [
          "UKN beder kommunen om en ungefaglig undersøgelse.",
          "En socialrådgiver indleder samarbejdet med den unge og familien.",
          "Materialet til retten udarbejdes.",
          "Den unge holdes løbende orienteret om forløbet.",
          "Der er løbende dialog med UKN.",
        ],
      },
      {
        title: "Den ungefaglige undersøgelse partshøres i retten",
        tasks: [
          "Der fastsættes en dato for partshøringen, hvor bl.a. socialrådgiveren fra hjemkommunen og en repræsentant fra en anden kommune deltager.",
        ],
      },
      {
        title: "Der træffes en afgørelse i nævnet",
        tasks: ["Nævnet beslutter, hvilke indsatser der eventuelt skal sættes i gang."],
      },
      {
        title: "Iværksættelse og opfølgning på indsatser",
        tasks: ["Kommunen sætter de besluttede indsatser i gang og følger op på dem."],
      },
      {
        title: "Evt. genbehandling af sagen",
        tasks: [
          "Sagen kan sendes til genbehandling, hvis der kommer væsentlige nye oplysninger, hvis afgørelsen ikke bliver fulgt, eller hvis den unge mistænkes eller dømmes for ny kriminalitet.",
        ],
      },
    ],
  },
  blocks: [
    timeBlock(
      "hovedsager",
      "Estimeret administrativ tid brugt på opgaven: Hovedsager",
      YEARS,
      {
        id: "timer_pr_sag",
        label: "Samlet antal timer brugt pr. hovedsag I er myndighed på (gns.)",
        kind: "timer",
      },
      SUBTASKS
    ),
    timeBlock(
      "genindbringelse",
      "Estimeret administrativ tid brugt på opgaven: Genindbringelsessager",
      YEARS,
      {
        id: "timer_pr_sag",
        label: "Samlet antal timer brugt pr. genindbringelsessag I er myndighed på (gns.)",
        kind: "timer",
      },
      SUBTASKS
    ),
    volumeBlock("volumen", "Opgavens volumen", YEARS, [
      ["sager_i_alt", "Antal sager i UKN i alt, som I er myndighed på."],
      ["hovedsager", "Hovedsager"],
      ["genindbringelsessager", "Genindbringelsessager"],
    ]),
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "ukn_timer_pr_sag",
      field: "hovedsager.timer_pr_sag",
      min: 1,
      max: 200,
      message: "Timer pr. hovedsag ligger normalt mellem 1 og 200 (rapportens kommuner: 16–65).",
    },
    {
      id: "ukn_timer_pr_genindbringelse",
      field: "genindbringelse.timer_pr_sag",
      min: 1,
      max: 200,
      message: "Timer pr. genindbringelsessag ligger normalt mellem 1 og 200.",
    },
  ],
};
