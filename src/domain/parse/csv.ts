/**
 * CSV text as rows of cells, the way Danish spreadsheet programs write it: separator `;` (or `,`
 * or tab, whichever the first line uses outside quotes), fields in double quotes where they hold a
 * separator, a quote (doubled) or a line break, CRLF or LF line ends, an optional byte-order mark.
 * Cells are text; numbers are read by the caller (decimal comma). Never throws.
 */

export type CsvResult =
  | { readonly ok: true; readonly rows: string[][]; readonly separator: string }
  | { readonly ok: false; readonly error: string };

/** The separator the first line uses most, outside quotes (`;` when none). */
function separatorOf(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ";";
}

/** Splits CSV text into rows (empty lines dropped); `maxCells` bounds the work on a huge file. */
export function parseCsv(input: string, maxCells = 2_000_000): CsvResult {
  const text = input.replace(/^\uFEFF/, "");
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let cells = 0;
  let line = 1;
  let quoteLine = 0;
  const endCell = () => {
    row.push(cell);
    cell = "";
    cells++;
  };
  const endRow = () => {
    endCell();
    if (row.some((c) => c.trim() !== "")) rows.push(row);
    row = [];
    line++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
      quoteLine = line;
    } else if (c === sep) endCell();
    else if (c === "\r") {
      if (text[i + 1] === "\n") i++;
      endRow();
    } else if (c === "\n") endRow();
    else cell += c;
    if (cells > maxCells)
      return { ok: false, error: `filen har over ${maxCells.toLocaleString("da-DK")} celler` };
  }
  if (quoted) return { ok: false, error: `et anførselstegn i linje ${quoteLine} lukkes aldrig` };
  if (cell !== "" || row.length > 0) endRow();
  return { ok: true, rows, separator: sep };
}
