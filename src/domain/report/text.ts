/**
 * The fact sheet's "Uddybet om data, beregningsmodel og antagelser", written from the run:
 * which municipalities are in the calculation (and which were left out and why), the method,
 * per part the spread of the municipalities' figures (lowest, highest, mean), the national
 * figure used and the hours per årsværk. Every number goes through the Danish formatter.
 */
import type { MethodDef } from "../project/definitions";
import type { NedslagspunktResultat } from "../project/engine";
import { valueForYear } from "../project/inputs";
import { formatDanishNumber } from "../parse/number";
import type { ReportContext } from "./context";

/** A number rounded to `decimals` (at least enough to show two significant digits). */
export function danish(value: number, decimals = 1): string {
  const abs = Math.abs(value);
  const d =
    abs === 0 || abs >= 10
      ? decimals
      : Math.max(decimals, Math.min(5, 1 - Math.floor(Math.log10(abs))));
  return formatDanishNumber(value, d);
}

/** "a, b og c". */
export function listDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

function count(n: number, one: string, many: string): string {
  return `${formatDanishNumber(n)} ${n === 1 ? one : many}`;
}

/** The municipalities in the calculation and those left out, in one or two sentences. */
export function municipalitiesText(np: NedslagspunktResultat): string {
  const used = np.kommuner;
  const out = [
    used.length === 0
      ? "Ingen kommuner indgår i beregningen."
      : `${count(used.length, "kommune", "kommuner")} indgår i beregningen: ${listDanish(used)}.`,
  ];
  if (np.udeladt.length > 0)
    out.push(`Udeladt: ${np.udeladt.map((u) => `${u.kommune} (${u.grund})`).join("; ")}.`);
  return out.join(" ");
}

/** How the figures were computed, from the data of the run. */
export function dataText(def: MethodDef, np: NedslagspunktResultat, ctx: ReportContext): string {
  const out: string[] = [def.metode];
  const y = np.slutaar;
  const year = np.aar.find((a) => a.year === y);
  def.components.forEach((c, ci) => {
    const cy = year?.components[ci];
    if (!cy) return;
    const label =
      c.ratios.length === 1
        ? c.ratios[0].label
        : `${def.enhed === "aarsvaerk" ? "Årsværk" : "Timer"} pr. ${c.unitName}`;
    const prefix = def.components.length > 1 ? `${c.label}: ` : "";
    const rs = [...cy.ratios].sort((a, b) => a.r - b.r);
    if (rs.length === 1) {
      out.push(`${prefix}${label} er ${danish(rs[0].r)} i ${y} (${rs[0].kommune}).`);
    } else if (rs.length > 1 && cy.rbar !== null) {
      const lo = rs[0];
      const hi = rs[rs.length - 1];
      out.push(
        `${prefix}${label} varierer i ${y} fra ${danish(lo.r)} (${lo.kommune}) til ${danish(hi.r)} (${hi.kommune}); gennemsnittet af ${count(rs.length, "kommune", "kommuner")} er ${danish(cy.rbar)}.`
      );
    }
    if ("twoStage" in c.national) {
      const ts = c.national.twoStage;
      const base = (ctx.kdLabels[ts.base] ?? ts.base).toLowerCase();
      const nb = valueForYear(ctx.landstal[ts.landstal], y);
      out.push(
        `Antallet af ${c.unitPlural} på landsplan er skønnet som de undersøgte kommuners ${c.unitPlural} pr. ${base} ganget med ${(ctx.landstalLabels[ts.landstal] ?? ts.landstal).toLowerCase()}${nb === undefined ? "" : ` (${formatDanishNumber(nb)})`}, i alt ${danish(cy.nationalUnits)}.`
      );
    } else {
      const key = c.national.landstal;
      out.push(
        `På landsplan er brugt landstallet »${ctx.landstalLabels[key] ?? key}« for ${y}: ${formatDanishNumber(cy.nationalUnits)}.`
      );
    }
  });
  if (def.enhed === "timer")
    out.push(
      `Timerne er omregnet til årsværk med ${formatDanishNumber(ctx.settings.timer_pr_aarsvaerk)} timer pr. effektivt årsværk.`
    );
  for (const f of np.forslag)
    out.push(
      `${f.kommune} afviger i ${f.aar} (modificeret z = ${formatDanishNumber(f.z, 1)})${f.medtaget ? " og er medtaget efter indstilling" : "; kommunen kan overvejes udeladt, det er ikke gjort"}.`
    );
  for (const n of np.afvigerNoter) out.push(`Afvigere: ${n}`);
  return out.join(" ");
}
