/* global require, __dirname, console */
/**
 * Writes examples/kora/: a register extract for all 98 municipalities (udgifter and brugere per
 * delområde, 2014, as enhed.json and as the one-row-per-municipality enhed.csv), eight
 * municipalities' own user counts (kora_egnetal), two municipalities' placements by acting and
 * paying municipality (kora_handlebetal) and the settings. Every figure is invented by a seeded
 * generator shaped by KORA (2017): national user totals (Tab. 3.1), weighted mean unit costs and
 * the number of municipalities with both, only users or only expenditure (Tab. 3.7, 3.8); the
 * eight municipalities' deviations follow Tab. 3.4 (their attribution to names is constructed,
 * except Syddjurs = Kommune 3 and Mariagerfjord = Kommune 2, which the report names).
 * Run: node scripts/lav-kora-eksempel.js (the committed files are its output).
 */
const fs = require("fs");
const path = require("path");

const OUT = path.join(__dirname, "..", "examples", "kora");
const AAR = 2014;

/** mulberry32: a small PRNG with a fixed seed, so the example never changes by accident. */
function prng(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20170501);
/** A standard normal draw (Box–Muller). */
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const r1 = (x) => Math.round(x * 10) / 10;

// The 98 municipalities, in the catalogue's order (its names are the ones returns are matched by).
const src = fs.readFileSync(
  path.join(__dirname, "..", "src", "domain", "catalogue", "kommuner.ts"),
  "utf8"
);
const KOMMUNER = [...src.matchAll(/\[\d+, "([^"]+)", [A-Z]+\]/g)].map((m) => m[1]);
if (KOMMUNER.length !== 98) throw new Error(`fandt ${KOMMUNER.length} kommuner`);

// A size per municipality (share of the country's children), invented: lognormal, København largest.
const size = KOMMUNER.map((k) =>
  k === "København" ? 9 : k === "Aarhus" ? 5.5 : Math.exp(0.6 * normal())
);
const totalSize = size.reduce((a, b) => a + b, 0);

// [id, H, U, O (Tab. 3.1), weighted mean (Tab. 3.7), n, kun brugere, kun udgifter (Tab. 3.7, 3.8)]
const D = [
  ["doegninst", 2620.3, 3413, 2559, 1138001, 93, 1, 0],
  ["opholdssted", 2055.0, 2734, 2147, 1054737, 92, 0, 2],
  ["kostskole", 375.8, 563, 350, 346023, 59, 0, 6],
  ["eget_vaerelse", 820.0, 1253, 788, 257467, 75, 5, 0],
  ["plejefamilie", 6227.5, 7031, 6158, 503339, 96, 0, 1],
  ["kommunal_pleje", 371.4, 475, 388, 206575, 11, 53, 6],
  ["netvaerkspleje", 887.1, 1052, 900, 135570, 80, 1, 1],
  ["aflastning", 6379.0, 7723, 6267, 147791, 96, 0, 0],
  ["kontaktperson", 9602.2, 13873, 9916, 70077, 97, 0, 0],
];
// Delområde 10: indskrevne børn (no national total printed; about 4.000 invented), Tab. 3.7/3.8.
const D10 = ["saerlig_dagtilbud", 4000, 423186, 46, 2, 33];

/** The municipalities in each status, drawn so the counts are exactly the report's. */
function statuses(n, kunBrugere, kunUdgifter) {
  const s = [
    ...Array(n).fill("beregnet"),
    ...Array(kunBrugere).fill("kun brugere"),
    ...Array(kunUdgifter).fill("kun udgifter"),
  ];
  while (s.length < 98) s.push("ingen");
  for (let i = s.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [s[i], s[j]] = [s[j], s[i]];
  }
  return s;
}

const enhed = Object.fromEntries(KOMMUNER.map((k) => [k, {}]));
const set = (k, key, v) => (enhed[k][key] = { [AAR]: v });

for (const [id, H, U, O, W, n, kb, ku] of D) {
  const st = statuses(n, kb, ku);
  KOMMUNER.forEach((k, i) => {
    const s = st[i];
    if (s === "ingen") return; // neither users nor expenditure: not in the extract
    const users = s !== "kun udgifter";
    const h = users ? Math.max(0.1, r1(((H * size[i]) / totalSize) * Math.exp(0.3 * normal()))) : 0;
    const u = users
      ? Math.max(Math.ceil(h), Math.round(((h * U) / H) * Math.exp(0.08 * normal())))
      : 0;
    const o = users ? Math.min(u, Math.round(((h * O) / H) * Math.exp(0.08 * normal()))) : 0;
    let e = 0;
    if (s === "beregnet") e = Math.round(h * W * Math.exp(0.35 * normal()));
    if (s === "kun udgifter") e = Math.round(W * (0.5 + rnd()) * 0.4);
    if (s === "kun brugere" && rnd() < 0.2) e = -Math.round(W * 0.01 * rnd()); // a small credit
    set(k, `${id}.udgift`, e);
    set(k, `${id}.helaarsbrugere`, h);
    set(k, `${id}.unikke_brugere`, u);
    set(k, `${id}.brugere_ultimo`, o);
  });
}
{
  const [id, N, W, n, kb, ku] = D10;
  const st = statuses(n, kb, ku);
  KOMMUNER.forEach((k, i) => {
    const s = st[i];
    if (s === "ingen") return;
    const c =
      s === "kun udgifter"
        ? 0
        : Math.max(1, Math.round(((N * size[i]) / totalSize) * Math.exp(0.3 * normal())));
    const e =
      s === "beregnet"
        ? Math.round(c * W * Math.exp(0.45 * normal()))
        : s === "kun udgifter"
          ? Math.round(W * rnd())
          : 0;
    set(k, `${id}.udgift`, e);
    set(k, `${id}.indskrevne`, c);
  });
}

// ------------------------------------------------------------- kora_egnetal (Tab. 3.4)
// Deviation in per cent per delområde (rows 1–9) and municipality K1…K8; null "–" (not
// supplied), "0" both zero. Bases per block as printed (K8's preventive measures "mangler").
const PCT = {
  doegninst: [2, -40, 121, 1, 38, 7, 5, 2],
  opholdssted: [4, 47, -3, -31, -1, 67, 3, 21],
  kostskole: [15, null, -17, null, 189, 17, null, null],
  eget_vaerelse: [-27, null, 56, 75, null, null, null, 9],
  plejefamilie: [21, 10, 36, 26, 26, 33, 32, 7],
  kommunal_pleje: [-100, -100, -100, 47, -100, "0", "0", "0"],
  netvaerkspleje: [-13, -15, -18, -4, -11, null, 17, 17],
  aflastning: [5, -35, -33, 70, 39, -67, -5, null],
  kontaktperson: [-2, -66, -24, -4, 37, -49, 2, null],
};
const GRUNDLAG_ANBR = [
  "helaarsbrugere",
  "helaarsbrugere",
  "helaarsbrugere",
  "ultimo",
  "helaarsbrugere",
  "helaarsbrugere",
  "helaarsbrugere",
  "ultimo",
];
const GRUNDLAG_FOREB = [
  "ultimo",
  "ultimo",
  "ultimo",
  "ultimo",
  "unikke",
  "ultimo",
  "helaarsbrugere",
  "mangler",
];
// Constructed attribution, except K2 = Mariagerfjord and K3 = Syddjurs (named in the report).
const DIALOG = [
  "Frederiksberg",
  "Mariagerfjord",
  "Syddjurs",
  "Aalborg",
  "Næstved",
  "Esbjerg",
  "Faaborg-Midtfyn",
  "Ishøj",
];
const MEASURE = {
  helaarsbrugere: "helaarsbrugere",
  ultimo: "brugere_ultimo",
  unikke: "unikke_brugere",
};
const ANBR = [
  "doegninst",
  "opholdssted",
  "kostskole",
  "eget_vaerelse",
  "plejefamilie",
  "kommunal_pleje",
  "netvaerkspleje",
];

fs.mkdirSync(path.join(OUT, "returer"), { recursive: true });
DIALOG.forEach((k, ki) => {
  const felter = {};
  const blocks = [
    ["anbringelser", ANBR, GRUNDLAG_ANBR[ki]],
    ["forebyggende", ["aflastning", "kontaktperson"], GRUNDLAG_FOREB[ki]],
  ];
  let sumEgne = 0;
  let sumDst = 0;
  for (const [blok, ids, grundlag] of blocks) {
    felter[`kora_egnetal.${blok}.grundlag.egne`] = grundlag;
    if (grundlag === "mangler") continue;
    for (const id of ids) {
      const p = PCT[id][ki];
      if (p === null) continue;
      // DST's count from the extract under the block's basis (at least 1 where a deviation is printed).
      const fromExtract = enhed[k][`${id}.${MEASURE[grundlag]}`]?.[AAR] ?? 0;
      const dst = p === "0" ? 0 : Math.max(1, r1(fromExtract));
      const egne = p === "0" ? 0 : r1(dst * (1 + p / 100));
      felter[`kora_egnetal.${blok}.${id}.dst`] = dst;
      felter[`kora_egnetal.${blok}.${id}.egne`] = egne;
      if (blok === "anbringelser") {
        sumEgne += egne;
        sumDst += dst;
      }
    }
  }
  // Anbringelser i alt: the seven types and a few placements outside them (G003-08).
  felter["kora_egnetal.anbringelser.i_alt.egne"] = r1(sumEgne + 3 + ki);
  felter["kora_egnetal.anbringelser.i_alt.dst"] = r1(sumDst + 2 + ki);
  if (k === "Ishøj") felter["kora_egnetal.opgoerelse.betalingskommune.svar"] = "x";
  const file = path.join(
    OUT,
    "returer",
    `egnetal-${k.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")}.json`
  );
  fs.writeFileSync(
    file,
    JSON.stringify({ kommune: k, pakke: "kora_enhedsudgifter", felter }, null, 2) + "\n"
  );
});

// --------------------------------------------------------- kora_handlebetal (Tab. 3.9, 3.10)
// Kommune A as printed in Tab. 3.10; Kommune B's totals as in Tab. 3.9 (372,8 and 364,0), split invented.
const HB = {
  Frederiksberg: [
    [100.5, 93.5],
    [5.6, 5.6],
    [39.3, 44.2],
    [2.4, 2.4],
    [2.3, 1.4],
    [15.9, 15.3],
  ],
  Aalborg: [
    [201.4, 196.0],
    [18.2, 18.2],
    [96.1, 97.3],
    [6.0, 5.0],
    [9.2, 8.0],
    [41.9, 39.5],
  ],
};
const TYPES = [
  "plejefamilie",
  "netvaerkspleje",
  "opholdssted",
  "kostskole",
  "eget_vaerelse",
  "doegninst",
];
for (const [k, rows] of Object.entries(HB)) {
  const felter = {};
  rows.forEach(([h, b], i) => {
    felter[`kora_handlebetal.anbringelser.${TYPES[i]}.handlekommune`] = h;
    felter[`kora_handlebetal.anbringelser.${TYPES[i]}.betalingskommune`] = b;
  });
  fs.writeFileSync(
    path.join(OUT, "returer", `handlebetal-${k.toLowerCase()}.json`),
    JSON.stringify({ kommune: k, pakke: "kora_enhedsudgifter", felter }, null, 2) + "\n"
  );
}

// --------------------------------------------------------------- enhed.json, enhed.csv
// One municipality per line: the shape {kommune: {"<delområde>.<mål>": {"<år>": tal}}}.
fs.writeFileSync(
  path.join(OUT, "enhed.json"),
  `{\n${KOMMUNER.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(enhed[k])}`).join(",\n")}\n}\n`
);
const keys = [];
for (const [id] of D)
  for (const m of ["udgift", "helaarsbrugere", "unikke_brugere", "brugere_ultimo"])
    keys.push(`${id}.${m}`);
keys.push("saerlig_dagtilbud.udgift", "saerlig_dagtilbud.indskrevne");
const da = (v) => (v === undefined ? "" : String(v).replace(".", ","));
const lines = [["Kommune", ...keys.map((k) => `${k}.${AAR}`)].join(";")];
for (const k of KOMMUNER) lines.push([k, ...keys.map((key) => da(enhed[k][key]?.[AAR]))].join(";"));
fs.writeFileSync(path.join(OUT, "enhed.csv"), lines.join("\r\n") + "\r\n");

fs.writeFileSync(
  path.join(OUT, "indstillinger.json"),
  JSON.stringify(
    { aar: AAR, vaegtet_grundlag: "alle", n_min: 10, fokuskommune: "Syddjurs" },
    null,
    2
  ) + "\n"
);
console.log(
  `Skrev ${OUT}: enhed.json, enhed.csv, indstillinger.json og ${DIALOG.length + Object.keys(HB).length} indberetninger.`
);
