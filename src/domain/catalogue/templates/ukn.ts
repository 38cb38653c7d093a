import { ANDET_PCT, STANDARD_TEXTS, pctRows, years } from "../common";
import type { BlockDef, TemplateDef } from "../types";

const YEARS = years(2019, 2023);

const SUBTASKS = pctRows([
  ["udtalelse", "Udarbejdelse af indledende udtalelse"],
  ["undersoegelse", "Udarbejdelse af ungefaglig undersøgelse"],
  ["partshoering", "Selve partshøringen (inkl. forberedelse og transport)"],
  ["ivaerksaettelse", "Iværksættelse af indsatser efter afgørelsen"],
  ["opfoelgning", "Opfølgning på iværksatte indsatser"],
]).concat(ANDET_PCT);

function timeBlock(id: string, title: string, timerLabel: string): BlockDef {
  return {
    id,
    title,
    section: "tid",
    years: YEARS,
    rows: [{ id: "timer_pr_sag", label: timerLabel, kind: "timer" }, ...SUBTASKS],
  };
}

export const ukn: TemplateDef = {
  id: "ukn",
  name: "Ungdomskriminalitetsnævnet",
  shortName: "UKN",
  area: "Udsatte børn og unge",
  nedslagspunkt: "ukn",
  vejledning: [
    "Skabelonen har tre ark: denne vejledning, et ark der beskriver opgavens procestrin og de konkrete opgaver under hvert trin, og et dataark, hvor I skriver jeres opgørelse.",
    "Det er tidsforbruget på de fem procestrin på procesarket, I skal estimere: fra kommunens udtalelse til politiet og frem til opfølgningen på de indsatser, nævnet har besluttet. Opgør det for hvert af årene 2019, 2020, 2021, 2022 og 2023.",
    "Medregn hele det administrative tidsforbrug: chefer, ledere, socialrådgivere og andre medarbejdere. Angiv det i timer.",
    "Lav ét samlet estimat for hovedsager og ét for genindbringelsessager, som det gennemsnitlige antal timer pr. sag, I er myndighed på. Spørg gerne de involverede hver for sig, og brug procesarket som tjekliste, så intet trin bliver glemt. Mangler der en opgavetype, så tag den med. Kan I, så fordel bagefter timerne i procent på underopgaverne (summen skal være 100).",
    "Skriv under opgavens volumen, hvor mange UKN-sager I i alt er myndighed på i hvert år, og hvor mange af dem der er hovedsager og genindbringelsessager.",
    "Opgørelsen er et skøn og bliver aldrig helt præcis. Procesbeskrivelsen giver alle kommuner den samme ramme, så tallene kan sammenlignes.",
    "Har I spørgsmål, så kontakt den ansvarlige konsulent (se kontaktoplysningerne øverst), og send den udfyldte fil tilbage inden fristen.",
  ],
  proces: {
    sporbarhed: "Ungdomskriminalitetsnævnet blev oprettet pr. 1. januar 2019.",
    steps: [
      {
        title: "UKN får henvist sager fra politiet og retten",
        tasks: ["UKN behandler sager, hvor et barn eller en ung er mistænkt eller dømt for kriminalitet."],
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
      "Samlet antal timer brugt pr. hovedsag I er myndighed på (gns.)",
    ),
    timeBlock(
      "genindbringelse",
      "Estimeret administrativ tid brugt på opgaven: Genindbringelsessager",
      "Samlet antal timer brugt pr. genindbringelsessag I er myndighed på (gns.)",
    ),
    {
      id: "volumen",
      title: "Opgavens volumen",
      section: "volumen",
      years: YEARS,
      rows: [
        { id: "sager_i_alt", label: "Antal sager i UKN i alt, som I er myndighed på.", kind: "antal" },
        { id: "hovedsager", label: "Hovedsager", kind: "antal" },
        { id: "genindbringelsessager", label: "Genindbringelsessager", kind: "antal" },
      ],
    },
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
