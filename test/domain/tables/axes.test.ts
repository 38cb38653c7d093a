/**
 * Generic pack features the KORA pack needed, on a made-up pack with hand-computed figures:
 * calculations over an axis (`beregning.{række}`, `beregning.*`), a setting as a placeholder in a
 * reference (`{aar}`), an input table whose respondents take part without a return, repeated
 * columns (one per axis element, one per respondent with a return), rows of an axis restricted
 * with `kun`, and TOM("grund"). Both implementations: JavaScript here, LibreOffice below.
 */
import { loadPack } from "../../../src/domain/pack/load";
import type { Pack } from "../../../src/domain/pack/model";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { buildTablesReport } from "../../../src/domain/tables/report";
import type { KommuneReturn } from "../../../src/domain/model";
import { differences, recalcDanish } from "../../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../../helpers/requirements";

const itLo = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE, title, fn, timeout);

export const AKSE_PAKKE = {
  id: "akse_test",
  navn: "Akser (testpakke)",
  version: 2026120101,
  respondenter: { betegnelse: "team", flertal: "teams", liste: ["Nord", "Syd", "Øst", "Vest"] },
  akser: [
    {
      id: "dage",
      navn: "Dage",
      elementer: [
        { id: "man", navn: "Mandag" },
        { id: "tir", navn: "Tirsdag" },
      ],
    },
  ],
  indstillinger: [{ id: "aar", navn: "År", type: "tal", standard: 2024, kilde: "Test" }],
  inddata: [
    {
      id: "ref",
      navn: "Reference",
      form: "pr_respondent",
      respondenter: true,
      noegler: [
        { id: "man.timer", navn: "Mandag, timer" },
        { id: "man.besog", navn: "Mandag, besøg" },
        { id: "tir.timer", navn: "Tirsdag, timer" },
        { id: "tir.besog", navn: "Tirsdag, besøg" },
      ],
    },
  ],
  skabeloner: [
    {
      id: "uge",
      navn: "Uge",
      kortnavn: "Uge",
      blokke: [
        {
          type: "tabel",
          id: "b",
          titel: "Egne timer",
          kolonner: [{ id: "egne", navn: "Egne" }],
          raekker: [
            { id: "man", etiket: "Mandag", type: "decimal" },
            { id: "tir", etiket: "Tirsdag", type: "decimal" },
          ],
        },
      ],
    },
  ],
  beregninger: [
    {
      type: "udtryk",
      id: "pr_besog",
      navn: "Timer pr. besøg",
      niveau: "respondent",
      akse: "dage",
      udtryk:
        'HVIS(N(ref.{element}.besog.{aar}) > 0; ref.{element}.timer.{aar} / ref.{element}.besog.{aar}; TOM("ingen besøg " & element))',
      format: "decimal",
    },
    {
      type: "udtryk",
      id: "timer_i_alt",
      navn: "Timer i alt",
      niveau: "samlet",
      akse: "dage",
      udtryk: "SUM(ref.{element}.timer.{aar})",
      format: "timer",
    },
    {
      type: "udtryk",
      id: "ugens_max",
      navn: "Største timer pr. besøg i ugen",
      niveau: "respondent",
      udtryk: "MAKS(pr_besog.*)",
      format: "decimal",
    },
  ],
  rapport: {
    tabeller: [
      {
        id: "dage",
        titel: "Dage",
        raekker: { akse: "dage", kun: ["tir"] },
        kolonner: [
          { id: "gns", titel: "Gennemsnit", udtryk: "MIDDEL(pr_besog.{række})", format: "decimal" },
          { id: "n", titel: "Teams", udtryk: "TÆL(pr_besog.{række})", format: "antal" },
          { id: "i_alt", titel: "Timer", udtryk: "timer_i_alt.{række}", format: "timer" },
        ],
      },
      {
        id: "teams",
        titel: "Teams",
        raekker: { respondenter: true },
        kolonner: [
          {
            id: "dag",
            titel: "Dag",
            udtryk: "pr_besog.{kolonne}",
            format: "decimal",
            gentag: { akse: "dage" },
          },
          { id: "maks", titel: "Maks", udtryk: "ugens_max", format: "decimal" },
        ],
      },
      {
        id: "egne",
        titel: "Egne mod reference",
        raekker: { akse: "dage" },
        kolonner: [
          {
            id: "team",
            titel: "Team",
            udtryk: "uge.b.{række}.egne - N(ref.{række}.timer.{aar})",
            format: "beloeb",
            gentag: { respondenter: true, skabelon: "uge" },
          },
        ],
      },
    ],
  },
};

export function aksePack(): Pack {
  const r = loadPack(AKSE_PAKKE);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.pack;
}

// Reference (2024): Nord 10 h / 5 besøg mandag, 8 h / 2 tirsdag; Syd 6 / 3 mandag, tirsdag 4 h / 0
// besøg; Øst only tirsdag 9 / 3. Vest is not in the reference, only returns. 2023 is a decoy.
const REF = {
  Nord: {
    "man.timer": { 2024: 10, 2023: 99 },
    "man.besog": { 2024: 5 },
    "tir.timer": { 2024: 8 },
    "tir.besog": { 2024: 2 },
  },
  Syd: {
    "man.timer": { 2024: 6 },
    "man.besog": { 2024: 3 },
    "tir.timer": { 2024: 4 },
    "tir.besog": { 2024: 0 },
  },
  Øst: { "tir.timer": { 2024: 9 }, "tir.besog": { 2024: 3 } },
};
const ret = (kommune: string, values: Record<string, number>): KommuneReturn => ({
  kommune,
  pakke: "akse_test",
  skabeloner: ["uge"],
  version: 2026120101,
  values,
  findings: [],
});
const RETURNS = [
  ret("Nord", { "uge.b.man.egne": 12, "uge.b.tir.egne": 7 }),
  ret("Vest", { "uge.b.man.egne": 3 }),
];

type Json = Record<string, { kolonner: string[]; raekker: Record<string, unknown>[] }>;
const compute = (settings?: Record<string, number>) =>
  computeTables({
    pack: aksePack(),
    returns: RETURNS,
    inputs: { ref: REF },
    ...(settings ? { settings } : {}),
  });

describe("calculations over an axis, an input table's respondents, repeated columns", () => {
  const json = tablesJson(compute()) as Json;

  it("spans the reference's respondents and those with a return, in the pack's order", () => {
    expect(compute().respondents.map((r) => [r.name, r.returned])).toEqual([
      ["Nord", true],
      ["Syd", false],
      ["Øst", false],
      ["Vest", true],
    ]);
  });

  it("rows of an axis restricted to tirsdag: 8/2 = 4 and 9/3 = 3 → 3,5 over 2 teams; Syd's 0 besøg drops out", () => {
    expect(json.dage.raekker).toEqual([{ id: "tir", gns: 3.5, n: 2, i_alt: 21 }]);
  });

  it("one column per element; TOM gives the reason; MAKS over pr_besog.* within a team", () => {
    expect(json.teams.kolonner).toEqual(["man", "tir", "maks"]);
    expect(json.teams.raekker).toEqual([
      { id: "Nord", man: 2, tir: 4, maks: 4 },
      { id: "Syd", man: 2, tir: null, maks: 2, grunde: { tir: "ingen besøg tir" } },
      { id: "Øst", man: null, tir: 3, maks: 3, grunde: { man: "ingen besøg man" } },
      {
        id: "Vest",
        man: null,
        tir: null,
        maks: null,
        grunde: {
          man: "ingen besøg man",
          tir: "ingen besøg tir",
          maks: "ingen besøg man; ingen besøg tir",
        },
      },
    ]);
  });

  it("one column per respondent that returned the template: Nord 12 − 10, 7 − 8; Vest 3 − 0", () => {
    expect(json.egne.kolonner).toEqual(["Nord", "Vest"]);
    expect(json.egne.raekker[0]).toEqual({ id: "man", Nord: 2, Vest: 3 });
    expect(json.egne.raekker[1]).toMatchObject({ id: "tir", Nord: -1, Vest: null });
  });

  it("a setting picks the input column: aar 2023 reads Nord's decoy 99 timer and nothing else", () => {
    const j = tablesJson(compute({ aar: 2023 })) as Json;
    expect(j.egne.raekker[0]).toEqual({ id: "man", Nord: 12 - 99, Vest: 3 });
    expect(j.dage.raekker[0]).toMatchObject({ n: 0, gns: null });
  });

  itLo("LibreOffice recalculates every formula to the engine's value", async () => {
    const result = compute();
    const plan = buildTablesReport({ result, returns: RETURNS });
    const { checked, wrong } = differences(plan, await recalcDanish(plan));
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});

describe("the loader's checks of the new parts", () => {
  const problems = (edit: (p: typeof AKSE_PAKKE) => void): string[] => {
    const p = JSON.parse(JSON.stringify(AKSE_PAKKE));
    edit(p);
    const r = loadPack(p);
    return r.ok ? [] : r.problems.map((x) => `${x.path}: ${x.message}`);
  };

  it("accepts the test pack", () => {
    expect(problems(() => {})).toEqual([]);
  });
  it("respondenter only on a per-respondent table", () => {
    expect(problems((p) => ((p.inddata[0] as { form: string }).form = "national"))[0]).toMatch(
      /inddata\[0\]\.respondenter: .*pr_respondent/
    );
  });
  it("an axis calculation named without its element", () => {
    expect(
      problems((p) => (p.rapport.tabeller[0].kolonner[0].udtryk = "MIDDEL(pr_besog)"))[0]
    ).toMatch(/pr_besog.*værdi pr\. element.*pr_besog\.\{række\}/);
  });
  it("an element the axis lacks, and too many parts", () => {
    expect(
      problems((p) => (p.rapport.tabeller[0].kolonner[2].udtryk = "timer_i_alt.ons"))[0]
    ).toMatch(/aksen »dage« har intet element »ons«/);
    expect(
      problems((p) => (p.rapport.tabeller[0].kolonner[2].udtryk = "timer_i_alt.man.x"))[0]
    ).toMatch(/nævnes timer_i_alt\.element/);
  });
  it("an unknown axis on a calculation, in kun and in gentag", () => {
    expect(problems((p) => (p.beregninger[0].akse = "uger"))[0]).toMatch(
      /beregninger\[0\]\.akse: aksen »uger« findes ikke/
    );
    expect(
      problems((p) => (p.rapport.tabeller[0].raekker = { akse: "dage", kun: ["ons"] }))[0]
    ).toMatch(/raekker\.kun\[0\]: aksen »dage« har intet element »ons«/);
  });
  it("columns per respondent in a table whose rows are respondents", () => {
    expect(
      problems(
        (p) =>
          (p.rapport.tabeller[1].kolonner[1] = {
            ...p.rapport.tabeller[2].kolonner[0],
            id: "x",
          } as never)
      )
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/gentag: en kolonne pr\. respondent kan ikke/)])
    );
  });
  it("an unknown placeholder is still an error (settings are the only names added)", () => {
    expect(
      problems((p) => (p.beregninger[1].udtryk = "SUM(ref.{element}.timer.{aaar})"))[0]
    ).toMatch(/variablen \{aaar\} findes ikke/);
  });
});
