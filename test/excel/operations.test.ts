/**
 * The adapter's operations on office-addin-mock proxies over an in-memory workbook: what they
 * write, and how many context.sync() calls each makes (≤ 3, independent of the number of
 * fields, sheets or returns).
 */
import { validateReturn } from "../../src/domain/validate";
import { ALL_FIELDS, TEMPLATES, fieldsOf } from "../../src/domain/catalogue";
import { buildTemplateWorkbook, namedCells } from "../../src/domain/layout";
import type { SheetPlan } from "../../src/domain/layout/types";
import {
  readWorkbookInfo,
  readWorkbookReturn,
  selectCell,
  writeNamedCells,
} from "../../src/excel/fields";
import { renderWorkbookPlan } from "../../src/excel/render";
import { writeReport } from "../../src/excel/report";
import { readTable, writeTable } from "../../src/excel/table";
import { createMockWorkbook } from "./mockWorkbook";

const plan = buildTemplateWorkbook("Aarhus", []);

async function withAllTemplates() {
  const wb = createMockWorkbook();
  await renderWorkbookPlan(wb.context, plan);
  wb.resetSyncs();
  return wb;
}

describe("insert all templates", () => {
  test("every sheet, every named input cell with its validation, meta values; 2 syncs", async () => {
    const wb = createMockWorkbook();
    const result = await renderWorkbookPlan(wb.context, plan);
    expect(result.syncs).toBe(2);
    expect(wb.syncs()).toBe(2);
    expect(wb.state.sheets.map((s) => s.name)).toEqual(["Ark1", ...plan.sheets.map((s) => s.name)]);
    const planned = namedCells(plan);
    for (const id of ALL_FIELDS.keys()) {
      const at = planned.get(id);
      expect(at).toBeDefined();
      expect(wb.state.names.get(id)).toBe(`='${at?.sheet}'!$${at?.cell.replace(/(\d+)$/, "$$$1")}`);
      const cell = wb.cell(at?.sheet as string, at?.cell as string);
      expect(cell?.locked).toBe(false);
      expect(cell?.validation?.rule).toBeDefined();
    }
    expect(wb.state.names.size).toBe(ALL_FIELDS.size + 4);
    const forside = namedCells(plan).get("meta.kommune");
    expect(wb.cell(forside?.sheet as string, forside?.cell as string)?.value).toBe("Aarhus");
    const skab = namedCells(plan).get("meta.skabelon");
    expect(wb.cell(skab?.sheet as string, skab?.cell as string)?.value).toBe(
      TEMPLATES.map((t) => t.id).join(",")
    );
    for (const s of plan.sheets) expect(wb.sheet(s.name).protected).toBe(s.protect);
  });

  test("every formula of the plan is written as a formula, in invariant syntax", async () => {
    const wb = await withAllTemplates();
    let formulas = 0;
    for (const s of plan.sheets) {
      for (const c of s.cells.filter((x) => x.formula)) {
        formulas++;
        const at = `${String.fromCharCode(64 + c.col)}${c.row}`;
        expect(wb.cell(s.name, at)?.formula).toBe(c.formula);
      }
    }
    expect(formulas).toBeGreaterThan(0);
  });
});

describe("read a filled form", () => {
  test("reads values, number formats and locations of every field by name in 2 syncs", async () => {
    const wb = await withAllTemplates();
    const planned = namedCells(plan);
    const at = (id: string) => planned.get(id) as { sheet: string; cell: string };
    wb.cell(
      at("ukn.hovedsager.timer_pr_sag.2019").sheet,
      at("ukn.hovedsager.timer_pr_sag.2019").cell
    )!.value = 37.4;
    wb.cell(
      at("ukn.volumen.sager_i_alt.2020").sheet,
      at("ukn.volumen.sager_i_alt.2020").cell
    )!.value = 12;
    wb.cell(at("ukn.kommentarer").sheet, at("ukn.kommentarer").cell)!.value = '=HYPERLINK("x")';
    const { raw, syncs } = await readWorkbookReturn(wb.context);
    expect(syncs).toBe(2);
    expect(wb.syncs()).toBe(2);
    expect(raw.meta).toEqual({
      kommune: "Aarhus",
      skabelon: TEMPLATES.map((t) => t.id).join(","),
      version: expect.any(Number),
      pakke: "kl2024",
    });
    expect(raw.cells["ukn.hovedsager.timer_pr_sag.2019"]).toEqual({
      value: 37.4,
      numFmt: expect.any(String),
      location: {
        sheet: at("ukn.hovedsager.timer_pr_sag.2019").sheet,
        cell: at("ukn.hovedsager.timer_pr_sag.2019").cell,
      },
    });
    expect(raw.cells["ukn.volumen.sager_i_alt.2020"].value).toBe(12);
    expect(raw.cells["ukn.kommentarer"].value).toBe('=HYPERLINK("x")');
    expect(raw.cells["ukn.volumen.sager_i_alt.2021"].value).toBeNull();
    expect(Object.keys(raw.cells)).toHaveLength(ALL_FIELDS.size);
  });

  test("reading only some fields costs the same 2 syncs", async () => {
    const wb = await withAllTemplates();
    const ids = fieldsOf(TEMPLATES[0]).map((f) => f.id);
    const { raw } = await readWorkbookReturn(wb.context, ids);
    expect(Object.keys(raw.cells).sort()).toEqual([...ids].sort());
    expect(wb.syncs()).toBe(2);
  });

  test("workbook info: sheets, municipality and templates in 2 syncs", async () => {
    const wb = await withAllTemplates();
    const info = await readWorkbookInfo(wb.context);
    expect(info.kommune).toBe("Aarhus");
    expect(info.skabeloner).toEqual(TEMPLATES.map((t) => t.id));
    expect(info.sheets).toContain("UKN Data");
    expect(wb.syncs()).toBe(2);
  });
});

describe("validate the open workbook", () => {
  test("findings from the validation rules name the sheet and cell the adapter read", async () => {
    const wb = await withAllTemplates();
    const at = namedCells(plan).get("ukn.hovedsager.udtalelse.2019") as {
      sheet: string;
      cell: string;
    };
    wb.cell(at.sheet, at.cell)!.value = 150;
    const { raw, syncs } = await readWorkbookReturn(wb.context);
    expect(syncs).toBe(2);
    const findings = validateReturn(raw).findings.filter(
      (f) => f.field === "ukn.hovedsager.udtalelse.2019"
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0].severity).toBe("fejl");
    expect(findings[0].location).toEqual({ sheet: at.sheet, cell: at.cell });
    await selectCell(wb.context, findings[0].location!);
    expect(wb.state.selected).toBe(`${at.sheet}!${at.cell}`);
  });
});

describe("write fields and select cells", () => {
  test("writes numbers as numbers and formula-like text as text, 2 syncs for any number of fields", async () => {
    const wb = await withAllTemplates();
    const planned = namedCells(plan);
    await writeNamedCells(wb.context, {
      "ukn.hovedsager.timer_pr_sag.2019": 37.4,
      "ukn.kommentarer": "=1+1",
      "ukn.andet_byrde": "+45 12345678",
    });
    expect(wb.syncs()).toBe(2);
    const cellOf = (id: string) => wb.cell(planned.get(id)!.sheet, planned.get(id)!.cell);
    expect(cellOf("ukn.hovedsager.timer_pr_sag.2019")?.value).toBe(37.4);
    expect(cellOf("ukn.kommentarer")?.value).toBe("=1+1");
    expect(cellOf("ukn.kommentarer")?.formula).toBeUndefined();
    expect(cellOf("ukn.andet_byrde")?.value).toBe("+45 12345678");
  });

  test("an unknown name → Danish error, nothing written", async () => {
    const wb = await withAllTemplates();
    await expect(writeNamedCells(wb.context, { "ukn.findes.ikke.2019": 1 })).rejects.toThrow(
      /Navnet »ukn.findes.ikke.2019« findes ikke/
    );
    expect(wb.syncs()).toBe(1);
  });

  test("selecting a finding's cell activates its sheet in 1 sync", async () => {
    const wb = await withAllTemplates();
    await selectCell(wb.context, { sheet: "UKN Data", cell: "C7" });
    expect(wb.state.active).toBe("UKN Data");
    expect(wb.state.selected).toBe("UKN Data!C7");
    expect(wb.syncs()).toBe(1);
  });
});

describe("tables (the Data sheet)", () => {
  const table = (n: number) => ({
    header: ["Kommune", "Felt", "Værdi", "Fil"],
    rows: Array.from({ length: n * 3 }, (_, i) => [
      `K${Math.floor(i / 3)}`,
      `f${i % 3}`,
      i,
      "=cmd|' /C calc'!A0",
    ]),
  });

  test("writes a table and reads it back; the same syncs for 1 and 50 returns", async () => {
    const one = createMockWorkbook();
    const r1 = await writeTable(one.context, "Data", table(1));
    const fifty = createMockWorkbook();
    const r50 = await writeTable(fifty.context, "Data", table(50));
    expect(r1.syncs).toBe(2);
    expect(r50.syncs).toBe(r1.syncs);
    expect(one.syncs()).toBe(fifty.syncs());
    expect(fifty.cell("Data", "A151")?.value).toBe("K49");
    expect(fifty.cell("Data", "C151")?.value).toBe(149);
    // Text that looks like a formula stays text.
    expect(fifty.cell("Data", "D2")?.value).toBe("=cmd|' /C calc'!A0");
    expect(fifty.cell("Data", "D2")?.formula).toBeUndefined();
    fifty.resetSyncs();
    const back = await readTable(fifty.context, "Data");
    expect(back.syncs).toBe(2);
    expect(back.table?.header).toEqual(["Kommune", "Felt", "Værdi", "Fil"]);
    expect(back.table?.rows).toHaveLength(150);
    expect(back.table?.rows[0]).toEqual(["K0", "f0", 0, "=cmd|' /C calc'!A0"]);
  });

  test("a protected Data sheet → Danish error, nothing written", async () => {
    const wb = createMockWorkbook({
      sheets: [{ name: "Data", protected: true, cells: { A1: "Kommune" } }],
    });
    await expect(writeTable(wb.context, "Data", table(1))).rejects.toThrow(/»Data« er beskyttet/);
    expect(wb.cell("Data", "A2")).toBeUndefined();
  });
});

describe("write report sheets", () => {
  const overblik: SheetPlan = {
    name: "Overblik",
    cells: [
      { row: 1, col: 1, value: "Nedslagspunkt", style: "heading" },
      { row: 1, col: 2, value: "Lav", style: "heading" },
      { row: 1, col: 3, value: "Spænd", style: "heading" },
      { row: 1, col: 4, value: "Stigning", style: "heading" },
      { row: 2, col: 1, value: "UKN" },
      { row: 2, col: 4, formula: "Landstal!B2*2", numFmt: "0.0" },
      { row: 2, col: 2, formula: "ROUND(0.9*D2,0)" },
      { row: 2, col: 3, formula: "ROUND(1.1*D2,0)-B2" },
    ],
    merges: [],
    columnWidths: { 1: 30 },
    protect: false,
  };

  test("writes the sheets with live formulas and a chart; rewriting replaces them in place", async () => {
    const wb = createMockWorkbook({ sheets: [{ name: "Landstal", cells: { B2: 20 } }] });
    const chart = { sheet: "Overblik", top: 1, left: 1, count: 1, title: "Stigning", anchor: "F2" };
    const first = await writeReport(wb.context, { sheets: [overblik] }, chart);
    expect(first.syncs).toBe(2);
    expect(wb.cell("Overblik", "D2")?.formula).toBe("Landstal!B2*2");
    expect(wb.cell("Overblik", "D2")?.numberFormat).toBe("0.0");
    expect(wb.sheet("Overblik").charts).toHaveLength(1);
    expect(wb.sheet("Overblik").charts[0]).toMatchObject({
      type: "ColumnStacked",
      source: "Overblik!A1:C2",
      "title.text": "Stigning",
    });
    wb.resetSyncs();
    const again = await writeReport(wb.context, { sheets: [overblik] }, chart);
    expect(again.syncs).toBe(2);
    expect(wb.state.sheets.filter((s) => s.name === "Overblik")).toHaveLength(1);
    expect(wb.sheet("Overblik").charts).toHaveLength(1);
  });
});
