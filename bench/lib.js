/* global require, module, __dirname, process */
/**
 * Shared by the bench modules: statistics over repeated runs, the compiled code (dist/, built
 * by `npm run build:cli`), a silent CLI io, and the bench's returns.
 *
 * The returns are valid: municipality i gets the figures of example return i mod 5
 * (examples/returer, which validate with no findings), with its hours, årsværk and kroner
 * scaled by a factor between 0,85 and 1,15 drawn from a seeded generator (a fixed seed, so every
 * run measures the same files). Counts, shares, ticks and texts are kept: scaling them would
 * break the sums and chains the rules check. `generateReturns` checks that every return of the
 * 98 municipalities validates with 0 fejl and stops the bench otherwise.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const dist = (p) => require(path.join(ROOT, "dist", p));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median, min and max of a list of figures. */
function spread(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/** A CLI io that swallows everything (the bench times the work, not the terminal). */
const QUIET = { out: () => undefined, err: () => undefined };

/** mulberry32: a small seeded generator, so the bench's returns are the same in every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20250207;
const SCALED = new Set(["timer", "aarsvaerk", "kr"]);

function examples() {
  const dir = path.join(ROOT, "examples", "returer");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).felter);
}

/** The figures of respondent i (i < 98: the municipalities; above: copies of i mod 98). */
function figures(count) {
  const { ALL_FIELDS, KOMMUNER } = dist("domain/catalogue/index.js");
  const ex = examples();
  const rng = seeded(SEED);
  const base = KOMMUNER.map((_, i) => {
    const felter = ex[i % ex.length];
    const out = {};
    for (const [id, v] of Object.entries(felter)) {
      const kind = ALL_FIELDS.get(id) && ALL_FIELDS.get(id).kind;
      out[id] = typeof v === "number" && SCALED.has(kind) ? Math.round(v * (0.85 + 0.3 * rng()) * 10) / 10 : v;
    }
    return out;
  });
  return Array.from({ length: count }, (_, i) => base[i % base.length]);
}

/**
 * Respondent names: the 98 municipalities, then (for more than 98) "<kommune> 2", "<kommune> 3"
 * and so on. Those are no municipalities: validation warns (ukendt_kommune), and they stand for
 * a survey with more respondents than municipalities in the memory figure at 490.
 */
function respondentNames(count) {
  const { KOMMUNER } = dist("domain/catalogue/index.js");
  return Array.from({ length: count }, (_, i) => {
    const k = KOMMUNER[i % KOMMUNER.length].navn;
    return i < KOMMUNER.length ? k : `${k} ${Math.floor(i / KOMMUNER.length) + 1}`;
  });
}

/**
 * Writes `count` filled returns (.xlsx, all templates) to a new folder, with landstal.json and
 * a kommunedata.json covering the 98 municipalities. Respondents with the same figures share one
 * rendering, specialised per name (src/xlsx/node/respondents.ts), so 490 cost about what 98 do.
 */
async function generateReturns(count) {
  const { buildTemplateWorkbook } = dist("domain/layout/index.js");
  const { forRespondents } = dist("xlsx/node/respondents.js");
  const { validateReturn } = dist("domain/validate/index.js");
  const { rawReturnFromFelter } = dist("domain/project/index.js");
  const { CATALOGUE_VERSION, KOMMUNER } = dist("domain/catalogue/index.js");
  const names = respondentNames(count);
  const felter = figures(count);

  for (let i = 0; i < Math.min(count, KOMMUNER.length); i++) {
    const r = validateReturn(rawReturnFromFelter({ kommune: names[i], felter: felter[i] }, "", CATALOGUE_VERSION));
    const fejl = r.findings.filter((f) => f.severity === "fejl");
    if (fejl.length > 0) throw new Error(`bench-indberetningen for ${names[i]} har fejl: ${fejl[0].message}`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byrde-bench-"));
  folders.push(dir);
  const filled = (values) => (kommune) => {
    const plan = buildTemplateWorkbook(kommune, []);
    return {
      ...plan,
      sheets: plan.sheets.map((s) => ({
        ...s,
        cells: s.cells.map((c) => (c.name && c.name in values ? { ...c, value: values[c.name] } : c)),
      })),
    };
  };
  const files = [];
  const renderers = new Map();
  for (let i = 0; i < count; i++) {
    const values = felter[i];
    if (!renderers.has(values)) renderers.set(values, await forRespondents(filled(values)));
    const file = path.join(dir, `retur-${String(i + 1).padStart(3, "0")}.xlsx`);
    fs.writeFileSync(file, await renderers.get(values)(names[i]));
    files.push(file);
  }

  const ex = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, "examples", f), "utf8"));
  const exKd = Object.values(ex("kommunedata.json"));
  // Kommunedata takes municipalities only; the extra respondents above 98 have none.
  const kommunedata = Object.fromEntries(KOMMUNER.map((k, i) => [k.navn, exKd[i % exKd.length]]));
  const landstal = path.join(dir, "landstal.json");
  const kd = path.join(dir, "kommunedata.json");
  fs.writeFileSync(landstal, JSON.stringify(ex("landstal.json")));
  fs.writeFileSync(kd, JSON.stringify(kommunedata));
  // Respondents beyond the 98 municipalities are on no built-in list, and a name that is not on
  // the pack's list is an error that enters no calculation: kl2024 as a pack file with every name.
  let pakke;
  if (count > KOMMUNER.length) {
    const kl2024 = JSON.parse(fs.readFileSync(path.join(ROOT, "src", "domain", "pakker", "kl2024.json"), "utf8"));
    pakke = path.join(dir, "kl2024-bench.json");
    fs.writeFileSync(pakke, JSON.stringify({ ...kl2024, respondenter: { ...kl2024.respondenter, liste: names } }));
  }
  return {
    dir,
    files,
    names,
    landstal,
    kommunedata: kd,
    /** `--pakke` arguments for the CLI: none, or the pack file listing every respondent. */
    pakkeArgs: pakke ? ["--pakke", pakke] : [],
  };
}

const generated = new Map();
const folders = [];
process.once("exit", () => folders.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** `generateReturns(count)`, once per bench run; the folders go when the process ends. */
function returnsFor(count) {
  if (!generated.has(count)) generated.set(count, generateReturns(count));
  return generated.get(count);
}

module.exports = { ROOT, dist, median, spread, QUIET, returnsFor };
