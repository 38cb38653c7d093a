/**
 * An in-memory workbook behind office-addin-mock objects, for the adapter tests.
 *
 * Every proxy the adapter touches (context, workbook, collections, worksheets, ranges, names)
 * is an `OfficeMockObject`, so reading a property before `load` + `context.sync()` fails as it
 * would in Excel. Writes are recorded on the proxies and applied to the in-memory state at the
 * next `context.sync()`, which is counted. A test can make a sync fail (`failOnSync`) to check
 * the rollback path.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseCell, splitAddress, cellAddress } from "../../src/excel/a1";

export interface CellState {
  value?: unknown;
  formula?: string;
  numberFormat?: string;
  locked?: boolean;
  validation?: { rule?: unknown; prompt?: unknown; errorAlert?: unknown; ignoreBlanks?: unknown };
  format?: Record<string, unknown>;
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  protected: boolean;
  merges: string[];
  frozenRows: number;
  tabColor?: string;
  columnWidths: Record<string, number>;
  charts: Record<string, unknown>[];
  conditionalFormats: ConditionalFormatState[];
  /** Properties set on worksheet.pageLayout (print area and title rows as set by their methods). */
  pageLayout: Record<string, unknown>;
  /** headersFooters.defaultForAllPages: leftHeader … rightFooter. */
  headerFooter?: Record<string, string>;
  /** Rows a horizontal page break was added before. */
  pageBreaks?: number[];
  hiddenRows?: number[];
  showGridlines?: boolean;
  visibility?: string;
}

export interface ConditionalFormatState {
  address: string;
  type: string;
  priority?: number;
  formula?: string;
  fontColor?: string;
  bold?: boolean;
  fill?: string;
}

export interface TableState {
  name: string;
  sheet: string;
  /** "A3:E10" */
  address: string;
  hasHeaders: boolean;
  style?: string;
  showBandedRows?: boolean;
  showFilterButton?: boolean;
}

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  names: Map<string, string>;
  protected: boolean;
  active?: string;
  selected?: string;
  calculationSuspended: number;
}

type Rect = { top: number; left: number; bottom: number; right: number };

function rectOf(address: string): Rect {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  if (/^\d+$/.test(a)) return { top: Number(a), left: 1, bottom: Number(b), right: 16384 };
  if (/^[A-Z]+$/.test(a)) {
    const c1 = parseCell(`${a}1`) as { col: number };
    const c2 = parseCell(`${b}1`) as { col: number };
    return { top: 1, left: c1.col, bottom: 1048576, right: c2.col };
  }
  const p = parseCell(a) as { row: number; col: number };
  const q = parseCell(b) as { row: number; col: number };
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

function cellsIn(r: Rect): string[] {
  const out: string[] = [];
  for (let row = r.top; row <= Math.min(r.bottom, 5000); row++) {
    for (let col = r.left; col <= Math.min(r.right, 200); col++) out.push(cellAddress(row, col));
  }
  return out;
}

/** A proxy that records every property set and method call (charts: not read back by the adapter). */
function recorder(log: Record<string, unknown>, path = ""): unknown {
  return new Proxy(function () {}, {
    get(_t, prop: string) {
      return recorder(log, path ? `${path}.${prop}` : prop);
    },
    set(_t, prop: string, value) {
      log[path ? `${path}.${prop}` : prop] = value;
      return true;
    },
    apply(_t, _this, args) {
      log[`${path}()`] = args;
      return recorder(log, `${path}()`);
    },
  });
}

export interface MockWorkbook {
  context: Excel.RequestContext;
  state: WorkbookState;
  /** context.sync() calls so far. */
  syncs(): number;
  resetSyncs(): void;
  /** Make the n-th next sync (1-based) throw this error after applying nothing. */
  failOnSync(n: number, error: { code: string; message: string }): void;
  sheet(name: string): SheetState;
  /** The value or formula in a cell, by "Sheet!A1". */
  cell(sheet: string, address: string): CellState | undefined;
  /** Excel raises an event (a cell edited, or the selection moved), as the user would. */
  fire(kind: "changed" | "selected", sheet: string, address: string): Promise<void>;
}

/** The parts of office-addin-mock's OfficeMockObject that its `sync` uses. */
interface MockInternals {
  _properties: Map<string, OfficeMockObject>;
  _loaded: boolean;
  _value: unknown;
  _valueBeforeLoaded: unknown;
  updatePropertyCall(key: string): void;
}

/**
 * office-addin-mock's `sync`, done at once: each property synced, then its value put on its
 * parent, then the object's own loaded value. The library's `sync` does the same with a promise
 * per property and never waits for them; with Jest's promise hooks that cost more than the
 * adapter tests themselves.
 */
function syncNow(m: OfficeMockObject): void {
  const o = m as unknown as MockInternals;
  o._properties.forEach((p, key) => {
    syncNow(p);
    o.updatePropertyCall(key);
  });
  if (o._loaded) o._value = o._valueBeforeLoaded;
}

export function createMockWorkbook(
  init: {
    sheets?: { name: string; protected?: boolean; cells?: Record<string, unknown> }[];
    names?: Record<string, string>;
    protected?: boolean;
    tables?: { name: string; sheet: string; address: string }[];
  } = {}
): MockWorkbook {
  const state: WorkbookState = {
    sheets: (init.sheets ?? [{ name: "Ark1" }]).map((s) => ({
      name: s.name,
      cells: new Map(Object.entries(s.cells ?? {}).map(([k, v]) => [k, { value: v }])),
      protected: s.protected ?? false,
      merges: [],
      frozenRows: 0,
      columnWidths: {},
      charts: [],
      conditionalFormats: [],
      pageLayout: {},
    })),
    tables: (init.tables ?? []).map((t) => ({ hasHeaders: true, ...t })),
    names: new Map(Object.entries(init.names ?? {})),
    protected: init.protected ?? false,
    calculationSuspended: 0,
  };
  let syncCount = 0;
  let failAt: { n: number; error: { code: string; message: string } } | undefined;
  /** Writes queued since the last sync, applied in order at the next one. */
  let pending: (() => void)[] = [];
  const created: OfficeMockObject[] = [];

  const findSheet = (name: string) =>
    state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const sheetState = (name: string) => {
    const s = findSheet(name);
    if (!s) throw Object.assign(new Error(`Arket ${name} findes ikke`), { code: "ItemNotFound" });
    return s;
  };
  const cellState = (s: SheetState, a: string) => {
    let c = s.cells.get(a);
    if (!c) {
      c = {};
      s.cells.set(a, c);
    }
    return c;
  };
  const track = <T extends OfficeMockObject>(m: T): T => {
    created.push(m);
    return m;
  };

  function formatMock(onSync: (f: Record<string, unknown>) => void) {
    const f = track(
      new OfficeMockObject({
        font: {},
        fill: {},
        protection: {},
        borders: { getItem: (edge: string) => recorder(borders, edge) },
      })
    );
    const borders: Record<string, unknown> = {};
    const snapshot = () => {
      const out: Record<string, unknown> = {};
      const m = f as unknown as Record<string, Record<string, unknown>> & Record<string, unknown>;
      for (const k of [
        "wrapText",
        "horizontalAlignment",
        "verticalAlignment",
        "indentLevel",
        "columnWidth",
        "rowHeight",
      ]) {
        if (m[k] !== undefined) out[k] = m[k];
      }
      for (const part of ["font", "fill", "protection"]) {
        for (const [k, v] of Object.entries(m[part] ?? {})) {
          if (!k.startsWith("_") && typeof v !== "function") out[`${part}.${k}`] = v;
        }
      }
      for (const [k, v] of Object.entries(borders)) out[`borders.${k}`] = v;
      return out;
    };
    pending.push(() => onSync(snapshot()));
    return f;
  }

  function rangeMock(sheetName: string, address: string, multi = false): OfficeMockObject {
    // The sheet may be added in the same batch: resolve it lazily when writes are applied.
    const sheetNow = findSheet(sheetName);
    const lazy = {} as SheetState;
    const s = new Proxy(lazy, {
      get: (_t, p: string) => (sheetState(sheetName) as unknown as Record<string, unknown>)[p],
      set: (_t, p: string, v) => (
        ((sheetState(sheetName) as unknown as Record<string, unknown>)[p] = v),
        true
      ),
    });
    /** The sheet, found once for the many cells of a write as it is applied (on first use). */
    const sheetOnce = () => {
      let found: SheetState | undefined;
      return () => (found ??= sheetState(sheetName));
    };
    const areas = multi ? address.split(",").map(rectOf) : [rectOf(address)];
    const r = areas[0];
    const isWhole = address === "A1:XFD1048576";
    const huge = areas.some((a) => a.bottom - a.top > 10000 || a.right - a.left > 1000);
    const grid = (pick: (c: CellState | undefined) => unknown) => {
      if (huge) return [[null]];
      const rows: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++)
          line.push(pick(sheetNow?.cells.get(cellAddress(row, col))));
        rows.push(line);
      }
      return rows;
    };
    const values = grid((c) => c?.value ?? "");
    const numberFormat = grid((c) => c?.numberFormat ?? "General");
    const formulas = grid((c) => (c?.formula ? `=${c.formula}` : (c?.value ?? "")));
    const quoted = /[^A-Za-z0-9_]/.test(sheetName) ? `'${sheetName}'` : sheetName;
    const range = track(
      new OfficeMockObject({
        address: `${quoted}!${address.split(",")[0]}`,
        rowIndex: r.top - 1,
        columnIndex: r.left - 1,
        values,
        numberFormat,
        formulas,
        worksheet: {},
        select: () => {
          pending.push(() => (state.selected = `${s.name}!${address}`));
        },
        merge: () => {
          pending.push(() => s.merges.push(address));
        },
        unmerge: () => {
          pending.push(() => (s.merges = []));
        },
        clear: () => {
          pending.push(() => {
            if (isWhole) s.cells.clear();
            else for (const a of cellsIn(r)) s.cells.delete(a);
          });
        },
        getEntireColumn: () => range,
      })
    );
    pending.push(() => {
      if ((range as unknown as { rowHidden?: boolean }).rowHidden === true)
        for (let row = r.top; row <= r.bottom; row++) s.hiddenRows = [...(s.hiddenRows ?? []), row];
    });
    const m = range as unknown as Record<string, unknown>;
    m.__address = `${quoted}!${address}`;
    (m as { worksheet: unknown }).worksheet = worksheetMock(sheetName);
    const dv = track(
      new OfficeMockObject({
        clear: () =>
          pending.push(() => {
            for (const c of s.cells.values()) delete c.validation;
          }),
      })
    );
    m.dataValidation = dv;
    m.conditionalFormats = {
      add: (type: string) => {
        const cf = { custom: { rule: {}, format: { font: {}, fill: {} } } } as {
          priority?: number;
          custom: {
            rule: { formula?: string };
            format: { font: { color?: string; bold?: boolean }; fill: { color?: string } };
          };
        };
        pending.push(() =>
          s.conditionalFormats.push({
            address,
            type,
            priority: cf.priority,
            formula: cf.custom.rule.formula,
            fontColor: cf.custom.format.font.color,
            bold: cf.custom.format.font.bold,
            fill: cf.custom.format.fill.color,
          })
        );
        return cf;
      },
      clearAll: () =>
        pending.push(() => {
          s.conditionalFormats = [];
        }),
    };
    m.format = formatMock((f) => {
      const sheet = sheetOnce();
      const locked = f["protection.locked"];
      const rest = Object.fromEntries(Object.entries(f).filter(([k]) => k !== "protection.locked"));
      const hasRest = Object.keys(rest).length > 0;
      for (const rect of areas) {
        if (rect.bottom === 1048576 || rect.right === 16384) {
          if (f.columnWidth !== undefined) s.columnWidths[address] = f.columnWidth as number;
          if (f.rowHeight !== undefined) s.columnWidths[`rad ${address}`] = f.rowHeight as number;
          continue;
        }
        for (const a of cellsIn(rect)) {
          const c = cellState(sheet(), a);
          if (locked !== undefined) c.locked = locked as boolean;
          if (hasRest) c.format = { ...(c.format ?? {}), ...rest };
        }
      }
    });
    pending.push(() => {
      const sheet = sheetOnce();
      const written = (k: string) =>
        Array.isArray(m[k]) &&
        m[k] !== ({ values, numberFormat, formulas } as Record<string, unknown>)[k];
      const apply = (k: string, fn: (c: CellState, v: unknown) => void) => {
        if (!written(k)) return;
        const rows = m[k] as unknown[][];
        rows.forEach((line, i) =>
          line.forEach((v, j) => {
            if (v === null) return;
            fn(cellState(sheet(), cellAddress(r.top + i, r.left + j)), v);
          })
        );
      };
      apply("numberFormat", (c, v) => (c.numberFormat = v as string));
      // As in Excel, a string starting with "=" becomes a formula through either property,
      // unless the cell is formatted as text.
      const setEntry = (c: CellState, v: unknown) => {
        if (typeof v === "string" && v.startsWith("=") && c.numberFormat !== "@") {
          c.formula = v.slice(1);
          delete c.value;
        } else {
          c.value = v === "" ? undefined : v;
          delete c.formula;
        }
      };
      apply("formulas", setEntry);
      apply("values", setEntry);
      const d = dv as unknown as Record<string, unknown>;
      if (d.rule && typeof d.rule === "object") {
        for (const rect of areas)
          for (const a of cellsIn(rect))
            cellState(sheet(), a).validation = {
              rule: d.rule,
              prompt: d.prompt,
              errorAlert: d.errorAlert,
              ignoreBlanks: d.ignoreBlanks,
            };
      }
    });
    return range;
  }

  const worksheetMocks = new Map<string, OfficeMockObject>();
  function worksheetMock(name: string): OfficeMockObject {
    const key = name.toLowerCase();
    const existing = worksheetMocks.get(key);
    if (existing) return existing;
    const s = () => sheetState(name);
    const ws = track(
      new OfficeMockObject({
        name,
        id: `id-${name}`,
        protection: {
          protected: findSheet(name)?.protected ?? false,
          protect: () => pending.push(() => (s().protected = true)),
          unprotect: () => pending.push(() => (s().protected = false)),
        },
        freezePanes: { freezeRows: (n: number) => pending.push(() => (s().frozenRows = n)) },
        horizontalPageBreaks: {
          add: (address: string) =>
            pending.push(() => {
              const row = rectOf(address.includes("!") ? splitAddress(address).cell : address).top;
              s().pageBreaks = [...(s().pageBreaks ?? []), row];
            }),
        },
        getRange: (address?: string) => rangeMock(name, address ?? "A1:XFD1048576"),
        getRanges: (address: string) => rangeMock(name, address, true),
        getUsedRangeOrNullObject: () => {
          const sh = s();
          let rect: Rect | undefined;
          for (const [a, c] of sh.cells) {
            if (c.value === undefined && c.formula === undefined) continue;
            const p = parseCell(a) as { row: number; col: number };
            rect = rect
              ? {
                  top: Math.min(rect.top, p.row),
                  left: Math.min(rect.left, p.col),
                  bottom: Math.max(rect.bottom, p.row),
                  right: Math.max(rect.right, p.col),
                }
              : { top: p.row, left: p.col, bottom: p.row, right: p.col };
          }
          if (!rect) {
            const nul = track(new OfficeMockObject({ isNullObject: true, values: [] }));
            return nul;
          }
          const rm = rangeMock(
            name,
            `${cellAddress(rect.top, rect.left)}:${cellAddress(rect.bottom, rect.right)}`
          );
          (rm as unknown as Record<string, unknown>).isNullObject = false;
          return rm;
        },
        activate: () => pending.push(() => (state.active = s().name)),
        delete: () =>
          pending.push(() => {
            const i = state.sheets.findIndex((x) => x.name.toLowerCase() === key);
            if (i < 0) throw Object.assign(new Error("not found"), { code: "ItemNotFound" });
            state.sheets.splice(i, 1);
            state.tables = state.tables.filter((t) => t.sheet.toLowerCase() !== key);
            worksheetMocks.delete(key);
          }),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            const props: Record<string, unknown> = {};
            pending.push(() => {
              const at = address.includes("!") ? splitAddress(address).cell : address;
              if (
                state.tables.some((t) => t.name.toLowerCase() === String(props.name).toLowerCase())
              )
                throw Object.assign(new Error("Tabellen findes"), { code: "ItemAlreadyExists" });
              state.tables.push({
                name: `Tabel${state.tables.length + 1}`,
                sheet: s().name,
                address: at,
                hasHeaders,
                ...props,
              } as TableState);
            });
            return new Proxy(props, {
              set: (t, prop: string, value) => {
                t[prop] = value;
                return true;
              },
            });
          },
        },
        charts: {
          add: (type: string, source: { __address: string }, seriesBy: string) => {
            const log: Record<string, unknown> = { type, source: source.__address, seriesBy };
            pending.push(() => s().charts.push(log));
            return recorder(log);
          },
        },
      })
    );
    // Every page-layout property set is applied at the next sync, as Excel does.
    const headerFooter = new Proxy({} as Record<string, unknown>, {
      set: (_t, prop: string, value) => {
        pending.push(
          () => (s().headerFooter = { ...(s().headerFooter ?? {}), [prop]: String(value) })
        );
        return true;
      },
    });
    const pageMethods: Record<string, unknown> = {
      setPrintArea: (a: string) => pending.push(() => (s().pageLayout.printArea = a)),
      setPrintTitleRows: (a: string) => pending.push(() => (s().pageLayout.printTitleRows = a)),
      headersFooters: { defaultForAllPages: headerFooter },
    };
    (ws as unknown as Record<string, unknown>).pageLayout = new Proxy(
      {} as Record<string, unknown>,
      {
        get: (_t, prop: string) => pageMethods[prop],
        set: (_t, prop: string, value) => {
          pending.push(() => (s().pageLayout[prop] = value));
          return true;
        },
      }
    );
    pending.push(() => {
      const w = ws as unknown as Record<string, unknown>;
      if (typeof w.tabColor === "string") s().tabColor = w.tabColor;
      if (typeof w.showGridlines === "boolean") s().showGridlines = w.showGridlines;
      if (typeof w.visibility === "string") s().visibility = w.visibility;
    });
    worksheetMocks.set(key, ws);
    return ws;
  }

  const worksheets = track(
    new OfficeMockObject({
      add: (name: string) => {
        pending.push(() => {
          if (findSheet(name))
            throw Object.assign(new Error(`Arket ${name} findes`), { code: "ItemAlreadyExists" });
          state.sheets.push({
            name,
            cells: new Map(),
            protected: false,
            merges: [],
            frozenRows: 0,
            columnWidths: {},
            charts: [],
            conditionalFormats: [],
            pageLayout: {},
          });
        });
        worksheetMocks.delete(name.toLowerCase());
        const ws = worksheetMock(name);
        return ws;
      },
      getItem: (name: string) => worksheetMock(name),
    })
  );
  const wsc = worksheets as unknown as Record<string, unknown>;
  const handlers: Record<"changed" | "selected", ((args: unknown) => unknown)[]> = {
    changed: [],
    selected: [],
  };
  const event = (kind: "changed" | "selected") => ({
    add: (h: (args: unknown) => unknown) => {
      handlers[kind].push(h);
      return { remove: () => (handlers[kind] = handlers[kind].filter((x) => x !== h)) };
    },
  });
  wsc.onChanged = event("changed");
  wsc.onSelectionChanged = event("selected");
  wsc.load = () => {
    wsc.items = state.sheets.map((sh) => {
      worksheetMocks.delete(sh.name.toLowerCase());
      const w = worksheetMock(sh.name);
      w.load("name,id");
      (w as unknown as Record<string, OfficeMockObject>).protection.load("protected");
      return w;
    });
    return worksheets;
  };

  const namedItem = (n: string) =>
    track(
      new OfficeMockObject({
        name: n,
        type: "Range",
        getRange: () => {
          const ref = state.names.get(n) as string;
          const { sheet, cell } = splitAddress(ref.replace(/^=/, ""));
          return rangeMock(sheet, cell);
        },
        delete: () =>
          pending.push(() => {
            if (!state.names.has(n))
              throw Object.assign(new Error("not found"), { code: "ItemNotFound" });
            state.names.delete(n);
          }),
      })
    );
  const names = track(
    new OfficeMockObject({
      add: (n: string, ref: string) => {
        pending.push(() => {
          if ([...state.names.keys()].some((k) => k.toLowerCase() === n.toLowerCase())) {
            throw Object.assign(new Error(`Navnet ${n} findes`), { code: "ItemAlreadyExists" });
          }
          state.names.set(n, ref);
        });
        return {};
      },
      getItem: (n: string) => {
        const key = [...state.names.keys()].find((k) => k.toLowerCase() === n.toLowerCase()) ?? n;
        return namedItem(key);
      },
    })
  );
  const nc = names as unknown as Record<string, unknown>;
  nc.load = () => {
    nc.items = [...state.names.keys()].map((n) => {
      const item = namedItem(n);
      item.load("name,type");
      return item;
    });
    return names;
  };

  const tableItem = (t: TableState) => {
    const item = track(
      new OfficeMockObject({
        name: t.name,
        isNullObject: false,
        worksheet: { name: t.sheet },
        getRange: () => rangeMock(t.sheet, t.address),
        delete: () =>
          pending.push(() => {
            state.tables = state.tables.filter((x) => x.name !== t.name);
          }),
      })
    );
    return item;
  };
  const tables = track(
    new OfficeMockObject({
      getItemOrNullObject: (n: string) => {
        const t = state.tables.find((x) => x.name.toLowerCase() === n.toLowerCase());
        return t ? tableItem(t) : track(new OfficeMockObject({ isNullObject: true }));
      },
    })
  );
  const tc = tables as unknown as Record<string, unknown>;
  tc.load = () => {
    tc.items = state.tables.map((t) => {
      const item = tableItem(t);
      item.load("name");
      (item as unknown as Record<string, OfficeMockObject>).worksheet.load("name");
      return item;
    });
    return tables;
  };

  const context = new OfficeMockObject({
    workbook: { protection: { protected: state.protected } },
    application: {
      suspendApiCalculationUntilNextSync: () => pending.push(() => state.calculationSuspended++),
    },
  });
  const ctx = context as unknown as Record<string, Record<string, unknown>> & {
    sync: () => Promise<void>;
  };
  ctx.workbook.worksheets = worksheets;
  ctx.workbook.names = names;
  ctx.workbook.tables = tables;
  ctx.sync = async () => {
    syncCount++;
    const queue = pending;
    pending = [];
    if (failAt && --failAt.n === 0) {
      const err = failAt.error;
      failAt = undefined;
      // Excel runs a batch in order and stops at the failing operation: apply the first half.
      queue.slice(0, Math.floor(queue.length / 2)).forEach((op) => op());
      throw Object.assign(new Error(err.message), err);
    }
    for (const op of queue) op();
    syncNow(context);
    for (const m of created) syncNow(m);
    // As in Excel, what was loaded is there once the sync's promise has settled.
    await Promise.resolve();
  };

  return {
    context: context as unknown as Excel.RequestContext,
    state,
    syncs: () => syncCount,
    resetSyncs: () => (syncCount = 0),
    failOnSync: (n, error) => (failAt = { n, error }),
    sheet: (name) => sheetState(name),
    cell: (sheet, address) => findSheet(sheet)?.cells.get(address),
    fire: async (kind, sheet, address) => {
      const s = sheetState(sheet);
      await Promise.all(
        handlers[kind].map((h) => h({ worksheetId: `id-${s.name}`, address, type: kind }))
      );
    },
  };
}
