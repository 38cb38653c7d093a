/**
 * *Opregn*: the projection inside Excel, as four numbered steps. The inputs live in the
 * workbook: *Landstal*, *Kommunedata* and *Indstillinger* (created here, in the report's layout,
 * Landstal and Kommunedata as Excel tables) and *Data* (from *Indsaml*). »Beregn« runs the
 * survey's projection, shows each nedslagspunkt's result with its Datakvalitet as a badge and
 * a switch per suggested outlier; »Skriv« writes Overblik, the fact sheets and the input sheets
 * with the same live formulas as the CLI's workbook, plus a native chart. The engine is loaded
 * on demand (`survey.projection()`), so it is not part of the pane's start bundle.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { KommuneReturn } from "../../domain/model";
import { formatDanishNumber } from "../../domain/parse";
import { renderWorkbookPlan } from "../../excel/render";
import { writeReport } from "../../excel/report";
import { readTables } from "../../excel/table";
import { withExcel } from "../office";
import { usePane } from "../state";
import type { ProjectionModule } from "../survey";
import { useSurvey } from "../surveyContext";
import { Step, Steps, useStepStyles } from "./Steps";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: "6px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  head: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  name: { flex: 1, minWidth: "140px" },
  span: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const QUALITY_BADGE = { Høj: "success", Middel: "warning", Lav: "danger" } as const;

type Projection = ProjectionModule;
type Result = ReturnType<Projection["project"]>;

interface Inputs {
  readonly returns: KommuneReturn[];
  readonly landstal: ReturnType<Projection["readLandstal"]>;
  readonly kommunedata: ReturnType<Projection["readKommunedata"]>;
  readonly indstillinger: ReturnType<Projection["readIndstillinger"]>;
}

const av = (v: number | null) => (v === null ? "–" : formatDanishNumber(v, 1));


const OpregnTabeller = React.lazy(() => import(/* webpackChunkName: "opregn-tabeller" */ "./OpregnTabeller"));

/** The projection (kl2024) or any pack's report tables. */
export default function Opregn(): React.JSX.Element {
  const survey = useSurvey();
  if (survey.kind === "tabeller")
    return (
      <React.Suspense fallback={<Spinner size="small" label="Indlæser …" />}>
        <OpregnTabeller />
      </React.Suspense>
    );
  return <OpregnProjektion />;
}

function OpregnProjektion(): React.JSX.Element {
  const styles = useStyles();
  const steps = useStepStyles();
  const survey = useSurvey();
  const { info, attempt, notify, refresh } = usePane();
  const [p, setP] = React.useState<Projection | undefined>(undefined);
  const [inputs, setInputs] = React.useState<Inputs | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [written, setWritten] = React.useState(false);

  React.useEffect(() => {
    void survey.projection().then(setP);
  }, [survey]);

  const result: Result | undefined = React.useMemo(
    () => (p && inputs ? p.project(inputs) : undefined),
    [p, inputs]
  );

  if (!p) return <Spinner size="small" label="Indlæser opregningen …" />;

  const inputSheets = [p.SHEET.landstal, p.SHEET.kommunedata, p.SHEET.indstillinger];
  const sheets = new Set((info?.sheets ?? []).map((s) => s.toLowerCase()));
  const missing = inputSheets.filter((s) => !sheets.has(s.toLowerCase()));
  const hasData = sheets.has(p.SHEET.data.toLowerCase());

  const read = async (): Promise<Inputs | undefined> => {
    const r = await attempt(() => withExcel((ctx) => readTables(ctx, p.INPUT_SOURCES)), "Beregn: arkene kunne ikke læses");
    if (!r) return undefined;
    return {
      returns: p.returnsFromData(r.tables[p.SHEET.data]),
      landstal: p.readLandstal(r.tables[p.SHEET.landstal]),
      kommunedata: p.readKommunedata(r.tables[p.SHEET.kommunedata]),
      indstillinger: p.readIndstillinger(r.tables[p.SHEET.indstillinger]),
    };
  };

  const createInputs = async () => {
    setBusy(true);
    notify(undefined);
    const current = await read();
    if (current) {
      const res = p.project({ returns: current.returns, landstal: current.landstal, kommunedata: current.kommunedata });
      const plan = p.buildReport({ result: res, returns: current.returns, landstal: current.landstal, kommunedata: current.kommunedata });
      const add = plan.sheets.filter((s) => (missing as readonly string[]).includes(s.name));
      const done = await attempt(
        () => withExcel((ctx) => renderWorkbookPlan(ctx, { sheets: add }), { write: true }),
        "Opret inputark: intet er ændret"
      );
      if (done) {
        notify({ intent: "success", text: `Oprettet: ${add.map((s) => s.name).join(", ")}. Udfyld de gule celler, og tryk »Beregn«.` });
        await refresh();
      }
    }
    setBusy(false);
  };

  const compute = async () => {
    setBusy(true);
    notify(undefined);
    setWritten(false);
    const r = await read();
    setBusy(false);
    if (r && r.returns.length === 0)
      notify({ intent: "warning", text: "Arket »Data« har ingen indberetninger endnu. Brug »Indsaml« først." });
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
    notify(undefined);
    const plan = p.buildReport({ result, returns: inputs.returns, landstal: inputs.landstal, kommunedata: inputs.kommunedata });
    const diagram = p.chartSheet(result);
    const count = diagram.cells.filter((c) => c.col === 1).length - 1;
    const done = await attempt(
      () =>
        withExcel(
          (ctx) =>
            writeReport(
              ctx,
              { sheets: [...plan.sheets, diagram] },
              count > 0
                ? {
                    sheet: p.CHART_SHEET,
                    top: 1,
                    left: 1,
                    count,
                    title: "Øget belastning pr. nedslagspunkt (årsværk, alle kommuner)",
                    anchor: "F2",
                  }
                : undefined
            ),
          { write: true }
        ),
      "Skriv Overblik: intet er ændret"
    );
    setBusy(false);
    if (done) {
      setWritten(true);
      notify({
        intent: "success",
        title: "Opregning skrevet",
        text: `${plan.sheets.length + 1} ark skrevet med formler, der regner videre, når I retter Landstal, Kommunedata eller Indstillinger.`,
      });
      await refresh();
    }
  };

  return (
    <div className={steps.root}>
      <Steps label="Trin i opregningen">
        <Step n={1} done={missing.length === 0} title="Opret inputark">
          {missing.length > 0 ? (
            <>
              <Text size={200} className={steps.muted}>
                {missing.join(", ")} oprettes med gule celler til landstal, kommunernes tal og indstillinger.
              </Text>
              <div>
                <Button appearance="primary" size="small" onClick={createInputs} disabled={busy}>
                  Opret inputark
                </Button>
              </div>
            </>
          ) : (
            <Text size={200} className={steps.muted}>
              Landstal, Kommunedata og Indstillinger findes.
            </Text>
          )}
        </Step>
        <Step n={2} done={false} title="Udfyld de gule celler">
          <Text size={200} className={steps.muted}>
            I arkene Landstal, Kommunedata og Indstillinger. {hasData ? "Data er indsamlet." : "Indsaml først kommunernes svar."}
          </Text>
        </Step>
        <Step n={3} done={result !== undefined} title="Beregn">
          <div>
            <Button
              appearance={missing.length === 0 && !result ? "primary" : "secondary"}
              size="small"
              onClick={compute}
              disabled={busy}
            >
              Beregn
            </Button>
          </div>
        </Step>
        <Step n={4} done={written} title="Skriv Overblik og faktaark">
          <div>
            <Button appearance={result ? "primary" : "secondary"} size="small" onClick={write} disabled={busy || !result}>
              Skriv Overblik og faktaark
            </Button>
          </div>
        </Step>
      </Steps>
      {busy && <Spinner size="tiny" label="Arbejder …" />}
      {result && (
        <ul className={styles.list} aria-label="Resultat pr. nedslagspunkt">
          {result.nedslagspunkter.map((n) => (
            <li key={n.id} className={styles.item}>
              <div className={styles.head}>
                <Text weight="semibold" className={styles.name}>
                  {n.navn}
                </Text>
                {!n.kan_ikke_beregnes && (
                  <Badge
                    appearance="tint"
                    color={QUALITY_BADGE[n.datakvalitet.niveau as keyof typeof QUALITY_BADGE] ?? "informative"}
                  >
                    Datakvalitet: {n.datakvalitet.niveau}
                  </Badge>
                )}
              </div>
              {n.kan_ikke_beregnes ? (
                <Text size={200}>Kan ikke beregnes: {n.kan_ikke_beregnes}</Text>
              ) : (
                <>
                  <Text className={styles.span}>{n.spaend?.tekst ?? av(n.alle.stigning)} årsværk</Text>
                  <Text size={200} className={steps.muted}>
                    Alle kommuner {n.basisaar}: {av(n.alle.basis)} → {n.slutaar}: {av(n.alle.slut)} · {n.kommuner.length}{" "}
                    {n.kommuner.length === 1 ? "kommune" : "kommuner"}
                  </Text>
                </>
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
                <Accordion collapsible>
                  <AccordionItem value="udeladt">
                    <AccordionHeader size="small">
                      {n.udeladt.length} {n.udeladt.length === 1 ? "kommune udeladt" : "kommuner udeladt"}
                    </AccordionHeader>
                    <AccordionPanel>
                      <ul className={styles.list}>
                        {n.udeladt.map((u) => (
                          <li key={u.kommune}>
                            <Text size={200}>
                              {u.kommune}: {u.grund}
                            </Text>
                          </li>
                        ))}
                      </ul>
                    </AccordionPanel>
                  </AccordionItem>
                </Accordion>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
