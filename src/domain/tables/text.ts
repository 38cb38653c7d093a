/** A pack's report tables as terminal text (Danish numbers, "–" where a value cannot be computed). */
import { reasonText, type Result } from "../expr/evaluate";
import { formatDanishNumber } from "../parse/number";
import type { TablesResult } from "./compute";

/** A value as it reads in a text table. */
export function resultText(r: Result | undefined): string {
  if (!r || r.k !== "v") return "–";
  if (typeof r.v === "number") return formatDanishNumber(Math.round(r.v * 100) / 100);
  if (typeof r.v === "boolean") return r.v ? "ja" : "nej";
  return r.v;
}

function pad(s: string, n: number, right: boolean): string {
  const len = [...s].length;
  return len >= n ? s : right ? " ".repeat(n - len) + s : s + " ".repeat(n - len);
}

export function tablesText(r: TablesResult): string {
  const out: string[] = [];
  for (const t of r.tables) {
    const shown = t.columns.filter((c) => c.def.display === "tabel");
    const texts = t.columns.filter((c) => c.def.display === "tekst");
    const head = ["", ...shown.map((c) => c.title)];
    const rows = [...t.rows, ...(t.total ? [t.total] : [])].map((row) => [
      row.label,
      ...shown.map((c) => resultText(row.values[c.id])),
    ]);
    const widths = head.map((h, i) =>
      Math.max([...h].length, ...rows.map((x) => [...x[i]].length))
    );
    const line = (cells: string[]) =>
      cells
        .map((c, i) => pad(c, widths[i], i > 0))
        .join("  ")
        .trimEnd();
    out.push(
      t.def.title,
      line(head),
      widths.map((w) => "-".repeat(w)).join("  "),
      ...rows.map(line)
    );
    for (const c of texts)
      for (const row of t.rows) {
        const v = row.values[c.id];
        if (v?.k === "v") out.push(`  ${resultText(v)}`);
      }
    const reasons = t.rows.flatMap((row) =>
      shown
        .filter((c) => row.values[c.id] && row.values[c.id].k !== "v")
        .map(
          (c) => `  ${row.label}, ${c.title}: kan ikke beregnes (${reasonText(row.values[c.id])})`
        )
    );
    if (reasons.length > 0 && reasons.length <= 20) out.push(...reasons);
    else if (reasons.length > 20)
      out.push(`  ${reasons.length} værdier kan ikke beregnes; se rapportens ark.`);
    if (t.def.note) out.push(`  Note: ${t.def.note}`);
    out.push("");
  }
  if (r.log.length > 0) out.push("Bemærkninger:", ...r.log.map((l) => `  ${l}`));
  return out.join("\n").trimEnd();
}
