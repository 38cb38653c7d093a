/* global require, process, console */
/**
 * Builds test/fixtures/kora/seed003.json from the text of KORA's report (seed 003, »Kobling af
 * udgifter og aktiviteter på det specialiserede børneområde«, 2017): Tab. 3.1, 3.3, 3.4, 3.7,
 * 3.8 and Bilagstabel 1.1–1.10, every figure as printed (Danish numbers read, "–" kept apart
 * from "0 –"), each table with the line of its caption. The golden tests read this file; it is
 * generated, never edited by hand.
 * Run: node scripts/kora-fikstur.js STI/TIL/003.txt
 */
const fs = require("fs");
const path = require("path");

const file = process.argv[2];
if (!file) {
  console.error("Brug: node scripts/kora-fikstur.js STI/TIL/seed-003.txt");
  process.exit(2);
}
const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);

/** The 1-based line where a caption starts. */
function lineOf(re, from = 0) {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i + 1;
  throw new Error(`fandt ikke ${re}`);
}
const NUM = /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/;
const num = (t) => Number(t.replace(/\./g, "").replace(",", "."));
/** Number and dash tokens of a text, in order ("-" kept as null). */
function tokens(text) {
  return text
    .split(/\s+/)
    .filter((t) => NUM.test(t) || t === "-")
    .map((t) => (t === "-" ? null : num(t)));
}
/** The text of lines [from, to) joined. */
const span = (from, to) => lines.slice(from - 1, to - 1).join(" ");

/**
 * Rows of a numbered table: for row numbers `ids`, the tokens between "N <Label" and the next row
 * (the row number itself dropped), `count` tokens each.
 */
function numberedRows(from, to, ids, count, stop) {
  const text = span(from, to);
  const out = {};
  ids.forEach((d, i) => {
    const start = text.search(new RegExp(`(^|\\s)${d} [A-ZÆØÅ]`));
    if (start < 0) throw new Error(`række ${d} mangler (linje ${from})`);
    const rest = text.slice(start + String(d).length + 1);
    const nextId = ids[i + 1];
    let end = nextId !== undefined ? rest.search(new RegExp(`\\s${nextId} [A-ZÆØÅ]`)) : -1;
    if (end < 0 && stop) end = rest.search(stop);
    const part = end >= 0 ? rest.slice(0, end) : rest;
    const t = tokens(part.replace(/\(.*?\)/g, " ")).slice(0, count);
    if (t.length !== count)
      throw new Error(`række ${d} har ${t.length} tal, ikke ${count} (linje ${from})`);
    out[d] = t;
  });
  return out;
}

/** The delområde ids, from the pack's axis. */
const D = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "src", "domain", "pakker", "kora_enhedsudgifter.json"), "utf8")
)
  .akser.find((a) => a.id === "delomraader")
  .elementer.map((e) => e.id);
const byId = (rows) =>
  Object.fromEntries(Object.entries(rows).map(([d, v]) => [D[Number(d) - 1], v]));

const out = {
  kilde:
    "KORA (2017): Kobling af udgifter og aktiviteter på det specialiserede børneområde (seed 003)",
  tabeller: {},
};

// Tab. 3.1: helårsbrugere, unikke brugere, brugere pr. 31.12 (rows 1–9).
{
  const at = lineOf(/^Tabel 3\.1 Antal helårsmodtagere/);
  const rows = numberedRows(at + 3, at + 80, [1, 2, 3, 4, 5, 6, 7, 8, 9], 3, /Note|Kilde/);
  out.tabeller.tab31 = {
    linje: at,
    kolonner: ["helaarsbrugere", "unikke_brugere", "brugere_ultimo"],
    raekker: byId(rows),
  };
}
// Tab. 3.3: gns. numerisk afvigelse (procent), antal kommuner (rows 1–9).
{
  const at = lineOf(/Tabel 3\.3 Afvigelser mellem/);
  const rows = numberedRows(at + 2, at + 80, [1, 2, 3, 4, 5, 6, 7, 8, 9], 2, /Note:/);
  out.tabeller.tab33 = { linje: at, kolonner: ["gns_numerisk", "n"], raekker: byId(rows) };
}
// Tab. 3.4: per municipality K1–K8 a pair (afvigelse antal, afvigelse procent); "-" alone is
// "–" (not supplied); antal 0 with procent "-" is "0 –" (both zero).
{
  const at = lineOf(/Tabel 3\.4 Afvigelser mellem/);
  const second = lineOf(/^8 Aflastningsophold/, at);
  const basis = (from, to) =>
    [...span(from, to).matchAll(/Kommune (\d)\s*\(\s*([^)]*?)\s*(?=\)|$|Kommune)/g)].map((m) =>
      m[2].trim()
    );
  const pairs = (t) => {
    const cells = [];
    for (let k = 0; k < 8; k++) {
      const [antal, pct] = [t[2 * k], t[2 * k + 1]];
      cells.push(antal === null ? "–" : pct === null ? (antal === 0 ? "0–" : "?") : { antal, pct });
    }
    return cells;
  };
  const first = numberedRows(at + 1, second, [1, 2, 3, 4, 5, 6, 7], 16, /Anbringelser i alt/);
  const iAltAt = span(at + 1, second).search(/Anbringelser i alt/);
  const iAlt = tokens(span(at + 1, second).slice(iAltAt + "Anbringelser i alt".length)).slice(
    0,
    16
  );
  const prev = numberedRows(second, second + 6, [8, 9], 16, /Note:/);
  const anbrBasisEnd = lineOf(/^1 Anbringelse på/, at);
  const forebBasisStart = lineOf(/Anbringelser i alt/, at);
  out.tabeller.tab34 = {
    linje: at,
    kommuner: ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"],
    grundlag: {
      anbringelser: basis(at, anbrBasisEnd),
      forebyggende: basis(forebBasisStart, second),
    },
    raekker: {
      ...byId(
        Object.fromEntries(Object.entries({ ...first, ...prev }).map(([d, t]) => [d, pairs(t)]))
      ),
      i_alt: pairs(iAlt),
    },
  };
}
// Tab. 3.7: uvægtet, vægtet, minimum, maksimum, antal kommuner (rows 1–10).
{
  const at = lineOf(/^Tabel 3\.7 Beregnede enhedsudgifter/);
  const rows = numberedRows(at + 2, at + 80, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, /Note:/);
  out.tabeller.tab37 = {
    linje: at,
    kolonner: ["uvaegtet", "vaegtet", "min", "max", "n"],
    raekker: byId(rows),
  };
}
// Tab. 3.8: kun brugertal, kun udgifter (rows 1–10).
{
  const at = lineOf(/^Tabel 3\.8 Kommuner med brugere/);
  const rows = numberedRows(at + 1, at + 60, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2, /Kilde:/);
  out.tabeller.tab38 = {
    linje: at,
    kolonner: ["kun_brugere", "kun_udgifter"],
    raekker: byId(rows),
  };
}
// Bilagstabel 1.1–1.10: seven rows × (helårsbruger, unik bruger, bruger 31.12); 1.10 one column.
{
  const ROWS = [
    ["uvaegtet", "Uvægtet gennemsnit"],
    ["vaegtet", "Vægtet gennemsnit"],
    ["min", "Minimum"],
    ["p10", "10. percentil"],
    ["p90", "90. percentil"],
    ["max", "Maksimum"],
    ["n", "Antal kommuner"],
  ];
  const bilag = {};
  D.forEach((d, i) => {
    const at = lineOf(new RegExp(`^Bilagstabel 1\\.${i + 1} `));
    const text = span(at, at + 60);
    const cols = i === 9 ? 1 : 3;
    const t = {};
    for (const [id, label] of ROWS) {
      const p = text.indexOf(label);
      if (p < 0) throw new Error(`${label} mangler i bilagstabel 1.${i + 1}`);
      t[id] = tokens(text.slice(p + label.length)).slice(0, cols);
    }
    bilag[d] = {
      linje: at,
      kolonner: cols === 1 ? ["indskrevne"] : ["helaarsbruger", "unik", "ultimo"],
      raekker: t,
    };
  });
  out.tabeller.bilag1 = bilag;
}

const target = path.join(__dirname, "..", "test", "fixtures", "kora", "seed003.json");
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(out, null, 1) + "\n");
console.log(`Skrev ${target}.`);
