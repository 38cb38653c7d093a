/**
 * Workbook events for the live panes: a change in any worksheet (typing in a cell, a paste, a
 * write from elsewhere) and a new selection. The handlers get plain data (sheet name and
 * address); what to do with it (read the fields again, show the selected field) is the pane's.
 *
 * Registering costs one sync (plus one to resolve sheet ids to names); a change event costs
 * nothing here: the pane decides whether to read again (2 syncs, `readWorkbookReturn`).
 */

export interface WorkbookChange {
  readonly sheet: string;
  /** "C7" or "C7:D9". */
  readonly address: string;
}

export interface WorkbookHandlers {
  readonly changed?: (change: WorkbookChange) => void;
  readonly selected?: (change: WorkbookChange) => void;
}

export interface Watch {
  /** Removes the handlers (one sync). */
  readonly stop: () => Promise<void>;
  readonly syncs: number;
}

/**
 * Adds `worksheets.onChanged` and `worksheets.onSelectionChanged` handlers (ExcelApi 1.9).
 * Sheet ids are turned into names with a map read once and refreshed when an id is unknown
 * (a sheet added later) through `names`, which the caller provides as a small Excel.run.
 */
export async function watchWorkbook(
  context: Excel.RequestContext,
  handlers: WorkbookHandlers,
  sheetName: (worksheetId: string) => Promise<string | undefined>
): Promise<Watch> {
  const worksheets = context.workbook.worksheets;
  const toChange = async (args: { worksheetId: string; address: string }) => {
    const sheet = await sheetName(args.worksheetId);
    return sheet ? { sheet, address: args.address } : undefined;
  };
  const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
  if (handlers.changed) {
    const onChange = handlers.changed;
    results.push(
      worksheets.onChanged.add(async (args) => {
        const c = await toChange(args);
        if (c) onChange(c);
      })
    );
  }
  if (handlers.selected) {
    const onSelect = handlers.selected;
    results.push(
      worksheets.onSelectionChanged.add(async (args) => {
        const c = await toChange(args);
        if (c) onSelect(c);
      })
    );
  }
  await context.sync();
  return {
    syncs: 1,
    stop: async () => {
      for (const r of results) r.remove();
      await context.sync();
    },
  };
}

/** The names of all sheets by id (one sync), for {@link watchWorkbook}'s `sheetName`. */
export async function sheetNamesById(context: Excel.RequestContext): Promise<Map<string, string>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name");
  await context.sync();
  return new Map(worksheets.items.map((w) => [w.id, w.name] as const));
}
