/** A1-address helpers for the office-js adapter (pure; no office-js calls). */

/** 1-based column number → letters (1 → "A", 27 → "AA"). */
export function columnLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based row and column → "C7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A rectangle → "B2:D9" (or "B2" for one cell). */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

/** Quote a sheet name for use in an address or formula: 'UKN Data'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits an office-js address such as "'UKN Data'!C7" or "Forside!B2:B3" into sheet and cell. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", cell: address.replace(/\$/g, "") };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, "") };
}

/** Parses "C7" → { row: 7, col: 3 }; undefined for anything else. */
export function parseCell(cell: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * Compresses a set of cells into few rectangles: runs of adjacent columns in one row, then
 * identical runs on consecutive rows merged into one block. Returns A1 addresses.
 */
export function compressCells(cells: readonly { row: number; col: number }[]): string[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  interface Run {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }
  const open = new Map<string, Run>();
  const done: Run[] = [];
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: { left: number; right: number }[] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last.right === c - 1) last.right = c;
      else runs.push({ left: c, right: c });
    }
    const seen = new Set<string>();
    for (const r of runs) {
      const key = `${r.left}:${r.right}`;
      seen.add(key);
      const prev = open.get(key);
      if (prev && prev.bottom === row - 1) prev.bottom = row;
      else {
        if (prev) done.push(prev);
        open.set(key, { top: row, bottom: row, left: r.left, right: r.right });
      }
    }
    for (const [key, run] of open) {
      if (!seen.has(key) && run.bottom < row) {
        done.push(run);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  done.sort((a, b) => a.top - b.top || a.left - b.left);
  return done.map((r) => rangeAddress(r.top, r.left, r.bottom, r.right));
}

/**
 * Joins addresses into comma-separated lists for `worksheet.getRanges`, each at most
 * `maxChars` long (Excel refuses very long multi-area addresses).
 */
export function joinAddresses(addresses: readonly string[], maxChars = 2000): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxChars) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}
