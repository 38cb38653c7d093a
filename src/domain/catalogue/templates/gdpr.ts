import { STANDARD_TEXTS, VEJL_ARK, VEJL_KONTAKT, VEJL_SKOEN, pctRows, years } from "../common";
import type { TemplateDef } from "../types";

const YEARS = years(2018, 2023);

export const gdpr: TemplateDef = {
  id: "gdpr",
  name: "Databeskyttelsesloven",
  shortName: "GDPR",
  area: "Central administration",
  nedslagspunkt: "gdpr",
  vejledning: [
    VEJL_ARK,
    "Det er ressourceforbruget på alle de opgavetyper, der står på procesarket, I skal estimere, for hvert år fra 2018 til og med 2023.",
    "Opgør ressourceforbruget i årsværk pr. år, samlet for alle kommunens chefer, ledere og medarbejdere, uanset hvor i organisationen de sidder.",
    "Lav et samlet estimat for de beskrevne opgavetyper, fx ved at interviewe de centrale personer for hver opgavetype om deres forbrug i årene. Brug listen over opgavetyper som tjekliste, så alle kommer med. Kan I, så fordel bagefter årsværkene i procent på opgavetyperne; for hvert år skal fordelingen give 100.",
    "Har eksterne løst dele af opgaverne mod betaling, så skriv det betalte beløb i kr. pr. år i tabellen over betalte honorarer til advokater, konsulenter mv.",
    VEJL_SKOEN,
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed:
      "Loven trådte i kraft i maj 2018 og følger Europa-Parlamentets forordning om beskyttelse af personer i forbindelse med behandling af personoplysninger. Den gælder al behandling af personoplysninger, der helt eller delvis sker ved hjælp af automatisk databehandling.",
    steps: [
      {
        title: "Omfattede opgaver",
        tasks: [
          "Autorisationskontroller.",
          "Sletningskontroller.",
          "Grundigere tilsyn med databehandlere.",
          "Kravene til databehandleraftalers indhold, som giver længere forhandlinger med leverandørerne.",
          "Pligt til at rapportere sikkerhedsbrud.",
          "Risikovurderinger og konsekvensanalyser.",
          "Krav om fortegnelser.",
          "Den mere detaljerede oplysningspligt.",
          "Pligt til at have en databeskyttelsesrådgiver (DPO).",
          "Øvrige opgaver, som loven har ført med sig.",
        ],
      },
    ],
  },
  blocks: [
    {
      id: "indsats",
      title: "Estimeret ressourceforbrug på opgaverne (alle chefer, ledere og medarbejdere)",
      section: "tid",
      years: YEARS,
      rows: [
        { id: "aarsvaerk_i_alt", label: "Samlet ressourceforbrug (årsværk)", kind: "aarsvaerk" },
        ...pctRows([
          ["autorisation", "Autorisationskontroller"],
          ["sletning", "Sletningskontroller"],
          ["tilsyn_databehandlere", "Krav til grundigere tilsyn med databehandlere"],
          [
            "databehandleraftaler",
            "Krav til databehandleraftalers indhold medfører øget »forhandlingstid« med leverandører",
          ],
          ["sikkerhedsbrud", "Rapporteringspligt på sikkerhedsbrud"],
          ["risikovurdering", "Risikovurderinger og konsekvensanalyser"],
          ["fortegnelse", "Fortegnelseskrav"],
          ["oplysningspligt", "Oplysningspligtens detaljeringsgrad"],
          ["dpo", "DPO pligt"],
          ["oevrige", "Øvrige"],
        ]),
      ],
    },
    {
      id: "honorar",
      title: "Betalte honorar til advokater, konsulenter mv.",
      section: "tid",
      years: YEARS,
      rows: [
        {
          id: "kr",
          label:
            "Betalte honorar til advokater, konsulenter mv. i forbindelse med de nævnte opgaver",
          kind: "kr",
        },
      ],
    },
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "gdpr_aarsvaerk",
      field: "indsats.aarsvaerk_i_alt",
      min: 0.1,
      max: 60,
      message:
        "En kommunes samlede ressourceforbrug på databeskyttelse ligger normalt mellem 0,1 og 60 årsværk om året.",
    },
  ],
};
