/**
 * The stoettetimer pack in real workbooks. A filled døgnrytme template recalculates in
 * LibreOffice (Danish profile) without the add-in: every derived cell (personale, borgere,
 * varighed, omregnet, day and week totals) equals the engine's value. The report workbook's
 * native formulas recalculate to the engine's figures. Bad input read from a filled template
 * gives located Danish messages.
 */
import type { Workbook } from "exceljs";
import { derivedFieldsOfTemplate, recordFieldId } from "../../src/domain/fieldId";
import { buildTemplateWorkbook, namedCells } from "../../src/domain/layout";
import type { KommuneReturn } from "../../src/domain/model";
import { derivedValue, type DataContext } from "../../src/domain/pack/env";
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { validateReturn } from "../../src/domain/validate";
import { fillWorkbook, loadWorkbook, readReturn, renderWorkbook } from "../../src/xlsx";
import { differences, recalcDanish, resavedByLibreOffice, resultOf } from "../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../helpers/requirements";
import {
  F4_AFTENNAT,
  F4_DAG,
  F4_SHIFTS,
  TILBUD,
  breakfastGroup,
  dayForm,
  f4Week,
  h4,
  i4,
  readForms,
  stoettePack,
} from "../helpers/stoettetimer";

const itLo = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE, title, fn, timeout);

const pack = stoettePack();
const doegnrytme = pack.templates.find((t) => t.id === "doegnrytme")!;
const plan = buildTemplateWorkbook(TILBUD, ["doegnrytme"], { pack });
const named = namedCells(plan);
const data = plan.sheets.find((s) => s.name === "Døgnrytme Data")!;

/** Where each derived cell of the day sheet is: list columns beside their record, rows by label. */
function derivedCells(): Map<string, { row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  for (const f of derivedFieldsOfTemplate(doegnrytme)) {
    if (f.record !== undefined) {
      const b = doegnrytme.blocks.find((x) => x.id === f.block)!;
      if (b.type !== "liste") continue;
      const start = named.get(recordFieldId("doegnrytme", b.id, f.record, "start"))!.plan;
      out.set(f.id, {
        row: start.row,
        col: start.col + b.fields.findIndex((x) => x.id === f.listField),
      });
    } else {
      const label = data.cells.find((c) => c.col === 2 && c.value === f.label)!;
      out.set(f.id, { row: label.row, col: 3 });
    }
  }
  return out;
}

async function filledAndRecalculated(felter: Record<string, unknown>): Promise<Workbook> {
  const filled = await fillWorkbook(await renderWorkbook(plan), felter, [pack]);
  if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
  return await loadWorkbook(resavedByLibreOffice(filled.bytes));
}

/** Every derived cell as LibreOffice computed it against the engine's value for the same return. */
function compare(wb: Workbook, r: KommuneReturn): { checked: number; wrong: string[] } {
  const ws = wb.getWorksheet("Døgnrytme Data")!;
  const ctx: DataContext = { pack, respondents: [], inputs: {}, setting: () => undefined };
  const unit = { name: r.kommune, values: r.values };
  let checked = 0;
  const wrong: string[] = [];
  for (const [id, at] of derivedCells()) {
    const want = derivedValue(ctx, pack.derived.get(id)!, unit);
    const got = resultOf(ws.getCell(at.row, at.col).value);
    const same =
      want.k === "v"
        ? typeof want.v === "number"
          ? typeof got === "number" && Math.abs(got - want.v) < 1e-9
          : got === want.v
        : got === "" || got === null || got === undefined;
    if (!same)
      wrong.push(`${id}: LibreOffice ${JSON.stringify(got)}, motoren ${JSON.stringify(want)}`);
    checked++;
  }
  return { checked, wrong };
}

describe("a filled døgnrytme template without the add-in", () => {
  it("carries the derived columns and totals as locked formulas (no cached values)", () => {
    const formulas = data.cells.filter((c) => c.formula && c.style === "derived");
    // 24 records × 4 derived columns + 4 totals.
    expect(formulas.length).toBe(24 * 4 + 4);
    expect(formulas.every((c) => !c.input && !c.name && c.value === null)).toBe(true);
    const tick = named.get("doegnrytme.hoved.hele_ugen.svar")!;
    expect(tick.plan.input).toBe(true);
  });

  itLo(
    "F.4's Monday: LibreOffice computes every converted minute and the day total 207,5 = 3,46 h",
    async () => {
      const form = dayForm(TILBUD, "AB", "2024-02-12", F4_DAG, F4_AFTENNAT, F4_SHIFTS);
      const wb = await filledAndRecalculated(form.felter);
      const r = readForms([form])[0];
      const { checked, wrong } = compare(wb, r);
      expect(wrong).toEqual([]);
      expect(checked).toBe(24 * 4 + 4);
      const ws = wb.getWorksheet("Døgnrytme Data")!;
      const at = derivedCells();
      const value = (id: string) => resultOf(ws.getCell(at.get(id)!.row, at.get(id)!.col).value);
      expect(value("doegnrytme.tid.dag_min.i_alt")).toBe(207.5);
      expect(value("doegnrytme.tid.dag_timer.i_alt") as number).toBeCloseTo(3.4583333, 6);
      expect(value("doegnrytme.aftennat.4.omregnet")).toBe(60);
      // Not ticked: the sheet does not guess the week.
      expect(value("doegnrytme.tid.uge_min.i_alt") ?? "").toBe("");
    }
  );

  itLo(
    "ticked »gælder alle ugens dage«: the week total is 7 × 207,5 = 1 452,5 min; a 2:1 slot counts 60",
    async () => {
      const form = dayForm(
        TILBUD,
        "AB",
        "2024-02-14",
        [...F4_DAG, ["10:00", "10:30", "2:1", "Bad med to personaler"]],
        F4_AFTENNAT,
        {
          ...F4_SHIFTS,
          "doegnrytme.hoved.hele_ugen.svar": "x",
        }
      );
      const wb = await filledAndRecalculated(form.felter);
      const { wrong } = compare(wb, readForms([form])[0]);
      expect(wrong).toEqual([]);
      const ws = wb.getWorksheet("Døgnrytme Data")!;
      const at = derivedCells();
      const value = (id: string) => resultOf(ws.getCell(at.get(id)!.row, at.get(id)!.col).value);
      expect(value("doegnrytme.dag.4.omregnet")).toBe(60);
      expect(value("doegnrytme.tid.dag_min.i_alt")).toBe(267.5);
      expect(value("doegnrytme.tid.uge_min.i_alt")).toBe(7 * 267.5);
    }
  );
});

describe("bad input read from a filled template: located Danish messages", () => {
  it("names the sheet and cell of an end before the start, »1:0«, an overlap and a CPR number", async () => {
    const form = dayForm(
      TILBUD,
      "010190-1234",
      "2024-02-12",
      [
        ["09:00", "08:00", "1:1", "Bad"],
        ["10:00", "10:30", "1:0", "Frokost"],
        ["10:15", "10:45", "1:1", "Gåtur"],
      ],
      []
    );
    const filled = await fillWorkbook(await renderWorkbook(plan), form.felter, [pack]);
    if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
    const raw = await readReturn(filled.bytes, "solhoej.xlsx", {
      catalogue: () => ({ hasField: (id) => pack.fields.has(id), templates: pack.templates }),
    });
    const r = validateReturn(raw, pack);
    const at = (id: string) => `Døgnrytme Data!${named.get(id)!.cell}`;
    const found = r.findings.map((f) => [
      f.rule,
      f.location ? `${f.location.sheet}!${f.location.cell}` : undefined,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["cpr_nummer", at("doegnrytme.hoved.borger.svar")],
        ["slut_foer_start_dag", at("doegnrytme.dag.1.slut")],
        ["normering_hele_tal_dag", at("doegnrytme.dag.2.normering")],
        ["tidsrum_overlapper", at("doegnrytme.dag.3.start")],
      ])
    );
    expect(JSON.stringify(r)).not.toContain("010190");
    expect(r.findings.every((f) => /[æøå]|[a-z]/.test(f.message))).toBe(true);
  });
});

describe("the report workbook of the pack", () => {
  const returns = readForms([...f4Week(), ...breakfastGroup(), ...h4(), ...i4()]);
  const result = computeTables({ pack, returns });
  const report = buildTablesReport({ result, returns });

  it("has a sheet per table after the summary", () => {
    expect(report.sheets.map((s) => s.name).slice(0, 8)).toEqual([
      "Overblik",
      "Døgnrytme pr. borger og dag",
      "Døgnrytme pr. borger og uge",
      "Visiterede og leverede støtteti",
      "Støttetimeregnskab pr. borger o",
      "Medarbejdernes belastning",
      "Timepris pr. tilbud",
      "Timepris ved forskellige ATA-an",
    ]);
  });

  itLo(
    "recalculates every formula (derived cells in Data, the tables) to the engine's value",
    async () => {
      const wb = await recalcDanish(report);
      const { checked, wrong } = differences(report, wb);
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(500);
      const doegn = wb.getWorksheet("Døgnrytme pr. borger og dag")!;
      expect(doegn.getCell("A5").value).toBe("AB|2024-02-12");
      expect(resultOf(doegn.getCell("B5").value)).toBe(207.5);
    }
  );
});
