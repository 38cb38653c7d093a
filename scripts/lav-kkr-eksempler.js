/* global require, __dirname, console */
/**
 * Writes examples/kkr_kapacitet/: one JSON return per respondent of the kkr_kapacitet pack, whose
 * totals reproduce Bilag 1 of KKR Syddanmark's note on botilbud capacity (2023): planned places
 * per target group, the need for external purchases 2024–2026 and the X marks.
 *
 * Bilag 1 lost its provider columns when it was printed, so WHICH municipality planned what is
 * constructed here (plausible, not real); only the totals, the number of X marks per group and the
 * facts the note states (Region Syddanmark plans autism places; Middelfart is willing to build for
 * dobbeltdiagnose and runs Teglgårdshuset; the region runs Midgårdshuset for udviklingshæmning og
 * dom; 17 municipalities answered on plans, 21 on purchases; four were willing) come from the source.
 * Run: node scripts/lav-kkr-eksempler.js (the committed examples are its output).
 */
const fs = require("fs");
const path = require("path");

const OUT = path.join(__dirname, "..", "examples", "kkr_kapacitet");
const T = "kkr_kapacitet";
const GROUPS = [
  "autisme",
  "uh",
  "uh_dom",
  "dobbeltdiagnose",
  "andet_unge",
  "senhjerneskade",
  "hjemloese",
  "handicap_alder",
  "handicap_saerforanstaltning",
  "socialpsykiatri",
];
const NEED_GROUPS = GROUPS.slice(0, 5);
const YEARS = [2024, 2025, 2026];

// Planned places per provider, in Bilag 1's order per group (18 35 10 4 21 for autism …).
const PLANNED = {
  autisme: { Odense: 18, "Region Syddanmark": 35, Kolding: 10, Nyborg: 4, Esbjerg: 21 },
  uh: { Sønderborg: 8, Vejle: 50, Svendborg: 3 },
  dobbeltdiagnose: { Middelfart: 4 },
  senhjerneskade: { Haderslev: 6, Fredericia: 4 },
  hjemloese: { Esbjerg: 6 },
  handicap_alder: { Kolding: 10, Vejen: 10, Fredericia: 15 },
  handicap_saerforanstaltning: { Aabenraa: 6 },
  socialpsykiatri: { Odense: 11 },
};
// Answered the question on plans without planning any places (0 in every group): 12 planners + 5 = 17.
const PLANS_ANSWERED_WITHOUT_PLACES = ["Assens", "Faaborg-Midtfyn", "Billund", "Varde", "Tønder"];

// Expected external purchases [2024, 2025, 2026] per municipality that stated a need.
const NEED = {
  autisme: {
    Aabenraa: [5, 5, 3],
    Haderslev: [4, 4, 3],
    Sønderborg: [6, 6, 4],
    Vejle: [8, 8, 6],
    Fredericia: [5, 5, 4],
    Kolding: [3, 3, 2],
    Middelfart: [4, 4, 3],
    Svendborg: [5, 4, 3],
    "Faaborg-Midtfyn": [4, 4, 3],
    Assens: [3, 3, 2],
  },
  uh: {
    Aabenraa: [6, 5, 3],
    Haderslev: [5, 4, 2],
    Esbjerg: [9, 8, 4],
    Kolding: [8, 7, 4],
    Odense: [10, 9, 5],
    Varde: [4, 3, 2],
    Vejen: [4, 4, 2],
    Tønder: [3, 3, 2],
    Billund: [2, 2, 1],
    Kerteminde: [3, 2, 1],
    Nordfyns: [4, 3, 2],
  },
  uh_dom: {
    Odense: [6, 7, 6],
    Esbjerg: [5, 5, 4],
    Kolding: [4, 4, 4],
    Vejle: [5, 5, 4],
    Sønderborg: [3, 3, 3],
    Svendborg: [2, 3, 2],
    Fredericia: [2, 2, 2],
    Haderslev: [3, 3, 2],
  },
  dobbeltdiagnose: {
    Odense: [12, 12, 10],
    Esbjerg: [9, 9, 7],
    Vejle: [8, 8, 7],
    Kolding: [7, 7, 6],
    Sønderborg: [5, 5, 4],
    Aabenraa: [4, 4, 3],
    Svendborg: [4, 4, 3],
    Fredericia: [4, 3, 3],
    Haderslev: [3, 3, 2],
    Nyborg: [2, 2, 2],
    Langeland: [2, 1, 1],
  },
  andet_unge: {
    Odense: [4, 4, 2],
    Vejle: [3, 3, 1],
    Esbjerg: [2, 3, 1],
    Fanø: [1, 1, 0],
    Kolding: [3, 3, 1],
  },
};
// What the municipalities using »Andet« wrote under »Hvilke andre målgrupper?«.
const OTHER_GROUPS = {
  Odense: "Unge psykisk sårbare og unge og selvskade",
  Vejle: "Unge psykisk sårbare",
  Esbjerg: "Unge og selvskade",
  Fanø: "Unge psykisk sårbare",
  Kolding: "Unge psykisk sårbare",
};
// X for willing to build for the community: 3 autism, 1 dobbeltdiagnose (Middelfart), 1 handicap+alder,
// 2 social psykiatri = 7 marks by 4 municipalities.
const WILLING = {
  autisme: ["Odense", "Kolding", "Esbjerg"],
  dobbeltdiagnose: ["Middelfart"],
  handicap_alder: ["Kolding"],
  socialpsykiatri: ["Odense", "Esbjerg"],
};
// X for already running a botilbud for the group (Teglgårdshuset, Midgårdshuset; one more constructed).
const EXISTING = {
  dobbeltdiagnose: ["Middelfart"],
  uh_dom: ["Region Syddanmark"],
  socialpsykiatri: ["Esbjerg"],
};
// Every respondent of the pack except Ærø, which answered neither question.
const RESPONDENTS = [
  "Middelfart",
  "Assens",
  "Faaborg-Midtfyn",
  "Kerteminde",
  "Nyborg",
  "Odense",
  "Svendborg",
  "Nordfyns",
  "Langeland",
  "Haderslev",
  "Billund",
  "Sønderborg",
  "Tønder",
  "Esbjerg",
  "Fanø",
  "Varde",
  "Vejen",
  "Aabenraa",
  "Fredericia",
  "Kolding",
  "Vejle",
  "Region Syddanmark",
];
// Municipalities that answered on purchases: all 21 except Ærø (the region is not asked).
const NEED_ANSWERED = RESPONDENTS.filter((k) => k !== "Region Syddanmark");

const planners = new Set([
  ...Object.values(PLANNED).flatMap((m) => Object.keys(m)),
  ...PLANS_ANSWERED_WITHOUT_PLACES,
]);

function felter(k) {
  const f = {};
  if (planners.has(k)) for (const g of GROUPS) f[`${T}.planlagt.${g}.2023`] = PLANNED[g]?.[k] ?? 0;
  if (NEED_ANSWERED.includes(k))
    for (const g of NEED_GROUPS)
      YEARS.forEach((y, i) => (f[`${T}.behov.${g}.${y}`] = NEED[g][k]?.[i] ?? 0));
  for (const [g, ks] of Object.entries(WILLING)) if (ks.includes(k)) f[`${T}.vilje.${g}.2023`] = "x";
  for (const [g, ks] of Object.entries(EXISTING))
    if (ks.includes(k)) f[`${T}.eksisterende.${g}.2023`] = "x";
  if (OTHER_GROUPS[k]) f[`${T}.andet_maalgruppe`] = OTHER_GROUPS[k];
  return f;
}

const slug = (k) =>
  k
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, "-");

fs.mkdirSync(OUT, { recursive: true });
for (const f of fs.readdirSync(OUT)) if (f.endsWith(".json")) fs.unlinkSync(path.join(OUT, f));
for (const k of RESPONDENTS) {
  const body = { kommune: k, pakke: T, felter: felter(k) };
  fs.writeFileSync(path.join(OUT, `${slug(k)}.json`), JSON.stringify(body, null, 2) + "\n");
}
console.log(`${RESPONDENTS.length} indberetninger skrevet i ${path.relative(process.cwd(), OUT)}`);
