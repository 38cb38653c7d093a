/* global require, __dirname, console */
/**
 * Writes examples/: five fictional municipalities' returns, Landstal, Kommunedata and
 * Indstillinger, solved so that the projection reproduces the report's published table
 * (method.md). The municipality names are real, every figure is invented.
 * Run: node scripts/lav-eksempler.js (the committed examples are its output).
 */
const fs = require("fs");
const path = require("path");

const OUT = path.join(__dirname, "..", "examples");
const H = 1400;
const K = ["Aalborg", "Odense", "Vejle", "Holbæk", "Frederiksberg"];
const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;
const r3 = (x) => Math.round(x * 1000) / 1000;
const years = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

const felter = Object.fromEntries(K.map((k) => [k, {}]));
const set = (k, id, v) => (felter[k][id] = v);

/** pct rows summing to 100 for a block in a year, shifted a little per municipality and year. */
function pct(k, prefix, rows, y, weights) {
  const ki = K.indexOf(k);
  const raw = weights.map((w, i) => Math.max(1, w + ((ki + y + i) % 3) - 1));
  const tot = raw.reduce((a, b) => a + b, 0);
  const vals = raw.map((w) => Math.round((w / tot) * 100));
  vals[0] += 100 - vals.reduce((a, b) => a + b, 0);
  rows.forEach((r, i) => set(k, `${prefix}.${r}.${y}`, vals[i]));
}

// ---------------------------------------------------------------- Kommunedata
const indbyggere = { Aalborg: 222000, Odense: 207000, Vejle: 121000, Holbæk: 73000, Frederiksberg: 104000 };
const voksne = { Aalborg: 160000, Odense: 152000, Vejle: 88000, Holbæk: 55000, Frederiksberg: 79340 };
const ansatte = {
  2018: { Aalborg: 16800, Odense: 15400, Vejle: 9100, Holbæk: 5900, Frederiksberg: 8000 },
  2020: { Aalborg: 17000, Odense: 15600, Vejle: 9300, Holbæk: 6000, Frederiksberg: 8200 },
  2023: { Aalborg: 17500, Odense: 16000, Vejle: 9500, Holbæk: 6200, Frederiksberg: 8400 },
};
const dagtilbud = {
  2020: { Aalborg: 145, Odense: 134, Vejle: 88, Holbæk: 62, Frederiksberg: 78 },
  2023: { Aalborg: 140, Odense: 130, Vejle: 85, Holbæk: 60, Frederiksberg: 75 },
};
const sumOf = (o) => Object.values(o).reduce((a, b) => a + b, 0);

const landstal = {
  ukn_sager: { 2022: 1535 },
  boernesag_sager: { 2023: 750 },
  indbyggere: { 2023: 5930000 },
  indbyggere_18plus: { 2023: 4720000 },
  dagtilbud: { 2020: Math.round(sumOf(dagtilbud[2020]) * 7.3), 2023: Math.round(sumOf(dagtilbud[2023]) * 7.68) },
  ansatte: {
    2018: Math.round((sumOf(ansatte[2018]) * 202) / 29),
    2020: Math.round(sumOf(ansatte[2020]) * 7.0),
    2023: Math.round(sumOf(ansatte[2023]) * 6.94),
  },
  kvalitet_bekymrende: 8,
  kvalitet_handleplan: 22,
  parallel_redegoerelse: 6,
  parallel_tilsyn: 5,
};
const kommunedata = Object.fromEntries(
  K.map((k) => [
    k,
    {
      indbyggere: { 2023: indbyggere[k] },
      indbyggere_18plus: { 2023: voksne[k] },
      ansatte: { 2018: ansatte[2018][k], 2020: ansatte[2020][k], 2023: ansatte[2023][k] },
      // dagtilbud: left out on purpose, so it defaults to the tilsyn return's antal_dagtilbud.
    },
  ]),
);

// ---------------------------------------------------------------- ukn (2022; Holbæk left out by setting)
const UKN_SUB = ["udtalelse", "undersoegelse", "partshoering", "ivaerksaettelse", "opfoelgning", "andet"];
// [hovedsager, genindbringelsessager, timer pr. hovedsag, timer pr. genindbringelsessag] in 2022
const ukn2022 = {
  Aalborg: [40, 10, 15, 20], // 16 timer pr. sag
  Odense: [30, 6, 62, 80], // 65
  Vejle: [20, 5, 28, 41], // 30,6
  Holbæk: [12, 2, 118, 140], // unormalt højt: udeladt efter indstilling
  Frederiksberg: [30, 9, 35, 48], // 38
};
for (const k of K) {
  const [h, g, th, tg] = ukn2022[k];
  for (const y of years(2019, 2023)) {
    const f = y === 2022 ? 1 : 0.6 + 0.1 * (y - 2019);
    const hs = y === 2022 ? h : Math.round(h * f);
    const gs = y === 2022 ? g : Math.round(g * f);
    set(k, `ukn.volumen.hovedsager.${y}`, hs);
    set(k, `ukn.volumen.genindbringelsessager.${y}`, gs);
    set(k, `ukn.volumen.sager_i_alt.${y}`, hs + gs);
    set(k, `ukn.hovedsager.timer_pr_sag.${y}`, y === 2022 ? th : r1(th * (0.9 + 0.02 * (y - 2019))));
    set(k, `ukn.genindbringelse.timer_pr_sag.${y}`, y === 2022 ? tg : r1(tg * (0.9 + 0.02 * (y - 2019))));
    pct(k, "ukn.hovedsager", UKN_SUB, y, [10, 35, 25, 15, 10, 5]);
    pct(k, "ukn.genindbringelse", UKN_SUB, y, [10, 30, 25, 20, 10, 5]);
  }
  set(k, "ukn.kommentarer", null);
  set(k, "ukn.andet_byrde", null);
}

// ---------------------------------------------------------------- barometre (2023)
const BAR_SUB = ["dialog", "udvaelgelse", "orientering", "indberetning", "moeder", "opfoelgning", "andet"];
// børnesag: by year [sager, timer]; pooled ratios 1, 11, 3, 2,5, 2,5 (mean 4)
const boernesag = {
  Aalborg: { 2020: [25, 25], 2023: [30, 30] },
  Odense: { 2021: [20, 220] },
  Vejle: { 2022: [24, 72], 2023: [25, 75] },
  Holbæk: { 2020: [16, 40] },
  Frederiksberg: { 2021: [22, 55] },
};
// handicap 2023: [sager, timer]; ratios 2, 11, 8,8, 8,1, 9,82
const handicap = { Aalborg: [6, 12], Odense: [5, 55], Vejle: [5, 44], Holbæk: [4, 32.4], Frederiksberg: [5, 49.1] };
for (const k of K) {
  for (const y of years(2020, 2023)) {
    const b = boernesag[k][y];
    set(k, `barometre.boernesag_volumen.udvalgt.${y}`, b ? "x" : null);
    set(k, `barometre.boernesag_volumen.sager.${y}`, b ? b[0] : null);
    set(k, `barometre.boernesag.timer_i_alt.${y}`, b ? b[1] : null);
    if (b) pct(k, "barometre.boernesag", BAR_SUB, y, [10, 30, 10, 20, 15, 10, 5]);
  }
  set(k, "barometre.handicap_volumen.udvalgt.2023", "x");
  set(k, "barometre.handicap_volumen.sager.2023", handicap[k][0]);
  set(k, "barometre.handicap.timer_i_alt.2023", handicap[k][1]);
  pct(k, "barometre.handicap", BAR_SUB, 2023, [10, 35, 10, 25, 10, 5, 5]);
}

// ---------------------------------------------------------------- normering (2023) and tilsyn (2020 → 2023)
const NORM_SUB = ["datamodel", "opgoerelse", "indberetning", "dialog_dst", "afledte", "andet"];
const normRatio = { Aalborg: 20, Odense: 45, Vejle: 28, Holbæk: 33.25, Frederiksberg: 30 }; // mean 31,25
const TILSYN_SUB = ["koncept", "forberedelse", "gennemfoersel", "evaluering", "ivaerksaettelse", "opfoelgning", "andet"];
// hours per tilsyn [forvaltning, dagtilbud]; antal tilsyn
const tilsyn = {
  2020: { Aalborg: [14, 18, 100], Odense: [16, 22, 90], Vejle: [12, 20, 80], Holbæk: [15, 21, 60], Frederiksberg: [13, 24, 70] },
  2023: { Aalborg: [20, 27, 140], Odense: [22, 30, 120], Vejle: [18, 29, 90], Holbæk: [21, 28, 60], Frederiksberg: [19, 30, 80] },
};
function solveTilsyn(y, nationalTarget) {
  // scale hours so that r̄ × Σtilsyn/Σdagtilbud × D / H hits the target
  const t = tilsyn[y];
  const sumT = K.reduce((a, k) => a + t[k][2], 0);
  const rbar = K.reduce((a, k) => a + t[k][0] + t[k][1], 0) / K.length;
  const national = (rbar * (sumT / sumOf(dagtilbud[y])) * landstal.dagtilbud[y]) / H;
  return nationalTarget / national;
}
const tilsynScale = { 2020: solveTilsyn(2020, 73.0), 2023: solveTilsyn(2023, 131.0) };
for (const k of K) {
  for (const y of years(2017, 2023)) {
    const dt = dagtilbud[y]?.[k] ?? Math.round(dagtilbud[2023][k] * (1 + 0.01 * (2023 - y)));
    set(k, `tilsyn.volumen.antal_dagtilbud.${y}`, dt);
    const ty = tilsyn[y]?.[k]?.[2] ?? Math.round(dt * (y < 2020 ? 0.5 : 0.8));
    set(k, `tilsyn.volumen.antal_tilsyn.${y}`, ty);
    set(k, `tilsyn.volumen.tilsyn_handleplan.${y}`, Math.round(ty * 0.1));
  }
  for (const y of years(2020, 2023)) {
    const base = tilsyn[y]?.[k] ?? tilsyn[2020][k].map((v, i) => v + ((tilsyn[2023][k][i] - v) * (y - 2020)) / 3);
    const s = tilsynScale[y] ?? 1;
    set(k, `tilsyn.forvaltning.timer_pr_tilsyn.${y}`, r2(base[0] * s));
    set(k, `tilsyn.dagtilbud.timer_pr_tilsyn.${y}`, r2(base[1] * s));
    pct(k, "tilsyn.forvaltning", TILSYN_SUB, y, [15, 25, 30, 10, 10, 5, 5]);
    pct(k, "tilsyn.dagtilbud", TILSYN_SUB, y, [5, 30, 35, 15, 5, 5, 5]);
  }
  for (const y of [2022, 2023]) {
    const total = normRatio[k] * dagtilbud[2023][k] * (y === 2023 ? 1 : 0.7);
    const forv = y === 2023 ? Math.round(total * 0.64) : Math.round(total * 0.7);
    set(k, `normering.forvaltning.timer_i_alt.${y}`, forv);
    set(k, `normering.dagtilbud.timer_i_alt.${y}`, r2(total - forv));
    pct(k, "normering.forvaltning", NORM_SUB, y, [25, 30, 15, 10, 15, 5]);
    pct(k, "normering.dagtilbud", NORM_SUB, y, [5, 40, 20, 5, 25, 5]);
  }
}

// ---------------------------------------------------------------- kvalitet (2018 → 2023)
// [bekymrende schools, handleplan, pålagt, hours bekymrende, hours handleplan]
const kvalitet = {
  2018: { Aalborg: [0, 2, 0, 0, 1300], Odense: [0, 1, 1, 0, 1180], Vejle: [1, 0, 0, 400, 0], Holbæk: [0, 0, 0, 0, 0], Frederiksberg: [0, 0, 0, 0, 0] },
  2019: { Aalborg: [1, 1, 0, 350, 700], Odense: [0, 1, 0, 0, 620], Vejle: [0, 0, 0, 0, 0], Holbæk: [0, 1, 0, 0, 600], Frederiksberg: [0, 0, 0, 0, 0] },
  2022: { Aalborg: [1, 2, 0, 320, 2400], Odense: [0, 2, 0, 0, 2600], Vejle: [1, 0, 0, 380, 0], Holbæk: [0, 1, 0, 0, 1100], Frederiksberg: [1, 1, 0, 340, 1500] },
  2023: { Aalborg: [1, 2, 1, 300, 3900], Odense: [0, 2, 0, 0, 3000], Vejle: [2, 0, 0, 800, 0], Holbæk: [0, 1, 0, 0, 1200], Frederiksberg: [1, 1, 1, 350, 3200] },
};
const KV_B = ["redegoerelse", "bekymrende", "oevrige", "andet"];
const KV_H = ["redegoerelse", "handleplan", "paalagt", "oevrige", "andet"];
const skoler = { Aalborg: 50, Odense: 40, Vejle: 30, Holbæk: 22, Frederiksberg: 12 };
for (const k of K) {
  for (const y of [2018, 2019, 2022, 2023]) {
    const [b, h, p, tb, th] = kvalitet[y][k];
    set(k, `kvalitet.volumen.antal_folkeskoler.${y}`, skoler[k]);
    set(k, `kvalitet.volumen.henvendelser.${y}`, b + h + p + (K.indexOf(k) % 2));
    set(k, `kvalitet.volumen.bekymrende.${y}`, b);
    set(k, `kvalitet.volumen.handleplan.${y}`, h);
    set(k, `kvalitet.volumen.paalagt.${y}`, p);
    if (tb > 0) {
      set(k, `kvalitet.bekymrende_forvaltning.timer_i_alt.${y}`, Math.round(tb * 0.4));
      set(k, `kvalitet.bekymrende_skole.timer_i_alt.${y}`, tb - Math.round(tb * 0.4));
      pct(k, "kvalitet.bekymrende_forvaltning", KV_B, y, [40, 30, 20, 10]);
      pct(k, "kvalitet.bekymrende_skole", KV_B, y, [50, 30, 15, 5]);
    }
    if (th > 0) {
      set(k, `kvalitet.handleplan_forvaltning.timer_i_alt.${y}`, Math.round(th * 0.35));
      set(k, `kvalitet.handleplan_skole.timer_i_alt.${y}`, th - Math.round(th * 0.35));
      pct(k, "kvalitet.handleplan_forvaltning", KV_H, y, [20, 30, 20, 20, 10]);
      pct(k, "kvalitet.handleplan_skole", KV_H, y, [15, 40, 25, 15, 5]);
    }
  }
}

// ---------------------------------------------------------------- parallel (2023)
// [henvendelser, tilsyn, hours tilfredsstillende, hours tilsyn]
const parallel = { Aalborg: [3, 2, 180, 1300], Odense: [5, 1, 880, 550], Vejle: [0, 0, 0, 0], Holbæk: [0, 0, 0, 0], Frederiksberg: [0, 0, 0, 0] };
const PA_T = ["redegoerelse", "tilfredsstillende", "oevrige", "andet"];
const PA_P = ["redegoerelse", "parallelsamfundstilsyn", "oevrige", "andet"];
for (const k of K) {
  for (const y of years(2020, 2023)) {
    const [hv, ti, tt, tp] = y === 2023 ? parallel[k] : [0, 0, 0, 0];
    set(k, `parallel.volumen.antal_folkeskoler.${y}`, skoler[k]);
    set(k, `parallel.volumen.henvendelser.${y}`, hv);
    set(k, `parallel.volumen.tilsyn.${y}`, ti);
    if (tt > 0) {
      set(k, `parallel.tilfredsstillende_forvaltning.timer_i_alt.${y}`, Math.round(tt * 0.5));
      set(k, `parallel.tilfredsstillende_skole.timer_i_alt.${y}`, tt - Math.round(tt * 0.5));
      pct(k, "parallel.tilfredsstillende_forvaltning", PA_T, y, [60, 20, 15, 5]);
      pct(k, "parallel.tilfredsstillende_skole", PA_T, y, [70, 15, 10, 5]);
    }
    if (tp > 0) {
      set(k, `parallel.tilsyn_forvaltning.timer_i_alt.${y}`, Math.round(tp * 0.4));
      set(k, `parallel.tilsyn_skole.timer_i_alt.${y}`, tp - Math.round(tp * 0.4));
      pct(k, "parallel.tilsyn_forvaltning", PA_P, y, [30, 40, 20, 10]);
      pct(k, "parallel.tilsyn_skole", PA_P, y, [20, 50, 20, 10]);
    }
  }
}

// ---------------------------------------------------------------- magt (2023); Holbæk returned ældre only
// [forhåndsgodkendelser, timer] per area in 2023; municipality means 8, 16, 12, 10, 14 (mean 12)
const magt = {
  Aalborg: { magt_voksen: [60, 540], magt_aeldre: [130, 910] },
  Odense: { magt_voksen: [50, 900], magt_aeldre: [180, 2520] },
  Vejle: { magt_voksen: [40, 520], magt_aeldre: [80, 880] },
  Holbæk: { magt_aeldre: [70, 700] },
  Frederiksberg: { magt_voksen: [30, 450], magt_aeldre: [60, 780] },
};
const MAGT_SUB = ["forhaandsgodkendelse", "registrering", "indberetning", "andet"];
for (const k of K) {
  for (const [t, [fhg, timer]] of Object.entries(magt[k])) {
    for (const y of years(2017, 2023)) {
      const f = y < 2020 ? 0 : y === 2023 ? 1 : 0.7 + 0.1 * (y - 2020);
      set(k, `${t}.volumen.forhaandsgodkendelser.${y}`, Math.round(fhg * f));
      set(k, `${t}.volumen.indberetninger.${y}`, Math.round(fhg * 3 * (y < 2020 ? 0.5 : f)));
      if (y >= 2018) {
        const tt = y === 2023 ? timer : Math.round(timer * f);
        const forv = Math.round(tt * 0.3);
        set(k, `${t}.forvaltning.timer_i_alt.${y}`, forv);
        set(k, `${t}.udfoerer.timer_i_alt.${y}`, tt - forv);
        if (tt > 0) {
          pct(k, `${t}.forvaltning`, MAGT_SUB, y, [50, 10, 35, 5]);
          pct(k, `${t}.udfoerer`, MAGT_SUB, y, [20, 55, 20, 5]);
        }
      }
    }
  }
}

// ---------------------------------------------------------------- mitid (2020 → 2023) and gdpr (2018 → 2023)
const MITID_SUB = ["oprettelse", "pinkode", "genaktivering", "andet"];
const PAS_SUB = ["udpakning", "scanning_modtagelse", "label", "arkiv", "opslag", "gammelt_pas", "hente", "scanning_udlevering", "hulle", "andet"];
const spread = { Aalborg: 0.8, Odense: 1.25, Vejle: 1.0, Holbæk: 0.9, Frederiksberg: 1.05 }; // mean 1
const mitidRbar = { 2020: (21.0 * H) / landstal.ansatte[2020], 2023: (97.0 * H) / landstal.ansatte[2023] };
const gdprRbar = { 2018: 202.0 / landstal.ansatte[2018], 2023: 347.2 / landstal.ansatte[2023] };
const ansatteIn = (k, y) => ansatte[y]?.[k] ?? Math.round(ansatte[2020][k] + ((ansatte[2023][k] - ansatte[2020][k]) * (y - 2020)) / 3);
for (const k of K) {
  // 2020: NemID only; 2023: NemID + MitID + pas (shares 10/45/45)
  const t20 = mitidRbar[2020] * spread[k] * ansatte[2020][k];
  const t23 = mitidRbar[2023] * spread[k] * ansatte[2023][k];
  const nem = { 2020: r1(t20), 2021: r1(t20 * 0.9), 2022: r1(t23 * 0.15), 2023: r1(t23 * 0.1) };
  for (const y of years(2020, 2023)) set(k, `mitid.nemid.timer_i_alt.${y}`, nem[y]);
  const mit = { 2021: r1(t23 * 0.5), 2022: r1(t23 * 0.45), 2023: r1(t23 * 0.45) };
  for (const y of years(2021, 2023)) {
    set(k, `mitid.mitid.timer_i_alt.${y}`, mit[y]);
    set(k, `mitid.mitid.besoeg.${y}`, Math.round(mit[y] * 2.5));
    pct(k, "mitid.mitid", MITID_SUB, y, [45, 30, 20, 5]);
  }
  for (const y of years(2019, 2023)) set(k, `mitid.pas.besoeg.${y}`, Math.round(ansatteIn(k, Math.max(2020, y)) * 0.9));
  set(k, "mitid.pas.timer_i_alt.2022", r1(t23 * 0.35));
  set(k, "mitid.pas.timer_i_alt.2023", r1(t23 - nem[2023] - mit[2023]));
  for (const y of [2022, 2023]) pct(k, "mitid.pas", PAS_SUB, y, [10, 10, 10, 15, 10, 10, 15, 10, 5, 5]);

  const GDPR_SUB = ["autorisation", "sletning", "tilsyn_databehandlere", "databehandleraftaler", "sikkerhedsbrud", "risikovurdering", "fortegnelse", "oplysningspligt", "dpo", "oevrige"];
  for (const y of years(2018, 2023)) {
    const rb = gdprRbar[y] ?? gdprRbar[2018] + ((gdprRbar[2023] - gdprRbar[2018]) * (y - 2018)) / 5;
    const a = y === 2018 ? ansatte[2018][k] : y === 2023 ? ansatte[2023][k] : ansatteIn(k, Math.max(2020, y));
    set(k, `gdpr.indsats.aarsvaerk_i_alt.${y}`, r3(rb * spread[k] * a));
    pct(k, "gdpr.indsats", GDPR_SUB, y, [10, 10, 15, 10, 10, 15, 10, 5, 10, 5]);
    set(k, `gdpr.honorar.kr.${y}`, Math.round(a * 8));
  }
}

// ---------------------------------------------------------------- write
const slug = (k) => k.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
fs.mkdirSync(path.join(OUT, "returer"), { recursive: true });
for (const k of K) {
  fs.writeFileSync(path.join(OUT, "returer", `${slug(k)}.json`), JSON.stringify({ kommune: k, felter: felter[k] }, null, 2) + "\n");
}
fs.writeFileSync(path.join(OUT, "landstal.json"), JSON.stringify(landstal, null, 2) + "\n");
fs.writeFileSync(path.join(OUT, "kommunedata.json"), JSON.stringify(kommunedata, null, 2) + "\n");
const indstillinger = {
  timer_pr_aarsvaerk: 1400,
  spaend_pct: 10,
  loen_pr_aarsvaerk: 550000,
  udelad: { ukn: ["Holbæk"] },
  medtag: { barometre: ["Odense"] },
};
fs.writeFileSync(path.join(OUT, "indstillinger.json"), JSON.stringify(indstillinger, null, 2) + "\n");
console.log(`Skrev ${K.length} returer, landstal.json, kommunedata.json og indstillinger.json i ${OUT}`);
