/**
 * The live panes' store (src/taskpane/liveWorkbook.ts) on office-addin-mock: Excel's change and
 * selection events (src/excel/events.ts) refresh the fields and findings that Udfyld and Valider
 * show, and a selected input cell names its field. Each refresh is one read of 2 syncs.
 */
import { buildTemplateWorkbook, namedCells } from "../../src/domain/layout";
import { validateReturn } from "../../src/domain/validate";
import { sheetNamesById, watchWorkbook } from "../../src/excel/events";
import { readWorkbookReturn } from "../../src/excel/fields";
import { renderWorkbookPlan } from "../../src/excel/render";
import { LiveWorkbook } from "../../src/taskpane/liveWorkbook";
import { createMockWorkbook } from "./mockWorkbook";

const plan = buildTemplateWorkbook("Aarhus", ["ukn", "normering"]);
const at = (id: string) => namedCells(plan).get(id)!;

async function setup() {
  const wb = createMockWorkbook();
  await renderWorkbookPlan(wb.context, plan);
  const live = new LiveWorkbook({
    read: async () => (await readWorkbookReturn(wb.context)).raw,
    validate: validateReturn,
  });
  const names = await sheetNamesById(wb.context);
  const watch = await watchWorkbook(
    wb.context,
    { changed: (c) => void live.changed(c), selected: (c) => live.selected(c) },
    async (id) => names.get(id)
  );
  await live.refresh();
  wb.resetSyncs();
  return { wb, live, watch };
}

describe("live workbook", () => {
  test("typing in a cell: the change event reads the fields again (2 syncs) and the findings follow", async () => {
    const { wb, live } = await setup();
    const id = "ukn.hovedsager.udtalelse.2019";
    expect(live.get().result?.findings.some((f) => f.field === id)).toBe(false);
    const cell = at(id);
    wb.cell(cell.sheet, cell.cell)!.value = 150; // the user types 150 % in Excel
    const refreshed = new Promise<void>((resolve) => {
      const stop = live.subscribe(() => {
        if (!live.get().loading && live.get().raw?.cells[id]?.value === 150) {
          stop();
          resolve();
        }
      });
    });
    await wb.fire("changed", cell.sheet, cell.cell);
    await refreshed;
    expect(wb.syncs()).toBe(2);
    expect(live.get().raw?.cells[id]?.value).toBe(150);
    const found = live.get().result!.findings.filter((f) => f.field === id);
    expect(found.map((f) => f.rule)).toContain("pct_interval");
  });

  test("a change on a sheet without fields reads nothing", async () => {
    const { wb, live } = await setup();
    const before = live.get().reads;
    await wb.fire("changed", "Ark1", "A1");
    expect(live.get().reads).toBe(before);
    expect(wb.syncs()).toBe(0);
  });

  test("selecting an input cell names its field; another cell clears it", async () => {
    const { wb, live } = await setup();
    const id = "normering.ledere.timer.2021";
    const cell = at(id) ?? at([...namedCells(plan).keys()].find((k) => k.startsWith("normering."))!);
    const field = [...namedCells(plan)].find(([, c]) => c.sheet === cell.sheet && c.cell === cell.cell)![0];
    await wb.fire("selected", cell.sheet, cell.cell);
    expect(live.get().selected).toBe(field);
    await wb.fire("selected", cell.sheet, "A1");
    expect(live.get().selected).toBeUndefined();
    expect(wb.syncs()).toBe(0);
  });

  test("stopping the watch removes the handlers", async () => {
    const { wb, live, watch } = await setup();
    await watch.stop();
    const cell = at("ukn.hovedsager.udtalelse.2019");
    await wb.fire("selected", cell.sheet, cell.cell);
    expect(live.get().selected).toBeUndefined();
  });
});
