/**
 * *Opregn*: the projection inside Excel. The inputs live in the workbook: *Landstal*,
 * *Kommunedata* and *Indstillinger* (created here with empty tables and help, in the report's
 * layout) and *Data* (from *Indsaml*). »Beregn« runs the projection engine (src/domain/project),
 * shows each nedslagspunkt's result and the outlier suggestions with a toggle per municipality;
 * »Skriv« writes Overblik, the fact sheets and the input sheets with the same live formulas as
 * the CLI's workbook (src/domain/report), plus a native chart of the national increase with its
 * span. Loaded on demand: the engine is not part of the pane's start bundle.
 */
import * as React from "react";
import { Button, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { KommuneReturn } from "../../domain/model";
import { formatDanishNumber } from "../../domain/parse";
import { project, type ProjectionResult } from "../../domain/project/engine";
import type { Indstillinger, Kommunedata, Landstal } from "../../domain/project/inputs";
import { SHEET, buildReport } from "../../domain/report";
import type { SheetPlan } from "../../domain/layout/types";
import { renderWorkbookPlan } from "../../excel/render";
import { writeReport } from "../../excel/report";
import { readTables } from "../../excel/table";
import { withExcel } from "../office";
import { INPUT_SOURCES, readIndstillinger, readKommunedata, readLandstal, returnsFromData } from "../opregnSheets";
import { usePane } from "../state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: "6px", display: "flex", flexDirection: "column", gap: "2px" },
});

const INPUT_SHEETS = [SHEET.landstal, SHEET.kommunedata, SHEET.indstillinger] as const;
export const CHART_SHEET = "Diagram";

interface Inputs {
  readonly returns: KommuneReturn[];
  readonly landstal: Landstal;
  readonly kommunedata: Kommunedata;
  readonly indstillinger: Indstillinger;
}

const av = (v: number | null) => (v === null ? "–" : formatDanishNumber(v, 1));

/** The chart's data: per nedslagspunkt the span's low end, its width and the national increase. */
export function chartSheet(result: ProjectionResult): SheetPlan {
  const rows = result.nedslagspunkter.filter((n) => n.spaend && n.alle.stigning !== null);
  return {
    name: CHART_SHEET,
    cells: [
      { row: 1, col: 1, value: "Nedslagspunkt", style: "yearHeader" },
      { row: 1, col: 2, value: "Spænd, nedre", style: "yearHeader" },
      { row: 1, col: 3, value: "Spænd", style: "yearHeader" },
      { row: 1, col: 4, value: "Stigning (N)", style: "yearHeader" },
      ...rows.flatMap((n, i) => [
        { row: i + 2, col: 1, value: n.navn, style: "label" as const },
        { row: i + 2, col: 2, value: n.spaend!.lav, numFmt: "0" },
        { row: i + 2, col: 3, value: n.spaend!.hoej - n.spaend!.lav, numFmt: "0" },
        { row: i + 2, col: 4, value: n.alle.stigning, numFmt: "0.0" },
      ]),
    ],
    merges: [],
    columnWidths: { 1: 36, 2: 14, 3: 10, 4: 14 },
    protect: false,
  };
}

export default function Opregn(): React.JSX.Element {
  const styles = useStyles();
  const { info, attempt, notify, refresh } = usePane();
  const [inputs, setInputs] = React.useState<Inputs | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const missing = INPUT_SHEETS.filter((s) => !(info?.sheets ?? []).some((x) => x.toLowerCase() === s.toLowerCase()));

  const result = React.useMemo(
    () =>
      inputs
        ? project({ returns: inputs.returns, landstal: inputs.landstal, kommunedata: inputs.kommunedata, indstillinger: inputs.indstillinger })
        : undefined,
    [inputs],
  );

  const read = async (): Promise<Inputs | undefined> => {
    const r = await attempt(() => withExcel((ctx) => readTables(ctx, INPUT_SOURCES)));
    if (!r) return undefined;
    return {
      returns: returnsFromData(r.tables[SHEET.data]),
      landstal: readLandstal(r.tables[SHEET.landstal]),
      kommunedata: readKommunedata(r.tables[SHEET.kommunedata]),
      indstillinger: readIndstillinger(r.tables[SHEET.indstillinger]),
    };
  };

  const createInputs = async () => {
    setBusy(true);
    const current = await read();
    if (current) {
      const res = project({ returns: current.returns, landstal: current.landstal, kommunedata: current.kommunedata });
      const plan = buildReport({ result: res, returns: current.returns, landstal: current.landstal, kommunedata: current.kommunedata });
      const sheets = plan.sheets.filter((s) => (missing as readonly string[]).includes(s.name));
      const done = await attempt(() => withExcel((ctx) => renderWorkbookPlan(ctx, { sheets })));
      if (done) {
        notify({ intent: "success", text: `Oprettet: ${sheets.map((s) => s.name).join(", ")}. Udfyld de gule celler, og tryk »Beregn«.` });
        await refresh();
      }
    }
    setBusy(false);
  };

  const compute = async () => {
    setBusy(true);
    notify(undefined);
    const r = await read();
    setBusy(false);
    if (r && r.returns.length === 0) notify({ intent: "warning", text: "Arket »Data« har ingen indberetninger endnu. Brug »Indsaml« først." });
    if (r) setInputs(r);
  };

  const toggle = (id: string, kommune: string, exclude: boolean) =>
    setInputs((prev) => {
      if (!prev) return prev;
      const i = prev.indstillinger;
      const without = (m: Readonly<Record<string, readonly string[]>> | undefined) => ({
        ...(m ?? {}),
        [id]: (m?.[id] ?? []).filter((k) => k !== kommune),
      });
      const udelad = without(i.udelad);
      const medtag = without(i.medtag);
      if (exclude) udelad[id] = [...udelad[id], kommune];
      else medtag[id] = [...medtag[id], kommune];
      return { ...prev, indstillinger: { ...i, udelad, medtag } };
    });

  const write = async () => {
    if (!inputs || !result) return;
    setBusy(true);
    const plan = buildReport({ result, returns: inputs.returns, landstal: inputs.landstal, kommunedata: inputs.kommunedata });
    const diagram = chartSheet(result);
    const count = diagram.cells.filter((c) => c.col === 1).length - 1;
    const done = await attempt(() =>
      withExcel((ctx) =>
        writeReport(
          ctx,
          { sheets: [...plan.sheets, diagram] },
          count > 0
            ? { sheet: CHART_SHEET, top: 1, left: 1, count, title: "Øget belastning pr. nedslagspunkt (årsværk, alle kommuner)", anchor: "F2" }
            : undefined,
        ),
      ),
    );
    setBusy(false);
    if (done) {
      notify({ intent: "success", title: "Opregning skrevet", text: `${plan.sheets.length + 1} ark skrevet med formler, der regner videre, når I retter Landstal, Kommunedata eller Indstillinger.` });
      await refresh();
    }
  };

  return (
    <div className={styles.root}>
      <Text>
        Opregningen bruger arkene »Data« (fra »Indsaml«), »Landstal«, »Kommunedata« og »Indstillinger«. Udfyld dem, beregn, og skriv
        Overblik og faktaark.
      </Text>
      <div className={styles.actions}>
        {missing.length > 0 && (
          <Button onClick={createInputs} disabled={busy}>
            Opret {missing.join(", ")}
          </Button>
        )}
        <Button appearance="primary" onClick={compute} disabled={busy}>
          Beregn
        </Button>
        <Button onClick={write} disabled={busy || !result}>
          Skriv Overblik og faktaark
        </Button>
      </div>
      {result && (
        <ul className={styles.list} aria-label="Resultat pr. nedslagspunkt">
          {result.nedslagspunkter.map((n) => (
            <li key={n.id} className={styles.item}>
              <Text weight="semibold">{n.navn}</Text>
              {n.kan_ikke_beregnes ? (
                <Text size={200}>Kan ikke beregnes: {n.kan_ikke_beregnes}</Text>
              ) : (
                <Text size={200}>
                  Alle kommuner {n.basisaar}: {av(n.alle.basis)} → {n.slutaar}: {av(n.alle.slut)} årsværk; øget belastning{" "}
                  {n.spaend?.tekst ?? av(n.alle.stigning)}. Kommuner: {n.kommuner.length}. Datakvalitet: {n.datakvalitet.niveau}.
                </Text>
              )}
              {n.forslag.map((f) => {
                const excluded = (inputs?.indstillinger.udelad?.[n.id] ?? []).includes(f.kommune);
                return (
                  <Switch
                    key={`${f.kommune}-${f.komponent}-${f.aar}`}
                    checked={excluded}
                    onChange={(_, d) => toggle(n.id, f.kommune, d.checked)}
                    label={`Udelad ${f.kommune} (afviger i ${f.aar}, modificeret z = ${formatDanishNumber(f.z, 1)})`}
                  />
                );
              })}
              {n.udeladt.length > 0 && (
                <Text size={200}>Udeladt: {n.udeladt.map((u) => `${u.kommune} (${u.grund})`).join("; ")}</Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
