import {
  STANDARD_TEXTS,
  TIMER_I_ALT,
  VEJL_ARK,
  VEJL_INTERVIEW,
  VEJL_KONTAKT,
  VEJL_PCT,
  VEJL_SKOEN,
  timeBlock,
  years,
} from "../common";
import type { BlockDef, TemplateDef } from "../types";

const BOERNESAG_YEARS = years(2020, 2023);
const HANDICAP_YEARS = [2023];

const SUBTASKS = [
  ["dialog", "Indledende dialog med Ankestyrelsen ifm. indkaldelse"],
  ["udvaelgelse", "Udvælgelse af sager"],
  ["orientering", "Orientering af borger/pårørende"],
  ["indberetning", "Indberetning af sager"],
  ["moeder", "Opfølgende møder med Ankestyrelsen"],
  ["opfoelgning", "Andre opfølgende aktiviteter (fx politisk orientering)"],
] as const;

function volume(id: string, title: string, blockYears: readonly number[]): BlockDef {
  return {
    id,
    title,
    section: "volumen",
    years: blockYears,
    rows: [
      { id: "udvalgt", label: "År udvalgt til at bidrage (sæt x)", kind: "x" },
      { id: "sager", label: "Antal indsendte sager", kind: "antal" },
    ],
  };
}

export const barometre: TemplateDef = {
  id: "barometre",
  name: "Børnesagsbarometeret og Handicapsagsbarometeret",
  shortName: "Barometre",
  area: "Udsatte børn og unge",
  nedslagspunkt: "barometre",
  vejledning: [
    VEJL_ARK,
    "Det er tidsforbruget på alle fire procestrin på procesarket og deres underopgaver, I skal estimere: fra Ankestyrelsens indkaldelse til de opfølgende aktiviteter. Børnesagsbarometeret opgøres for 2020, 2021, 2022 og 2023, Handicapsagsbarometeret for 2023, hvor det startede.",
    "Medregn hele det administrative tidsforbrug: chefer, ledere, socialrådgivere og andre medarbejdere. Angiv det i timer pr. år.",
    `Lav ét samlet estimat for Børnesagsbarometeret og et andet for Handicapsagsbarometeret. ${VEJL_INTERVIEW} ${VEJL_PCT}`,
    "Under opgavens volumen: sæt x ved hvert år, hvor kommunen var udvalgt til at bidrage til barometeret, og skriv, hvor mange sager I sendte ind det år.",
    VEJL_SKOEN,
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed:
      "Børnesagsbarometeret startede i 2020 og Handicapsagsbarometeret i 2023. Barometrene undersøger, hvor godt kommunerne overholder centrale krav i serviceloven, når de behandler sager om udsatte børn og unge og om borgere med handicap.",
    steps: [
      {
        title: "Ankestyrelsen sender indkaldelsesbrev til udvalgte kommuner (årligt)",
        tasks: [
          "Ankestyrelsen beder udvalgte kommuner om at bidrage; omkring en tredjedel af landets kommuner bliver udvalgt hvert år.",
        ],
      },
      {
        title: "De indkaldte kommuner finder sager frem",
        tasks: [
          "Kommunen finder de sager frem, der passer til indkaldelsens krav om antal og sagstyper.",
        ],
      },
      {
        title: "Sagerne samles og sendes til Ankestyrelsen",
        tasks: [
          "De fundne sager samles efter kravene til formalia og uploades til Ankestyrelsen.",
          "Kun for Handicapsagsbarometeret: borgeren og/eller de pårørende får besked om, at sagen sendes til Ankestyrelsen.",
        ],
      },
      {
        title: "Opfølgende aktiviteter",
        tasks: [
          "Opfølgende møder med Ankestyrelsen, så kommunen kan lære af sagerne.",
          "Sagerne forelægges kommunalbestyrelsen.",
        ],
      },
    ],
  },
  blocks: [
    timeBlock(
      "boernesag",
      "Estimeret administrativ tid brugt på opgaven: Børnesagsbarometeret",
      BOERNESAG_YEARS,
      TIMER_I_ALT,
      SUBTASKS
    ),
    timeBlock(
      "handicap",
      "Estimeret administrativ tid brugt på opgaven: Handicapsagsbarometeret",
      HANDICAP_YEARS,
      TIMER_I_ALT,
      SUBTASKS
    ),
    volume("boernesag_volumen", "Opgavens volumen: Børnesagsbarometeret", BOERNESAG_YEARS),
    volume("handicap_volumen", "Opgavens volumen: Handicapsagsbarometeret", HANDICAP_YEARS),
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "barometre_timer_pr_boernesag",
      field: "boernesag.timer_i_alt",
      per: "boernesag_volumen.sager",
      min: 0.5,
      max: 50,
      message: "Timer pr. indsendt sag til Børnesagsbarometeret ligger normalt mellem 0,5 og 50.",
    },
    {
      id: "barometre_timer_pr_handicapsag",
      field: "handicap.timer_i_alt",
      per: "handicap_volumen.sager",
      min: 0.5,
      max: 50,
      message:
        "Timer pr. indsendt sag til Handicapsagsbarometeret ligger normalt mellem 0,5 og 50.",
    },
  ],
};
