/**
 * The streamed grid's sparse walk (forEachValue) must index a sheet exactly as probing every
 * cell with value(row, col) does: same templates found, same field cells, same meta.
 */
import { buildTemplateWorkbook, dataSheetName } from "../../src/domain/layout";
import { TEMPLATES, getTemplate } from "../../src/domain/catalogue";
import { LabelLocator, type GridSheet } from "../../src/domain/locate";
import { LIMITS, loadWorkbook, renderWorkbook, workbookBytes } from "../../src/xlsx";
import { openXlsxZip } from "../../src/xlsx/guard";
import { WorkbookPackage } from "../../src/xlsx/reader/package";
import { gridOfSheet } from "../../src/xlsx/reader/read";

function probingOnly(g: GridSheet): GridSheet {
  return {
    name: g.name,
    rowCount: g.rowCount,
    columnCount: g.columnCount,
    value: (r, c) => g.value(r, c),
  };
}

it("the sparse walk finds the same fields and meta as probing every cell", async () => {
  const wb = await loadWorkbook(
    await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn", "tilsyn", "magt_voksen"]))
  );
  const ws = wb.getWorksheet(dataSheetName(getTemplate("ukn")!))!;
  ws.mergeCells("H2:I3");
  ws.getCell("H2").value = "Ukendt overskrift";
  ws.spliceRows(6, 0, [], []);
  const pkg = new WorkbookPackage(openXlsxZip(await workbookBytes(wb)), LIMITS);
  const grids = pkg.sheets.map((s) => gridOfSheet(pkg, s.name));
  expect(grids.every((g) => typeof g.forEachValue === "function")).toBe(true);
  const sparse = new LabelLocator(grids);
  const dense = new LabelLocator(grids.map(probingOnly));
  expect(sparse.detect(TEMPLATES).map((t) => t.id)).toEqual(
    dense.detect(TEMPLATES).map((t) => t.id)
  );
  expect(sparse.detect(TEMPLATES).map((t) => t.id)).toEqual(
    expect.arrayContaining(["ukn", "tilsyn", "magt_voksen"])
  );
  for (const id of ["ukn", "tilsyn", "magt_voksen"]) {
    const a = sparse.locate(getTemplate(id)!);
    const b = dense.locate(getTemplate(id)!);
    expect(a && [...a.fields]).toEqual(b && [...b.fields]);
    expect(a?.fields.size).toBeGreaterThan(0);
  }
  expect(sparse.meta()).toEqual(dense.meta());
  expect(sparse.meta().kommune).toBe("Aarhus");
});
