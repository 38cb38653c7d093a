/* global require, __dirname, console, process */
/**
 * Writes examples/rammeaftale_li/: one JSON return per driftsherre and year (2016 and 2017) of the
 * rammeaftale_li pack, from the tables of Bilag 11 (»Ledelsesinformation vedr. takster 2017«,
 * DASSOS 15 August 2018), and test/fixtures/rammeaftale/bilag11.json: the printed tables as
 * transcribed here (one source for the examples and the golden tests).
 *
 * What comes from the source and what is constructed:
 * - Tables 1–3 (belægning, regnskab, over-/underskud, tillægsydelser) give only driftsherre totals,
 *   so each return has one record »Tilbud i alt« carrying them. 2016 is printed in 2017 prices, so
 *   the 2016 returns hold the printed figures and the 2017 returns leave the price index empty (1).
 * - Table 5 (pladser) gives places per driftsherre, target group and dag/døgn: one record each.
 *   For the secure institutions (Region Midtjylland 57 and Struer 49 → 28 døgnpladser) which are
 *   »sikret« and which »åben« is not printed: Region Midtjylland's are entered as sikrede and
 *   Struer's as åbne (constructed).
 * - Table 4 (belægningsprocent) gives only percentages per target group. Forbrug and normering are
 *   constructed so that each percentage (and each group's Samlede) comes out as printed, and put on
 *   the record of the driftsherre with the most places of that kind in the group that year. The
 *   columns are taken in printed header order (the first is 2017), which contradicts the note's
 *   narrative (see the pack's README section).
 * - »Pladser brugt af andre kommuner« is not in Bilag 11 and is left empty (the offer counts as
 *   under the rammeaftale, as every offer in the annex is).
 * Run: node scripts/lav-rammeaftale-eksempler.js (the committed files are its output).
 */
const fs = require("fs");
const path = require("path");

const OUT = path.join(__dirname, "..", "examples", "rammeaftale_li");
const FIXTURE = path.join(__dirname, "..", "test", "fixtures", "rammeaftale", "bilag11.json");
const T = "li_takst";

// Driftsherrer in the tables' order; the seed writes "Århus Kommune" (Aarhus in the pack).
const DH = ["Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig", "Norddjurs", "Odder", "Randers", "Region Midtjylland", "Ringkøbing-Skjern", "Silkeborg", "Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus"];

// Table 1 (L2611–2631): [belægning 2016, regnskab 2016 (1.000 kr., 2017 priser), pris 2016, belægning 2017, regnskab 2017, pris 2017 (null: "-"), udvikling % as printed]
const A = [
  [287.9, 108672, 377520, 292.4, 118332, 404693, 7.2],
  [27.6, 27617, 1000853, 0.0, 0, null, -100.0],
  [1369.1, 404651, 295560, 1048.7, 298036, 284196, -3.8],
  [1030.3, 254842, 247347, 880.9, 256973, 291716, 17.9],
  [358.5, 106098, 295979, 343.9, 101301, 294574, -0.5],
  [361.9, 162669, 449448, 361.8, 167714, 463607, 3.2],
  [271.3, 88585, 326569, 264.4, 89633, 339005, 3.8],
  [624.8, 136817, 218979, 576.0, 129525, 224853, 2.7],
  [81.3, 28240, 347197, 80.6, 26450, 328220, -5.5],
  [680.3, 213455, 313748, 666.8, 229644, 344412, 9.8],
  [1342.4, 1123849, 837191, 1219.2, 1011296, 829482, -0.9],
  [505.8, 168093, 332338, 507.3, 167751, 330667, -0.5],
  [719.0, 205846, 286296, 693.6, 198926, 286790, 0.2],
  [713.8, 381714, 534771, 727.9, 370766, 509379, -4.7],
  [526.0, 151414, 287886, 513.7, 143314, 278966, -3.1],
  [187.1, 93143, 497880, 146.0, 73145, 500957, 0.6],
  [214.3, 73567, 343339, 209.0, 77909, 372801, 8.6],
  [946.2, 231171, 244316, 849.6, 230043, 270768, 10.8],
  [1604.9, 684689, 426634, 1238.5, 522597, 421974, -1.1],
];
const A_TOTAL = [11852, 4645131, 391918, 10620, 4213355, 396729, 1.2];
// Table 2 (L2656–2698), over(+)/underskud(−), 1.000 kr.
const B16 = [-1993, -3507, 22414, 3909, -1049, -1280, 205, -3437, 230, 1062, -3976, -7588, -2680, -9788, -10056, 232, 26, 1980, 11913];
const B17 = [-1559, 0, -1761, 5569, 1201, -1185, 421, -3712, 1593, -2895, 3879, -4529, -7965, 1000, -1932, 793, -2766, -10478, -7257];
const B_TOTAL = [-3383, -31584];
// Table 3 (L2716–2754), tillægsydelser / indskrivning over 100 %, 1.000 kr.
const C16 = [5816, 359, 18679, 0, 12866, 785, 3962, 2226, 2252, 12818, 83699, 6900, 438, 40078, 0, 2404, 3583, 6193, 29607];
const C17 = [6912, 0, 23691, 30744, 10358, 10868, 5321, 2977, 2069, 20201, 71565, 6259, 5420, 15860, 0, 2569, 4163, 9818, 33348];
const C_TOTAL = [232665, 262143];

// Table 5 (L2838–3245): per target group, driftsherre → [dag 2016, døgn 2016, dag 2017, døgn 2017] ("-" = 0), and the printed Hovedtotal.
const E = {
  boern_unge: {
    rows: { Favrskov: [0, 8, 0, 8], Hedensted: [0, 38, 0, 0], Herning: [20, 125, 10, 93], Holstebro: [10, 59, 10, 46], Horsens: [29, 0, 26, 0], Norddjurs: [0, 28, 0, 32], Odder: [0, 8, 0, 0], Randers: [32, 49, 32, 49], "Region Midtjylland": [59, 184, 7, 106], Silkeborg: [10, 20, 0, 20], Skanderborg: [0, 22, 0, 20], Skive: [26, 13, 27, 0], Viborg: [0, 8, 0, 8], Aarhus: [116, 130, 0, 115] },
    total: [302, 692, 112, 498],
  },
  sikrede_institutioner: { rows: { "Region Midtjylland": [2, 57, 2, 57], Struer: [0, 49, 0, 28] }, total: [2, 106, 2, 85] },
  sindslidelse: {
    rows: { Favrskov: [25, 35, 25, 35], Herning: [416, 57, 376, 48], Holstebro: [300, 153, 350, 109], Horsens: [20, 128, 0, 18], "Ikast-Brande": [35, 39, 35, 40], Lemvig: [0, 21, 0, 21], Randers: [0, 26, 0, 26], "Region Midtjylland": [5, 166, 15, 166], "Ringkøbing-Skjern": [27, 23, 27, 23], Silkeborg: [61, 0, 61, 0], Skive: [0, 35, 0, 34], Viborg: [139, 103, 139, 103], Aarhus: [0, 26, 0, 0] },
    total: [1028, 811, 1028, 622],
  },
  fysisk_handicap: {
    rows: { Herning: [140, 48, 47, 0], Holstebro: [446, 206, 376, 204], "Ikast-Brande": [99, 108, 99, 109], Lemvig: [37, 32, 37, 32], Norddjurs: [211, 130, 211, 130], Odder: [67, 23, 67, 31], Randers: [311, 242, 0, 157], "Region Midtjylland": [160, 121, 157, 100], Silkeborg: [139, 203, 139, 192], Skanderborg: [324, 348, 345, 343], Skive: [0, 0, 0, 9], Struer: [0, 53, 0, 53], Syddjurs: [108, 98, 115, 98], Aarhus: [58, 44, 0, 0] },
    total: [2099, 1656, 1593, 1458],
  },
  psykisk_handicap: {
    rows: { Favrskov: [117, 138, 117, 117], Herning: [348, 183, 347, 169], Horsens: [137, 53, 228, 53], "Ikast-Brande": [37, 53, 37, 53], Lemvig: [55, 0, 56, 0], Norddjurs: [124, 62, 125, 62], Randers: [0, 62, 259, 107], "Region Midtjylland": [277, 399, 184, 465], "Ringkøbing-Skjern": [254, 220, 241, 221], Silkeborg: [70, 52, 70, 44], Skanderborg: [0, 21, 0, 21], Skive: [231, 163, 220, 139], Struer: [52, 0, 52, 0], Syddjurs: [0, 7, 0, 8], Viborg: [235, 174, 231, 179], Aarhus: [447, 599, 482, 600] },
    total: [2384, 2187, 2648, 2238],
  },
  kvindekrisecentre: { rows: { Herning: [0, 5, 0, 0], Holstebro: [0, 3, 0, 0], Horsens: [0, 7, 0, 0], Randers: [0, 9, 0, 9], Silkeborg: [0, 5, 0, 5], Viborg: [0, 7, 0, 8], Aarhus: [0, 8, 0, 0] }, total: [0, 44, 0, 22] },
  forsorgshjem: { rows: { Herning: [80, 33, 0, 0], Holstebro: [0, 43, 0, 43], Horsens: [0, 34, 0, 34], Lemvig: [0, 14, 0, 0], Silkeborg: [15, 6, 15, 6], Viborg: [0, 57, 0, 57], Aarhus: [0, 173, 0, 73] }, total: [95, 360, 15, 213] },
  misbrug: { rows: { Viborg: [0, 0, 168, 0] }, total: [0, 0, 168, 0] },
};
// The total table of Table 5 per driftsherre [dag 2016, døgn 2016, dag 2017, døgn 2017] and its printed Hovedtotal.
const E_TOTAL_TABLE = {
  rows: { Favrskov: [142, 181, 142, 160], Hedensted: [0, 38, 0, 0], Herning: [1004, 451, 780, 310], Holstebro: [756, 464, 736, 402], Horsens: [186, 222, 254, 105], "Ikast-Brande": [171, 200, 171, 202], Lemvig: [92, 67, 93, 53], Norddjurs: [335, 220, 336, 224], Odder: [67, 31, 67, 31], Randers: [343, 388, 291, 368], "Region Midtjylland": [503, 927, 365, 894], "Ringkøbing-Skjern": [281, 243, 268, 244], Silkeborg: [295, 286, 285, 275], Skanderborg: [324, 391, 345, 384], Skive: [257, 211, 247, 182], Struer: [52, 102, 52, 81], Syddjurs: [108, 105, 115, 106], Viborg: [374, 349, 538, 355], Aarhus: [621, 980, 482, 788] },
  total: [5910, 5986, 5567, 5279],
};
// Table 4 (L2773–2835), in printed header order: the first column is headed "1. til 4. kvartal 2017".
// [Samlede, sub-row 1, sub-row 2] for [2017, 2016]; sub-rows are [type, type].
const D = {
  boern_unge: { types: ["doegn", "dag"], 2017: [90.6, 87.7, 96.4], 2016: [83.7, 81.7, 92.6] },
  sikrede_institutioner: { types: ["aabne", "sikrede"], 2017: [85.6, 82.2, 96.7], 2016: [86.2, 80.9, 99.3] },
  sindslidelse: { types: ["doegn", "dag"], 2017: [95.9, 98.9, 93.1], 2016: [91.2, 95.9, 88.4] },
  fysisk_handicap: { types: ["doegn", "dag"], 2017: [97.3, 96.2, 98.3], 2016: [94.5, 96.2, 93.0] },
  psykisk_handicap: { types: ["doegn", "dag"], 2017: [100.5, 97.3, 103.5], 2016: [98.5, 98.4, 98.5] },
  kvindekrisecentre: { types: ["doegn"], 2017: [97.8], 2016: [97.4] },
  forsorgshjem: { types: ["doegn", "dag"], 2017: [94.5, 96.9, 86.9], 2016: [91.7, 97.0, 16.0] },
  misbrug: { types: ["dag"], 2017: [110.2], 2016: [99.2] },
};
const GROUP_NAMES = {
  boern_unge: "børn og unge",
  sikrede_institutioner: "sikrede institutioner",
  sindslidelse: "voksne med sindslidelse",
  fysisk_handicap: "voksne fysisk handicappede",
  psykisk_handicap: "psykisk handicap",
  kvindekrisecentre: "kvindekrisecentre",
  forsorgshjem: "forsorgshjem",
  misbrug: "misbrug",
};
const TYPE_NAMES = { dag: "dag", doegn: "døgn", aabne: "åben", sikrede: "sikret" };

// The note's remarks from driftsherrer (L2497–2522, L2545) and the table notes (L2633, L2698).
const REMARKS = {
  2016: {
    "Region Midtjylland":
      "På driftsherreniveau er der i 2016 korrigeret for 18,9 mio. kr., som skyldes opkrævning og udbetaling af tillæg vedr. feriepenge. På baggrund af resultatet i 2015 er der i 2016 tilbagebetalt 10 mio. kr. til kommunerne.",
  },
  2017: {
    Herning: "Forsorgshjem har en takstudvikling på minus 100 %. Det giver et forkert billede, og det er tvivlsomt, om det overhovedet giver mening at sammenligne 2016 og 2017.",
    "Ikast-Brande": "Tilbuddene har omlagt deres takststruktur og indført differentierede takster, så driftsstedet og myndigheden frit kan aftale, hvilken takst borgeren afregnes med. Stigningen skyldes, at flere borgere er indskrevet i de højere takstgrupper.",
    Favrskov: "Takststigningen skyldes til dels et nyt, dyrere tilbud pr. 1.9.2016 som erstatning for et tidligere tilbud. Desuden har der i 2017 været 25 % flere medarbejdere på barsel end i 2016.",
    Holstebro: "Stigningen i tillægsydelser skyldes en omlægning af takststrukturen.",
  },
};

const YEARS = [2016, 2017];
const yi = (year) => (year === 2016 ? 0 : 1);

/** The place count of a driftsherre in a group, for a year and kind ("dag" or "doegn"). */
function places(group, dh, year, kind) {
  const r = E[group].rows[dh];
  if (!r) return 0;
  return r[yi(year) * 2 + (kind === "dag" ? 0 : 1)];
}

/** The record type of places of a kind in a group: secure institutions' døgnpladser are sikret or åben. */
function typeOf(group, dh, kind) {
  if (group === "sikrede_institutioner" && kind === "doegn") return dh === "Region Midtjylland" ? "sikrede" : "aabne";
  return kind;
}

/** The driftsherre with the most places of a type in a group in a year (misbrug 2016 has none: the 2017 provider). */
function carrier(group, type, year) {
  const kind = type === "dag" ? "dag" : "doegn";
  let best;
  for (const dh of Object.keys(E[group].rows)) {
    if (typeOf(group, dh, kind) !== type) continue;
    const p = places(group, dh, year, kind);
    if (!best || p > best.p) best = { dh, p };
  }
  if (!best || best.p === 0) {
    for (const dh of Object.keys(E[group].rows)) if (typeOf(group, dh, kind) === type) return dh;
  }
  return best.dh;
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Forbrug and normering (belægningsdøgn, mulige døgn) per type of a group and year, constructed so
 * that each type's percentage and the group's Samlede (Σ forbrug ÷ Σ normering) round to the printed ones.
 */
function occupancy(group, year) {
  const d = D[group];
  const [S, ...ps] = d[year];
  const kindPlaces = d.types.map((t) =>
    Object.keys(E[group].rows).reduce((n, dh) => n + (typeOf(group, dh, t === "dag" ? "dag" : "doegn") === t ? places(group, dh, year, t === "dag" ? "dag" : "doegn") : 0), 0)
  );
  const total = Math.max(40, kindPlaces.reduce((a, b) => a + b, 0)) * 365;
  if (d.types.length === 1) {
    const N = Math.round(total / 40) * 40;
    return [{ type: d.types[0], N, F: (S * N) / 100 }];
  }
  const [p1, p2] = ps;
  const w = (S - p2) / (p1 - p2);
  for (let delta = 0; delta < 200; delta++) {
    for (const sign of [1, -1]) {
      const N1 = Math.round((w * total) / 40) * 40 + sign * delta * 40;
      const N2 = Math.round(((1 - w) * total) / 40) * 40;
      if (N1 <= 0 || N2 <= 0) continue;
      const F1 = (p1 * N1) / 100;
      const F2 = (p2 * N2) / 100;
      if (round(((F1 + F2) / (N1 + N2)) * 100, 1) === S)
        return [
          { type: d.types[0], N: N1, F: F1 },
          { type: d.types[1], N: N2, F: F2 },
        ];
    }
  }
  throw new Error(`no construction for ${group} ${year}`);
}

/** Splits a year's figure (at most two decimals) into four quarters; the last takes the rest. */
function quarters(x) {
  const q = round(x / 4, 2);
  return [q, q, q, round(x - 3 * q, 2)];
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const occ = {};
for (const g of Object.keys(D)) for (const y of YEARS) occ[`${g}|${y}`] = occupancy(g, y);

fs.mkdirSync(OUT, { recursive: true });
for (const f of fs.readdirSync(OUT)) if (f.endsWith(".json")) fs.unlinkSync(path.join(OUT, f));
let files = 0;
for (const year of YEARS) {
  DH.forEach((dh, i) => {
    const felter = { [`${T}.indberetning.aar.svar`]: year };
    let n = 0;
    const rec = (fields) => {
      n++;
      for (const [k, v] of Object.entries(fields)) felter[`${T}.tilbud.${n}.${k}`] = v;
    };
    const a = A[i];
    rec({
      tilbud: "Tilbud i alt (bilag 11 viser kun driftsherrens total)",
      belaegning: year === 2016 ? a[0] : a[3],
      regnskab: year === 2016 ? a[1] : a[4],
      resultat: year === 2016 ? B16[i] : B17[i],
      tillaeg: year === 2016 ? C16[i] : C17[i],
    });
    for (const group of Object.keys(E)) {
      for (const kind of ["dag", "doegn"]) {
        const p = places(group, dh, year, kind);
        const type = typeOf(group, dh, kind);
        const carried = (occ[`${group}|${year}`] ?? []).find((o) => o.type === type && carrier(group, type, year) === dh);
        if (p === 0 && !carried) continue;
        const fields = {
          tilbud: `${dh}: ${GROUP_NAMES[group]}, ${TYPE_NAMES[type]}`,
          maalgruppe: group,
          type,
          ...(p > 0 ? { pladser: p } : {}),
        };
        if (carried) {
          const fq = quarters(carried.F);
          const nq = quarters(carried.N);
          for (let q = 0; q < 4; q++) {
            fields[`forbrug_kvartal_${q + 1}`] = fq[q];
            fields[`normering_kvartal_${q + 1}`] = nq[q];
          }
          fields.aktiv = "x";
        }
        rec(fields);
      }
    }
    const remark = REMARKS[year][dh];
    if (remark) felter[`${T}.bemaerkninger`] = remark;
    const file = path.join(OUT, `${slug(dh)}-${year}.json`);
    fs.writeFileSync(file, JSON.stringify({ kommune: dh, pakke: "rammeaftale_li", felter }, null, 2) + "\n");
    files++;
  });
}

// The printed tables, for the golden tests.
const fixture = {
  kilde: "DASSOS 15. august 2018, bilag 11 (Ledelsesinformation vedr. takster 2017); transskriberet af scripts/lav-rammeaftale-eksempler.js",
  driftsherrer: DH,
  tabel1_takstudvikling: {
    kolonner: ["belaegning_2016", "regnskab_2016", "pris_2016", "belaegning_2017", "regnskab_2017", "pris_2017", "udvikling_pct"],
    raekker: Object.fromEntries(DH.map((dh, i) => [dh, A[i]])),
    hovedtotal: A_TOTAL,
  },
  tabel2_overskud: { raekker: Object.fromEntries(DH.map((dh, i) => [dh, [B16[i], B17[i]]])), hovedtotal: B_TOTAL },
  tabel3_tillaeg: { raekker: Object.fromEntries(DH.map((dh, i) => [dh, [C16[i], C17[i]]])), hovedtotal: C_TOTAL },
  tabel4_belaegning: D,
  tabel5_pladser: { maalgrupper: E, i_alt: E_TOTAL_TABLE },
  tekst: {
    pladser: { dag_faerre: 343, doegn_faerre: 707, dag_pct: 6, doegn_pct: 12, forsorgshjem_faerre: 230 },
    tillaeg_mio: [232, 262],
  },
};
fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
fs.writeFileSync(FIXTURE, JSON.stringify(fixture, null, 2) + "\n");
if (!process.env.STILLE) console.log(`Skrev ${files} indberetninger i ${path.relative(process.cwd(), OUT)} og ${path.relative(process.cwd(), FIXTURE)}.`);
