import { CATALOGUE_VERSION, getTemplate } from "../../../src/domain/catalogue";
import type { Finding } from "../../../src/domain/model";
import { validateReturn } from "../../../src/domain/validate";
import { rawReturn } from "../../helpers/rawReturn";
import { goodUknValues } from "../../helpers/values";

const ukn = getTemplate("ukn")!;


const short = (f: Finding) =>
  `${f.rule}|${f.severity}|${f.location ? `${f.location.sheet}!${f.location.cell}` : "-"}`;

function findingsFor(changes: Record<string, unknown>, options = {}) {
  return validateReturn(rawReturn([ukn], { ...goodUknValues(), ...changes }, options)).findings.map(
    short
  );
}

describe("validateReturn on UKN", () => {
  it("finds nothing in a complete, consistent return and parses every value", () => {
    const r = validateReturn(rawReturn([ukn], goodUknValues(), { kommune: "århus kommune" }));
    expect(r.findings).toEqual([]);
    expect(r.kommune).toBe("Aarhus");
    expect(r.skabeloner).toEqual(["ukn"]);
    expect(r.version).toBe(CATALOGUE_VERSION);
    expect(r.values["ukn.volumen.sager_i_alt.2021"]).toBe(12);
    expect(r.values["ukn.hovedsager.udtalelse.2021"]).toBeNull();
    expect(r.values["ukn.kommentarer"]).toBeNull();
  });

  it("ukn_sager_sum: 10 + 2 = 12 ≠ 14 sager i alt in 2021 is a fejl at the total (E20)", () => {
    const r = validateReturn(
      rawReturn([ukn], { ...goodUknValues(), "ukn.volumen.sager_i_alt.2021": 14 })
    );
    expect(r.findings.map(short)).toEqual(["ukn_sager_sum|fejl|UKN Data!E20"]);
    expect(r.findings[0]).toMatchObject({ field: "ukn.volumen.sager_i_alt.2021", original: 14 });
    expect(r.findings[0].message).toContain("= 12, men sager i alt (E20) = 14");
  });

  it("ukn_sager_sum is not checked while a term is empty (completeness reports 2022 instead)", () => {
    expect(
      findingsFor({
        "ukn.volumen.genindbringelsessager.2021": null,
        "ukn.genindbringelse.timer_pr_sag.2021": null,
      })
    ).toEqual([]);
  });

  it("ukn_timer_volumen_*: hours without cases, and cases without hours, are advarsler", () => {
    expect(
      findingsFor({
        "ukn.volumen.genindbringelsessager.2019": 0,
        "ukn.volumen.sager_i_alt.2019": 10, // keeps the sum right
      })
    ).toEqual(["ukn_timer_volumen_genindbringelse|advarsel|UKN Data!C11"]);
    expect(findingsFor({ "ukn.hovedsager.timer_pr_sag.2020": null })).toEqual([
      "ukn_timer_volumen_hovedsager|advarsel|UKN Data!D2",
    ]);
  });

  it("completeness: empty 2022 volumes give one mangler_aar advarsel naming the empty cells", () => {
    // 2022: sager_i_alt empty, hovedsager "ved ikke", genindbringelsessager still 2 but its hours
    // emptied → also ukn_timer_volumen_genindbringelse at F11.
    const r = validateReturn(
      rawReturn([ukn], {
        ...goodUknValues(),
        "ukn.volumen.sager_i_alt.2022": null,
        "ukn.volumen.hovedsager.2022": "ved ikke",
        "ukn.hovedsager.timer_pr_sag.2022": null,
        "ukn.genindbringelse.timer_pr_sag.2022": null,
      })
    );
    expect(r.findings.map(short)).toEqual([
      "tom_markering|info|UKN Data!F21",
      "ukn_timer_volumen_genindbringelse|advarsel|UKN Data!F11",
      "mangler_aar|advarsel|UKN Data!F2",
    ]);
    // Derived from the calculation: hours per case of both kinds and the hovedsager leave the
    // municipality out of 2022 (sager i alt is not used by the calculation).
    expect(r.findings[2].message).toContain("3 felter er tomme");
    expect(r.findings[2].message).toContain("(F21)");
    expect(r.findings[2].message).toContain("indgår ikke i opregningen");
  });

  it("empty years the projection does not use are not reported", () => {
    const v = goodUknValues();
    for (const k of Object.keys(v)) if (k.endsWith(".2019")) v[k] = null;
    expect(validateReturn(rawReturn([ukn], v)).findings).toEqual([]);
  });

  it("plausibility: 250 and 0,5 hours per case are advarsler with the catalogue's range id", () => {
    expect(
      findingsFor({
        "ukn.hovedsager.timer_pr_sag.2023": 250,
        "ukn.genindbringelse.timer_pr_sag.2019": "0,5",
      })
    ).toEqual([
      "tal_fortolket|info|UKN Data!C11",
      "ukn_timer_pr_sag|advarsel|UKN Data!G2",
      "ukn_timer_pr_genindbringelse|advarsel|UKN Data!C11",
    ]);
  });

  it("pct_sum: a distribution summing to 90 is a fejl at its first filled cell; 99,5 and empty pass", () => {
    expect(
      findingsFor({ "ukn.hovedsager.udtalelse.2021": 50, "ukn.hovedsager.andet.2021": 40 })
    ).toEqual(["pct_sum|fejl|UKN Data!E3"]);
    expect(
      findingsFor({ "ukn.hovedsager.udtalelse.2021": 50, "ukn.hovedsager.andet.2021": 49.5 })
    ).toEqual([]);
    expect(
      findingsFor({
        "ukn.genindbringelse.undersoegelse.2021": 60,
        "ukn.genindbringelse.andet.2021": 41,
      })
    ).toEqual([]);
    expect(
      findingsFor({
        "ukn.genindbringelse.undersoegelse.2021": 60,
        "ukn.genindbringelse.andet.2021": 41.5,
      })
    ).toEqual([
      "pct_sum|fejl|UKN Data!E13", // undersoegelse, the block's first filled pct cell
    ]);
  });

  it("pct_sum reads shares in percent-formatted cells as percentages", () => {
    const fmts = { "ukn.hovedsager.udtalelse.2021": "0%", "ukn.hovedsager.andet.2021": "0%" };
    const r = validateReturn(
      rawReturn(
        [ukn],
        {
          ...goodUknValues(),
          "ukn.hovedsager.udtalelse.2021": 0.25,
          "ukn.hovedsager.andet.2021": 0.75,
        },
        { numFmt: fmts }
      )
    );
    expect(r.findings.map(short)).toEqual([
      "pct_som_broek|info|UKN Data!E3",
      "pct_som_broek|info|UKN Data!E8",
    ]);
    expect(r.values["ukn.hovedsager.udtalelse.2021"]).toBe(25);
  });

  it("kinds: negative counts and hours, fractional counts and pct over 100 are fejl", () => {
    expect(
      findingsFor({
        "ukn.hovedsager.timer_pr_sag.2019": -5,
        "ukn.volumen.hovedsager.2020": 9.5,
        "ukn.volumen.sager_i_alt.2020": 11.5,
        "ukn.hovedsager.andet.2023": 120,
      })
    ).toEqual([
      "negativ|fejl|UKN Data!C2",
      "pct_interval|fejl|UKN Data!G8",
      "ikke_heltal|fejl|UKN Data!D20",
      "ikke_heltal|fejl|UKN Data!D21",
      "pct_sum|fejl|UKN Data!G8",
      "ukn_timer_pr_sag|advarsel|UKN Data!C2",
    ]);
  });

  it("an unreadable number is a fejl and the field counts as empty, never 0", () => {
    const r = validateReturn(
      rawReturn([ukn], { ...goodUknValues(), "ukn.volumen.hovedsager.2022": "mange" })
    );
    expect(r.values["ukn.volumen.hovedsager.2022"]).toBeNull();
    // the hours per hovedsag (F2) now have no volume to be divided by
    expect(r.findings.map(short)).toEqual([
      "ugyldigt_tal|fejl|UKN Data!F21",
      "ukn_timer_volumen_hovedsager|advarsel|UKN Data!F2",
      "mangler_aar|advarsel|UKN Data!F21",
    ]);
  });

  it("sets the file on every finding", () => {
    const r = validateReturn(
      rawReturn(
        [ukn],
        { ...goodUknValues(), "ukn.volumen.sager_i_alt.2021": 14 },
        { file: "aarhus.xlsx" }
      )
    );
    expect(r.file).toBe("aarhus.xlsx");
    expect(r.findings.every((f) => f.file === "aarhus.xlsx")).toBe(true);
  });
});

describe("validateReturn: meta", () => {
  const metaRules = (o: object, values = goodUknValues()) =>
    validateReturn(rawReturn([ukn], values, o)).findings.map((f) => `${f.rule}|${f.severity}`);

  it("unknown template → fejl, the known ones are still read", () => {
    const r = validateReturn(rawReturn([ukn], goodUknValues(), { skabelon: "ukn, nyt_punkt" }));
    expect(r.findings.map((f) => `${f.rule}|${f.severity}`)).toEqual(["ukendt_skabelon|fejl"]);
    expect(r.findings[0].message).toContain("«nyt_punkt»");
    expect(r.skabeloner).toEqual(["ukn"]);
    expect(r.values["ukn.volumen.sager_i_alt.2019"]).toBe(12);
  });

  it("missing meta.skabelon: the templates are inferred from the fields with an advarsel; no fields → fejl", () => {
    expect(metaRules({ skabelon: undefined })).toEqual(["skabelon_udledt|advarsel"]);
    expect(metaRules({ skabelon: "" }, {})).toContain("skabelon_udledt|advarsel");
    expect(
      validateReturn({
        meta: { kommune: "Aarhus", version: CATALOGUE_VERSION },
        cells: {},
        locatedBy: "navne",
        findings: [],
      }).findings.map((f) => f.rule)
    ).toEqual(["skabelon_mangler"]);
  });

  it("older, newer or missing catalogue version → advarsel; the fields that map are read", () => {
    expect(metaRules({ version: 2024010101 })).toEqual(["gammel_version|advarsel"]);
    expect(metaRules({ version: CATALOGUE_VERSION + 1 })).toEqual(["nyere_version|advarsel"]);
    expect(metaRules({ version: undefined })).toEqual(["version_mangler|advarsel"]);
  });

  it("missing municipality name → fejl; an unknown one → fejl (issue 11: it never enters a calculation)", () => {
    expect(metaRules({ kommune: "  " })).toEqual(["kommune_mangler|fejl"]);
    expect(metaRules({ kommune: undefined })).toEqual(["kommune_mangler|fejl"]);
    expect(metaRules({ kommune: "Atlantis" })).toEqual(["ukendt_kommune|fejl"]);
  });

  it("fields absent from the workbook (an older template) → one felter_mangler advarsel per template, read as empty", () => {
    const v = goodUknValues();
    const r = validateReturn(rawReturn([ukn], v, { onlyGiven: true, version: 2024010101 }));
    expect(r.findings.map((f) => `${f.rule}|${f.severity}`)).toEqual([
      "gammel_version|advarsel",
      "felter_mangler|advarsel",
    ]);
    expect(r.findings[1].message).toMatch(/^62 af skabelonen UKNs 87 felter/);
    expect(r.values["ukn.hovedsager.andet.2019"]).toBeNull();
  });
});
