/**
 * The open workbook as the panes see it, kept up to date by Excel's events: the fields' values
 * (read by defined name), their validation, and the field behind the selected cell. Udfyld and
 * Valider both read this one store, so typing in a cell refreshes the form's values and
 * findings and Valider's list without a button, and selecting an input cell shows its field.
 *
 * Framework-free (React subscribes with useSyncExternalStore), with the reading injected, so
 * the tests drive it with office-addin-mock and fired events.
 */
import type { KommuneReturn, RawReturn } from "../domain/model";
import type { WorkbookChange } from "../excel/events";

export interface LiveState {
  readonly raw?: RawReturn;
  /** `raw` validated by the survey's rules. */
  readonly result?: KommuneReturn;
  readonly loading: boolean;
  /** The field id behind the selected cell (an input cell), if any. */
  readonly selected?: string;
  /** How many times the workbook was read (for tests and the sync budget). */
  readonly reads: number;
}

export interface LiveOptions {
  /** Reads every field of the workbook (2 syncs with the office-js adapter). */
  readonly read: () => Promise<RawReturn | undefined>;
  readonly validate: (raw: RawReturn) => KommuneReturn;
  /** Coalesces bursts of change events (a paste, a fill-down) into one read; ms. */
  readonly debounceMs?: number;
}

export class LiveWorkbook {
  private state: LiveState = { loading: false, reads: 0 };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<void> | undefined;
  private again = false;

  constructor(private readonly options: LiveOptions) {}

  get = (): LiveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<LiveState>): void {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  /** Reads the workbook now (a read already running is followed by exactly one more). */
  refresh = async (): Promise<void> => {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.set({ loading: true });
    this.reading = (async () => {
      try {
        const raw = await this.options.read();
        this.set({
          raw,
          result: raw ? this.options.validate(raw) : undefined,
          reads: this.state.reads + 1,
        });
      } finally {
        this.reading = undefined;
        this.set({ loading: false });
      }
      if (this.again) {
        this.again = false;
        await this.refresh();
      }
    })();
    return this.reading;
  };

  /** A cell changed somewhere: read again if it is on a sheet that holds fields. */
  changed = (change: WorkbookChange): Promise<void> => {
    const raw = this.state.raw;
    const relevant =
      !raw ||
      Object.values(raw.cells).some(
        (c) => c.location?.sheet.toLowerCase() === change.sheet.toLowerCase()
      );
    if (!relevant) return Promise.resolve();
    const wait = this.options.debounceMs ?? 0;
    if (this.timer) clearTimeout(this.timer);
    return new Promise((resolve) => {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.refresh().then(resolve, resolve);
      }, wait);
    });
  };

  /** The selection moved: remember the field whose cell it is (undefined elsewhere). */
  selected = (change: WorkbookChange): void => {
    const cell = change.address.split(":")[0].replace(/\$/g, "").toUpperCase();
    const sheet = change.sheet.toLowerCase();
    const hit = Object.entries(this.state.raw?.cells ?? {}).find(
      ([, c]) => c.location?.sheet.toLowerCase() === sheet && c.location.cell.toUpperCase() === cell
    );
    if (hit?.[0] !== this.state.selected) this.set({ selected: hit?.[0] });
  };

  /** A value the pane itself wrote (shown at once; the change event reads it back). */
  wrote = (id: string, value: RawReturn["cells"][string]["value"]): void => {
    const raw = this.state.raw;
    if (!raw) return;
    const cells = { ...raw.cells, [id]: { ...raw.cells[id], value } };
    const next = { ...raw, cells };
    this.set({ raw: next, result: this.options.validate(next) });
  };
}
