import { builtinPack, defaultPack } from "../../../src/domain/pakker";
import {
  CATALOGUE_VERSION,
  NEDSLAGSPUNKTER,
  TEMPLATES,
  fieldsOf,
} from "../../../src/domain/catalogue";
import {
  CHECK_LABEL,
  FORSIDE,
  howTo,
  type SheetPlan,
  VALIDATION_BY_KIND,
  a1,
  buildTemplateWorkbook,
  dataSheetName,
  namedCells,
  pctCheckFormula,
  procesSheetName,
  resolvePunkter,
  validPunktNames,
  vejledningSheetName,
} from "../../../src/domain/layout";

const ALL_IDS = TEMPLATES.map((t) => t.id);
const plan = buildTemplateWorkbook("Aarhus", ALL_IDS, {
  kontakt: { navn: "Kontakt Person", email: "kontakt@example.dk", telefon: "12 34 56 78" },
  frist: "1. marts 2025 kl. 12",
});
const named = namedCells(plan);
const sheet = (name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const cellValue = (s: SheetPlan, ref: string) => s.cells.find((c) => a1(c.row, c.col) === ref);

describe("buildTemplateWorkbook", () => {
  it("starts with the Forside and has Vejledning, Proces and Data sheets per template in catalogue order", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      FORSIDE,
      ...TEMPLATES.flatMap((t) => [vejledningSheetName(t), procesSheetName(t), dataSheetName(t)]),
    ]);
    for (const s of plan.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
  });

  it("puts the meta cells on the Forside with kommune, comma-separated template ids and version", () => {
    expect(named.get("meta.kommune")).toMatchObject({ sheet: FORSIDE, plan: { value: "Aarhus" } });
    expect(named.get("meta.skabelon")?.plan.value).toBe(ALL_IDS.join(","));
    expect(named.get("meta.version")?.plan.value).toBe(CATALOGUE_VERSION);
  });

  it("shows contact, deadline, the included nedslagspunkter and the how-to on the Forside", () => {
    const texts = sheet(FORSIDE).cells.map((c) => String(c.value ?? ""));
    for (const v of [
      "Kontakt Person",
      "kontakt@example.dk",
      "12 34 56 78",
      "1. marts 2025 kl. 12",
      ...howTo(TEMPLATES, defaultPack()),
    ]) {
      expect(texts).toContain(v);
    }
    for (const t of TEMPLATES) expect(texts.some((x) => x.startsWith(t.name))).toBe(true);
  });

  it("warns on the Forside when no contact person or deadline was given, instead of inventing them", () => {
    const texts = (p: ReturnType<typeof buildTemplateWorkbook>) => p.sheets[0].cells.map((c) => String(c.value ?? ""));
    const none = texts(buildTemplateWorkbook("Odense", ["ukn"]));
    expect(none).toContain(
      "Skabelonen er lavet uden kontaktperson og frist. Spørg den, der sendte jer skabelonen, hvem I skal sende svaret til, og hvornår."
    );
    const noDeadline = texts(buildTemplateWorkbook("Odense", ["ukn"], { kontakt: { email: "a@b.dk" } }));
    expect(noDeadline.some((t) => t.startsWith("Skabelonen er lavet uden frist."))).toBe(true);
    expect(noDeadline).toContain("a@b.dk");
    // All given: no warning.
    expect(sheet(FORSIDE).cells.some((c) => String(c.value).startsWith("Skabelonen er lavet uden"))).toBe(false);
  });

  it("keeps the machine-read fields (template ids, version, pack) in hidden rows with their labels", () => {
    const forside = sheet(FORSIDE);
    for (const id of ["meta.skabelon", "meta.version", "meta.pakke"]) {
      const c = named.get(id)!.plan;
      expect(forside.hiddenRows).toContain(c.row);
      expect(forside.cells.find((l) => l.row === c.row && l.col === c.col - 1)?.value).toMatch(/:$/);
    }
    expect(forside.hiddenRows).not.toContain(named.get("meta.kommune")!.plan.row);
  });

  it("links from the Forside to every sheet of the workbook", () => {
    const links = sheet(FORSIDE)
      .cells.map((c) => /^HYPERLINK\("#'?(.*?)'?!A1"/.exec(c.formula ?? "")?.[1])
      .filter(Boolean);
    expect(new Set(links)).toEqual(new Set(plan.sheets.slice(1).map((s) => s.name)));
  });

  it("every sheet prints on one page with a header (document, respondent) and a footer (sheet, page x af y)", () => {
    for (const s of plan.sheets) {
      expect(s.print?.fit).toEqual({ wide: 1, tall: 1 });
      expect(s.print?.header?.right).toContain("Aarhus");
      expect(s.print?.footer).toEqual({ left: "&9&A", right: "&9Side &P af &N" });
      expect(s.gridlines).toBe(false);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: one named, validated input cell per field on its Data sheet",
    (_id, t) => {
      const data = sheet(dataSheetName(t));
      const inputs = data.cells.filter((c) => c.input);
      expect(inputs.map((c) => c.name).sort()).toEqual(
        fieldsOf(t)
          .map((f) => f.id)
          .sort()
      );
      for (const f of fieldsOf(t)) {
        const c = named.get(f.id);
        expect(c?.sheet).toBe(data.name);
        expect(c?.plan.validation).toEqual(VALIDATION_BY_KIND[f.kind]);
        expect(c?.plan.field).toBe(f.id);
      }
      // Only input cells are unlocked, and every sheet is protected.
      for (const s of plan.sheets) expect(s.protect).toBe(true);
    }
  );

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: field labels appear verbatim in the row of their input cells",
    (_id, t) => {
      const data = sheet(dataSheetName(t));
      for (const f of fieldsOf(t)) {
        const c = named.get(f.id)!.plan;
        const labelCell =
          f.year === undefined
            ? data.cells.find((x) => x.row === c.row - 1 && x.col === 2)
            : data.cells.find((x) => x.row === c.row && x.col === 2);
        expect(labelCell?.value).toBe(f.label);
        if (f.year !== undefined) {
          // The year header of the block sits above, in the same column.
          const header = data.cells
            .filter((x) => x.col === c.col && x.row < c.row && x.style === "yearHeader")
            .pop();
          expect(header?.value).toBe(f.year);
        }
      }
    }
  );

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: a check formula under every pct run, per year column, over exactly the run's rows",
    (_id, t) => {
      const data = sheet(dataSheetName(t));
      const pctCells = fieldsOf(t)
        .filter((f) => f.kind === "pct")
        .map((f) => named.get(f.id)!.plan);
      for (const c of pctCells) {
        // Walk down to the check row below this pct cell's run.
        const check = data.cells
          .filter((x) => x.col === c.col && x.row > c.row && x.formula !== undefined)
          .sort((a, b) => a.row - b.row)[0];
        expect(check).toBeDefined();
        expect(data.cells.find((x) => x.row === check.row && x.col === 2)?.value).toBe(CHECK_LABEL);
        const m = /COUNTA\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)/.exec(check.formula!);
        expect(Number(m![2])).toBeLessThanOrEqual(c.row);
        expect(Number(m![4])).toBe(check.row - 1);
      }
    }
  );

  it("lays out the UKN Data sheet like the seed: kommune, title, years, total row, pct intro, pct rows, check row", () => {
    const data = sheet("UKN Data");
    expect(cellValue(data, "B3")?.value).toBe("Anfør kommunenavn:");
    expect(cellValue(data, "C3")).toMatchObject({ formula: "Forside!$C$4", value: "Aarhus" });
    expect(cellValue(data, "B6")?.value).toBe(
      "Estimeret administrativ tid brugt på opgaven: Hovedsager"
    );
    expect(["C7", "D7", "E7", "F7", "G7"].map((r) => cellValue(data, r)?.value)).toEqual([
      2019, 2020, 2021, 2022, 2023,
    ]);
    expect(named.get("ukn.hovedsager.timer_pr_sag.2019")).toMatchObject({
      sheet: "UKN Data",
      cell: "C8",
    });
    expect(cellValue(data, "B9")?.value).toBe("Fordel gerne på følgende underopgaver (angiv i %):");
    expect(named.get("ukn.hovedsager.udtalelse.2019")?.cell).toBe("C10");
    expect(named.get("ukn.hovedsager.andet.2023")?.cell).toBe("G15");
    expect(cellValue(data, "C16")?.formula).toBe(
      'IF(COUNTA(C10:C15)=0,"",IF(ABS(SUM(C10:C15)-100)<=1,"OK","Summen er "&ROUND(SUM(C10:C15),1)&" %"))'
    );
    // The comment boxes are merged input areas across the label and year columns.
    const kom = named.get("ukn.kommentarer")!;
    expect(data.merges).toContainEqual({
      top: kom.plan.row,
      left: 2,
      bottom: kom.plan.row,
      right: 7,
    });
  });

  it("colours the UKN check rows green for OK and red otherwise", () => {
    const data = sheet("UKN Data");
    expect(data.conditionalFormats?.slice(0, 2)).toEqual([
      { top: 16, bottom: 16, left: 3, right: 7, formula: 'C16="OK"', style: "checkOk" },
      {
        top: 16,
        bottom: 16,
        left: 3,
        right: 7,
        formula: 'AND(C16<>"",C16<>"OK")',
        style: "checkBad",
      },
    ]);
  });

  it("builds the check formula from column and rows", () => {
    expect(pctCheckFormula(4, 10, 12)).toBe(
      'IF(COUNTA(D10:D12)=0,"",IF(ABS(SUM(D10:D12)-100)<=1,"OK","Summen er "&ROUND(SUM(D10:D12),1)&" %"))'
    );
  });

  it("has only the chosen templates, and all of them for an empty list", () => {
    const one = buildTemplateWorkbook("Odense", ["ukn"]);
    expect(one.sheets.map((s) => s.name)).toEqual([
      "Forside",
      "UKN Vejledning",
      "UKN Proces",
      "UKN Data",
    ]);
    expect(buildTemplateWorkbook("Odense", []).sheets).toHaveLength(1 + 3 * TEMPLATES.length);
    expect(() => buildTemplateWorkbook("Odense", ["findes_ikke"])).toThrow(RangeError);
  });

  it("numbers the Vejledning steps and lists Proces steps with their tasks and sporbarhed", () => {
    for (const t of TEMPLATES) {
      const v = sheet(vejledningSheetName(t)).cells.map((c) => c.value);
      t.vejledning.forEach((step, i) => {
        expect(v).toContain(`${i + 1}.`);
        expect(v).toContain(step);
      });
      const p = sheet(procesSheetName(t)).cells.map((c) => c.value);
      for (const s of t.proces!.steps) {
        expect(p).toContain(s.title);
        for (const task of s.tasks) expect(p).toContain(`• ${task}`);
      }
      expect(p).toContain("Nedslagspunktets sporbarhed");
      expect(p).toContain(t.proces!.sporbarhed);
    }
  });
});

describe("resolvePunkter", () => {
  it("takes every template for an empty list", () => {
    expect(resolvePunkter([])).toEqual({ templateIds: ALL_IDS, unknown: [] });
  });

  it("accepts template ids and nedslagspunkt ids, in catalogue order without repeats", () => {
    for (const n of NEDSLAGSPUNKTER) {
      expect(resolvePunkter([n.id.toUpperCase(), ` ${n.id} `]).templateIds).toEqual(n.templates);
    }
    expect(resolvePunkter([...ALL_IDS].reverse()).templateIds).toEqual(ALL_IDS);
  });

  it("reports unknown entries", () => {
    expect(resolvePunkter(["ukn", "atlantis"])).toEqual({
      templateIds: ["ukn"],
      unknown: ["atlantis"],
    });
    expect(validPunktNames()).toEqual(
      expect.arrayContaining([...ALL_IDS, ...NEDSLAGSPUNKTER.map((n) => n.id)])
    );
  });
});

describe("Data sheet of the seed packs (keyed columns, a list-only template)", () => {
  const dataOf = (packId: string, who: string): SheetPlan => {
    const pack = builtinPack(packId)!;
    const p = buildTemplateWorkbook(who, [], { pack });
    return p.sheets.find((s) => s.name === dataSheetName(pack.templates[0]))!;
  };

  it("a keyed column is as wide as its header (»Antal nye pladser« in kkr_kapacitet)", () => {
    const s = dataOf("kkr_kapacitet", "Middelfart");
    const header = s.cells.find((c) => c.value === "Antal nye pladser")!;
    expect(s.columnWidths[header.col]).toBeGreaterThanOrEqual("Antal nye pladser".length + 2);
  });

  it("a list-only template's respondent label spans the columns its text needs; the name follows", () => {
    const s = dataOf("regelforenkling", "KL");
    const label = s.cells.find((c) => c.value === "Anfør afsenderens navn:")!;
    const merge = s.merges.find((m) => m.top === label.row && m.left === label.col)!;
    let width = 0;
    for (let c = merge.left; c <= merge.right; c++) width += s.columnWidths[c];
    expect(width).toBeGreaterThanOrEqual("Anfør afsenderens navn:".length + 1);
    expect(s.cells.find((c) => c.row === label.row && c.col === merge.right + 1)?.value).toBe("KL");
  });
});
