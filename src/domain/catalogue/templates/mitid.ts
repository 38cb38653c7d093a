import {
  ANDET_PCT,
  STANDARD_TEXTS,
  VEJL_ARK,
  VEJL_KONTAKT,
  VEJL_PCT,
  pctRows,
  years,
} from "../common";
import type { TemplateDef } from "../types";

const PAS_TIMER_YEARS = years(2022, 2023);

export const mitid: TemplateDef = {
  id: "mitid",
  name: "MitID og pasregler",
  shortName: "MitID",
  area: "Central administration (Borgerservice)",
  nedslagspunkt: "mitid",
  vejledning: [
    VEJL_ARK,
    "Det er tidsforbruget på to opgaver, I skal opgøre: 1) hjælp til borgerne i overgangen til MitID og 2) modtagelse og udlevering af pas efter de nye pasregler.",
    "Opgør tiden i timer pr. år, samlet for chefer og medarbejdere i Borgerservice.",
    `Tag tallene fra jeres bookingsystem, og brug procesarket som tjekliste, så alle trin og opgaver kommer med. Skriv de samlede timer pr. år for MitID (2021–2023) og for pas (2022–2023). ${VEJL_PCT}`,
    "Under opgavens volumen: skriv antallet af besøg i Borgerservice i hvert af årene, for MitID (bookede besøg 2021–2023) og for modtagelse og udlevering af pas (2019–2023).",
    "Tabellen om NemID er en tilføjelse til den oprindelige skabelon: skriv de timer, Borgerservice brugte på NemID-opgaver i 2020–2023, så udgangsåret 2020 kan sammenlignes med årene efter overgangen til MitID.",
    VEJL_KONTAKT,
  ],
  proces: {
    sporbarhed:
      "Flere regler om beskyttelse af personfølsomme oplysninger har givet Borgerservice flere opgaver, fx ved indførelsen af MitID og med de nye regler for bestilling og udlevering af pas. MitID blev indfaset fra oktober 2021 til oktober 2022. De nye regler for udlevering af pas gælder fra januar 2022.",
    beskrivelse:
      "Borgerservice har fået mere ansvar, bl.a. i overgangen til MitID og ved udlevering af pas efter de nye pasregler. I skiftet fra NemID til MitID har Borgerservice hjulpet de borgere, der havde brug for det, med at blive oprettet. Borgere, der mister deres koder, skal nu møde fysisk op i Borgerservice for at få nye, og sager med internationale borgere kræver mere af Borgerservice med MitID end med NemID. De nye pasregler giver kommunerne ekstra arbejde med at modtage og udlevere pas.",
    steps: [
      {
        title:
          "MitID: borgeren bestiller tid i Borgerservice og får hjælp til at oprette og bruge MitID",
        tasks: ["Oprettelse af MitID.", "Ændring af PIN-kode.", "Genaktivering af spærret MitID."],
      },
      {
        title: "Modtagelse af pas",
        tasks: [
          "Pas, der kommer i enkeltkuverter, pakkes ud.",
          "Passet scannes, så borgeren straks får besked om, at det kan hentes.",
          "Der sættes label på.",
          "Passet lægges i det fysiske arkiv efter CPR-nummer eller i et pasudleveringsskab.",
        ],
      },
      {
        title: "Udlevering af pas",
        tasks: [
          "Borgeren slås op i systemet.",
          "Det gamle pas modtages og registreres som inaktivt.",
          "Det nye pas hentes i opbevaringsrummet.",
          "Det nye pas scannes, før det udleveres til borgeren.",
          "Det gamle pas hulles, før det udleveres eller makuleres.",
        ],
      },
    ],
  },
  blocks: [
    {
      id: "mitid",
      title: "MitID",
      section: "tid",
      years: years(2021, 2023),
      rows: [
        {
          id: "besoeg",
          label: "Antal bookede besøg på Borgerservice i alt ifm. MitID",
          kind: "antal",
        },
        { id: "timer_i_alt", label: "Samlet antal bookede timer brugt på opgaven", kind: "timer" },
        ...pctRows([
          ["oprettelse", "Hjælp til oprettelse af MitID"],
          ["pinkode", "Hjælp til ændring af PIN-kode"],
          ["genaktivering", "Genaktivering af spærret adgang"],
        ]),
        ANDET_PCT,
      ],
    },
    {
      id: "pas",
      title: "Nye pasregler",
      section: "tid",
      years: years(2019, 2023),
      rows: [
        {
          id: "besoeg",
          label:
            "Antal besøg på Borgerservice i alt ifm. modtagelse og udlevering af pas (fra booking-system)",
          kind: "antal",
        },
        {
          id: "timer_i_alt",
          label:
            "Samlet antal timer brugt på opgaven modtagelse og udlevering af pas (fra booking-system)",
          kind: "timer",
          years: PAS_TIMER_YEARS,
        },
        ...pctRows([
          ["udpakning", "Modtagelse: Udpakning af pas, som modtages i enkeltkuverter"],
          [
            "scanning_modtagelse",
            "Modtagelse: Scanning af pas, hvorefter borger får direkte besked om afhentning",
          ],
          ["label", "Modtagelse: Påsætning af label"],
          [
            "arkiv",
            "Modtagelse: Placering af pas i fysisk arkiv efter CPR-nr. eller pasudleveringsskab",
          ],
          ["opslag", "Udlevering: Slå borger op i system"],
          [
            "gammelt_pas",
            "Udlevering: Modtage det gamle pas og registrere gammelt pas som inaktivt",
          ],
          ["hente", "Udlevering: Hente det nye pas i opbevaringsrum"],
          ["scanning_udlevering", "Udlevering: Scanne det nye pas inden udlevering til borger"],
          ["hulle", "Udlevering: Hulle det gamle pas inden udlevering eller makulering"],
        ]).map((r) => ({ ...r, years: PAS_TIMER_YEARS })),
        { ...ANDET_PCT, years: PAS_TIMER_YEARS },
      ],
    },
    {
      // Addition (templates.md): the report's 2020 baseline counts NemID work, which no table of the seed asks for.
      id: "nemid",
      title: "NemID (før MitID)",
      section: "tid",
      years: years(2020, 2023),
      rows: [
        {
          id: "timer_i_alt",
          label: "Samlet antal timer brugt på NemID-opgaver i Borgerservice",
          kind: "timer",
        },
      ],
    },
  ],
  texts: STANDARD_TEXTS,
  plausibility: [
    {
      id: "mitid_timer_pr_besoeg",
      field: "mitid.timer_i_alt",
      per: "mitid.besoeg",
      min: 0.05,
      max: 3,
      message: "Bookede timer pr. MitID-besøg ligger normalt mellem 0,05 og 3.",
    },
    {
      id: "mitid_pas_timer_pr_besoeg",
      field: "pas.timer_i_alt",
      per: "pas.besoeg",
      min: 0.05,
      max: 2,
      message: "Timer pr. besøg om pas ligger normalt mellem 0,05 og 2.",
    },
  ],
};
