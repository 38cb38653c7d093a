/** A1 addressing helpers (1-based rows and columns). */

export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C7" for (7, 3). */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "$C$7" for (7, 3). */
export function absA1(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

/** Parses "C7" or "$C$7" into 1-based row and column; undefined when it is no single cell. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** A sheet name as it must appear in a formula or defined name: quoted when needed. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A range with its sheet: sheet name and first and last row and column (1-based). */
export interface SheetRange {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Parses "'Figurdata'!$C$5:$C$97" (or a single cell) into its sheet and rectangle. */
export function parseSheetRange(ref: string): SheetRange | undefined {
  const m =
    /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(
      ref.trim()
    );
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const top = Number(m[4]);
  const left = col(m[3]);
  return {
    sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2],
    top,
    left,
    bottom: m[6] ? Number(m[6]) : top,
    right: m[5] ? col(m[5]) : left,
  };
}
