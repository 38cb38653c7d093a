import JSZip from "jszip";
import { ALL_FIELDS, CATALOGUE_VERSION, TEMPLATES, fieldsOf } from "../../src/domain/catalogue";
import {
  VALIDATION_BY_KIND,
  buildTemplateWorkbook,
  dataSheetName,
  namedCells,
} from "../../src/domain/layout";
import {
  definedNames,
  fillWorkbook,
  loadWorkbook,
  readReturn,
  renderWorkbook,
} from "../../src/xlsx";
import { sampleValues } from "../helpers/values";

const ALL_IDS = TEMPLATES.map((t) => t.id);
const plan = buildTemplateWorkbook("Aalborg", ALL_IDS);
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await renderWorkbook(plan);
});

describe("renderWorkbook", () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: every input field has a defined name on its Data sheet and native data validation of its kind",
    async (_id, t) => {
      const wb = await loadWorkbook(bytes);
      const names = definedNames(wb);
      for (const f of fieldsOf(t)) {
        const ref = names.get(f.id);
        expect(ref?.location?.sheet).toBe(dataSheetName(t));
        const cell = wb.getWorksheet(ref!.location!.sheet)!.getCell(ref!.location!.cell);
        const v = VALIDATION_BY_KIND[f.kind];
        expect(cell.dataValidation).toMatchObject({
          type: v.type,
          allowBlank: true,
          showErrorMessage: true,
          error: v.error,
          errorTitle: v.errorTitle,
          prompt: v.prompt,
        });
        if (f.kind === "x") expect(cell.dataValidation.formulae).toEqual(['"x"']);
        if (f.kind === "pct") expect(cell.dataValidation.formulae).toEqual([0, 100]);
        if (["timer", "aarsvaerk", "kr", "antal"].includes(f.kind)) {
          expect(cell.dataValidation).toMatchObject({
            operator: "greaterThanOrEqual",
            formulae: [0],
          });
        }
        expect(cell.protection?.locked).toBe(false);
      }
    }
  );

  it("locks every non-input cell and protects every sheet without a password", async () => {
    const wb = await loadWorkbook(bytes);
    const inputs = new Set(
      [...namedCells(plan).values()].filter((c) => c.plan.input).map((c) => `${c.sheet}!${c.cell}`)
    );
    expect(inputs.size).toBe(ALL_FIELDS.size);
    const unlocked: string[] = [];
    for (const ws of wb.worksheets) {
      const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } })
        .sheetProtection;
      expect(prot?.sheet).toBe(true);
      expect(prot?.hashValue).toBeUndefined();
      // Every cell in the used range, plus a margin of untouched cells.
      const rows = ws.rowCount + 3;
      const cols = ws.columnCount + 3;
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= cols; c++) {
          const cell = ws.getCell(r, c);
          if (inputs.has(`${ws.name}!${cell.address}`)) continue;
          if (
            cell.isMerged &&
            cell.master !== cell &&
            inputs.has(`${ws.name}!${cell.master.address}`)
          )
            continue;
          if (cell.protection?.locked === false) unlocked.push(`${ws.name}!${cell.address}`);
        }
      }
    }
    expect(unlocked).toEqual([]);
  });

  it("writes the check formulas without a cached result so spreadsheet programs calculate them", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = (await Promise.all(names.map((n) => zip.file(n)!.async("string")))).join("");
    const checks = xml.match(/<f>IF\(COUNTA[^<]*<\/f>(<v>[^<]*<\/v>)?/g) ?? [];
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c).not.toContain("<v>");
  });
});

describe("fillWorkbook and readReturn", () => {
  it("read back exactly the values put in, for all templates in one workbook", async () => {
    const values = sampleValues();
    expect(Object.keys(values)).toHaveLength(ALL_FIELDS.size);
    const filled = await fillWorkbook(bytes, { ...values });
    if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
    expect(filled.written).toBe(ALL_FIELDS.size);
    const raw = await readReturn(filled.bytes, "aalborg.xlsx");
    expect(raw.meta).toEqual({
      kommune: "Aalborg",
      pakke: "kl2024",
      skabelon: ALL_IDS.join(","),
      version: CATALOGUE_VERSION,
    });
    expect(raw.findings).toEqual([]);
    expect(raw.locatedBy).toBe("navne");
    const read = Object.fromEntries(Object.entries(raw.cells).map(([id, c]) => [id, c.value]));
    expect(read).toEqual(values);
    expect(raw.cells["ukn.hovedsager.timer_pr_sag.2019"].location).toEqual({
      sheet: "UKN Data",
      cell: "C8",
    });
  });

  it("keeps names, validation, protection and styles when filling", async () => {
    const filled = await fillWorkbook(bytes, { "ukn.hovedsager.timer_pr_sag.2019": 12.5 });
    if (!filled.ok) throw new Error("fill failed");
    const before = await loadWorkbook(bytes);
    const after = await loadWorkbook(filled.bytes);
    expect([...definedNames(after).keys()].sort()).toEqual([...definedNames(before).keys()].sort());
    for (const ws of before.worksheets) {
      const ws2 = after.getWorksheet(ws.name)!;
      expect((ws2 as unknown as { sheetProtection: unknown }).sheetProtection).toEqual(
        (ws as unknown as { sheetProtection: unknown }).sheetProtection
      );
      expect(ws2.model.merges).toEqual(ws.model.merges);
    }
    const cf = (wb: typeof before) =>
      (
        wb.getWorksheet("UKN Data") as unknown as { conditionalFormattings: Array<{ ref: string }> }
      ).conditionalFormattings.map((x) => x.ref);
    expect(cf(before).length).toBeGreaterThan(0);
    expect(cf(after)).toEqual(cf(before));
    const c = after.getWorksheet("UKN Data")!.getCell("C8");
    expect(c.value).toBe(12.5);
    expect(c.dataValidation.type).toBe("decimal");
    expect(c.protection.locked).toBe(false);
    expect(c.fill).toEqual(before.getWorksheet("UKN Data")!.getCell("C8").fill);
  });

  it("writes text as text, never as a formula", async () => {
    const evil = '=HYPERLINK("http://example.invalid","klik")';
    const filled = await fillWorkbook(bytes, {
      "ukn.kommentarer": evil,
      "ukn.andet_byrde": "+1+2",
    });
    if (!filled.ok) throw new Error("fill failed");
    const raw = await readReturn(filled.bytes);
    expect(raw.cells["ukn.kommentarer"].value).toBe(evil);
    expect(raw.cells["ukn.andet_byrde"].value).toBe("+1+2");
    const zip = await JSZip.loadAsync(filled.bytes);
    const files = Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"));
    const xml = (await Promise.all(files.map((n) => zip.file(n)!.async("string")))).join("");
    // The only formulas are the layout's own (the Forside's links to its sheets): the returned
    // text is no formula.
    expect(xml).not.toMatch(/<f>[^<]*example\.invalid/);
  });

  it("clears a cell for null", async () => {
    const once = await fillWorkbook(bytes, { "ukn.volumen.hovedsager.2020": 4 });
    if (!once.ok) throw new Error("fill failed");
    const twice = await fillWorkbook(once.bytes, { "ukn.volumen.hovedsager.2020": null });
    if (!twice.ok) throw new Error("fill failed");
    expect((await readReturn(twice.bytes)).cells["ukn.volumen.hovedsager.2020"].value).toBeNull();
  });

  it("rejects unknown ids and values of the wrong kind, naming each id, and writes nothing", async () => {
    const res = await fillWorkbook(bytes, {
      "ukn.findes.ikke.2019": 1,
      "ukn.hovedsager.timer_pr_sag.2019": "mange",
      "ukn.hovedsager.timer_pr_sag.2020": -1,
      "ukn.volumen.hovedsager.2019": 2.5,
      "ukn.hovedsager.udtalelse.2019": 101,
      "ukn.kommentarer": 42,
      "ukn.volumen.hovedsager.2021": 3,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const msgs = res.errors.map((e) => e.message);
    expect(res.errors.map((e) => e.field)).toEqual([
      "ukn.findes.ikke.2019",
      "ukn.hovedsager.timer_pr_sag.2019",
      "ukn.hovedsager.timer_pr_sag.2020",
      "ukn.volumen.hovedsager.2019",
      "ukn.hovedsager.udtalelse.2019",
      "ukn.kommentarer",
    ]);
    expect(msgs[0]).toContain("Ukendt felt-id: ukn.findes.ikke.2019");
    expect(msgs[3]).toContain("helt tal");
    expect(msgs[4]).toContain("mellem 0 og 100");
    expect(res.errors.every((e) => e.severity === "fejl")).toBe(true);
  });

  it("rejects catalogue fields of templates the workbook does not hold", async () => {
    const others = TEMPLATES.filter((t) => t.id !== "ukn");
    if (others.length === 0) return; // only ukn exists in the catalogue yet
    const onlyUkn = await renderWorkbook(buildTemplateWorkbook("Aalborg", ["ukn"]));
    const f = fieldsOf(others[0])[0];
    const res = await fillWorkbook(onlyUkn, { [f.id]: null });
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.errors[0].message).toContain(`Feltet ${f.id} findes ikke i denne skabelon`);
  });

  it("reports a file that is no .xlsx instead of throwing", async () => {
    const junk = new TextEncoder().encode("ikke en excel-fil");
    const raw = await readReturn(junk, "junk.xlsx");
    expect(raw.findings.map((f) => f.rule)).toEqual(["ikke_xlsx"]);
    const res = await fillWorkbook(junk, {});
    expect(res.ok).toBe(false);
  });
});
