/**
 * *Opregn* for a pack with report tables (every pack but kl2024's projection), as three steps:
 * the input sheets (each input table from a file, the same .json, .csv or .xlsx as `byrde opregn --data`,
 * and *Indstillinger* with the pack's defaults), »Beregn« (the Data sheet, the settings and the
 * input tables read back from the workbook, so a figure changed in a sheet counts), and »Skriv
 * rapport« (the same workbook as `byrde opregn --pakke`, with live formulas). A sheet that exists
 * is replaced only when the user says so. The calculation is loaded on demand.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { KommuneReturn } from "../../domain/model";
import type { InputTable } from "../../domain/pack/env";
import type { InputTableDef } from "../../domain/pack/model";
import type { SheetPlan } from "../../domain/layout/types";
import { renderWorkbookPlan } from "../../excel/render";
import { writeReport } from "../../excel/report";
import { readTables, type Table, type TableSource } from "../../excel/table";
import { DATA_SHEET, DATA_TABLE } from "../dataSheet";
import { withExcel } from "../office";
import { usePane } from "../state";
import type { TablesModule } from "../survey";
import { useSurvey } from "../surveyContext";
import { HiddenFileInput, INPUT_FILES } from "../HiddenFileInput";
import { Step, Steps, useStepStyles } from "./Steps";

const useStyles = makeStyles({
  inputs: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  input: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap", minWidth: 0 },
  inputName: { flex: 1, minWidth: "120px", overflowWrap: "anywhere" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: "2px 4px",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
      // break-word, not anywhere: a word is split only when it must be, so labels keep their width.
      overflowWrap: "break-word",
      hyphens: "auto",
    },
    "& th": { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
    // Fixed layout: the label column keeps 40 %, the figures share the rest (their headers wrap).
    tableLayout: "fixed",
    "& thead th:first-child": { width: "40%" },
    "& tbody th": { fontWeight: tokens.fontWeightRegular },
    "& th.tal": { textAlign: "right" },
    "& td.tal": { textAlign: "right", whiteSpace: "nowrap" },
  },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  total: { fontWeight: tokens.fontWeightSemibold },
  log: { margin: 0, paddingLeft: "16px", overflowWrap: "anywhere" },
});

/**
 * The least width (em) of a table whose figure columns (`columns` of them, sharing 60 % beside
 * the 40 % label column) must hold `chars` characters each without overlapping; digits are about
 * 0,6 em wide, plus the cell's padding.
 */
function minTableEm(columns: number, chars: number): number {
  return Math.ceil((columns * (chars * 0.6 + 0.7)) / 0.6);
}

/** Columns of a report table shown in the pane (the rest are in the report workbook). */
const SHOWN_COLUMNS = 3;
/** Rows of a report table shown in the pane. */
const SHOWN_ROWS = 30;

type Result = ReturnType<TablesModule["computeTables"]>;


/** A pending »replace this sheet?« question. */
interface Question {
  readonly sheet: string;
  readonly answer: (replace: boolean) => void;
}

export default function OpregnTabeller(): React.JSX.Element {
  const styles = { ...useStepStyles(), ...useStyles() };
  const survey = useSurvey();
  const pack = survey.pack;
  const { info, attempt, notify, refresh } = usePane();
  const [t, setT] = React.useState<TablesModule | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [computed, setComputed] = React.useState<{ result: Result; returns: KommuneReturn[] } | undefined>(undefined);
  const [written, setWritten] = React.useState(false);
  const [question, setQuestion] = React.useState<Question | undefined>(undefined);
  const fileFor = React.useRef<InputTableDef | undefined>(undefined);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    void survey.tables().then(setT);
    setComputed(undefined);
  }, [survey]);

  if (!t) return <Spinner size="small" label="Indlæser beregningen …" />;

  const names = t.inputSheetNames(pack);
  const sheets = new Set((info?.sheets ?? []).map((s) => s.toLowerCase()));
  const has = (name: string) => sheets.has(name.toLowerCase());
  const settingsSheet = t.TABLES_SHEET.indstillinger;
  const inputsReady = pack.inputs.every((d) => has(names.get(d.id)!)) && (pack.settings.length === 0 || has(settingsSheet));

  const ask = (sheet: string) =>
    new Promise<boolean>((resolve) =>
      setQuestion({
        sheet,
        answer: (replace) => {
          setQuestion(undefined);
          resolve(replace);
        },
      })
    );

  /** Writes some sheets of the report made from `inputs` (asking before replacing one). */
  const writeSheets = async (
    wanted: readonly string[],
    inputs: Record<string, InputTable>
  ): Promise<boolean> => {
    const existing = wanted.filter(has);
    for (const s of existing) if (!(await ask(s))) return false;
    const result = t.computeTables({ pack, returns: [], inputs });
    const plan = t.buildTablesReport({ result, returns: [] });
    const add: SheetPlan[] = plan.sheets.filter((s) => wanted.includes(s.name));
    const done = await attempt(
      () => withExcel((ctx) => renderWorkbookPlan(ctx, { sheets: add }, { replace: existing }), { write: true }),
      "Inputark: intet er ændret"
    );
    if (done) await refresh();
    return done !== undefined;
  };

  const loadInput = async (def: InputTableDef, file: File) => {
    notify(undefined);
    // JSON in the table's shape, or a register extract (.csv, .xlsx) with one row per respondent.
    const parsed = t.inputTableFromFile(pack, def, file.name, new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok) {
      notify({
        intent: "error",
        title: `»${file.name}« passer ikke til »${def.name}«`,
        text: parsed.errors.slice(0, 8).join(" ") + (parsed.errors.length > 8 ? ` … og ${parsed.errors.length - 8} flere.` : ""),
      });
      return;
    }
    setBusy(true);
    const sheet = names.get(def.id)!;
    if (await writeSheets([sheet], { [def.id]: parsed.value }))
      notify({ intent: "success", text: `»${def.name}« er skrevet til arket »${sheet}«. Ret tallene dér, hvis det er nødvendigt.` });
    setBusy(false);
  };

  const createSettings = async () => {
    setBusy(true);
    notify(undefined);
    if (await writeSheets([settingsSheet], {}))
      notify({ intent: "success", text: `Arket »${settingsSheet}« er oprettet med pakkens standardværdier og deres kilder.` });
    setBusy(false);
  };

  const compute = async () => {
    setBusy(true);
    notify(undefined);
    setWritten(false);
    const sources: TableSource[] = [
      { sheet: DATA_SHEET, table: DATA_TABLE },
      { sheet: settingsSheet },
      ...pack.inputs.map((d) => ({ sheet: names.get(d.id)! })),
    ];
    const r = await attempt(() => withExcel((ctx) => readTables(ctx, sources)), "Beregn: arkene kunne ikke læses");
    setBusy(false);
    if (!r) return;
    const grid = (x: Table | undefined) => (x ? [x.header, ...x.rows] : []);
    const errors: string[] = [];
    const settingsTable = r.tables[settingsSheet];
    let settings = {};
    if (settingsTable) {
      const s = t.settingsFromSheet(pack, grid(settingsTable));
      if (s.ok) settings = s.value;
      else errors.push(...s.errors.map((e) => `Arket »${settingsSheet}«: ${e}`));
    }
    const inputs: Record<string, InputTable> = {};
    for (const d of pack.inputs) {
      const sheet = names.get(d.id)!;
      const table = r.tables[sheet];
      if (!table) continue;
      const p = t.inputTableFromSheet(pack, d, grid(table));
      if (p.ok) inputs[d.id] = p.value;
      else errors.push(...p.errors.map((e) => `Arket »${sheet}«: ${e}`));
    }
    if (errors.length) {
      notify({ intent: "error", title: "Beregn: ret arkene først", text: errors.slice(0, 8).join(" ") });
      return;
    }
    const returns = t.returnsFromDataSheet(pack, grid(r.tables[DATA_SHEET]));
    if (returns.length === 0)
      notify({
        intent: "warning",
        text: `Arket »${DATA_SHEET}« har ingen indberetninger endnu. Brug »Indsaml« først; tabellerne nedenfor er uden svar.`,
      });
    setComputed({ result: t.computeTables({ pack, returns, inputs, settings }), returns });
  };

  const write = async () => {
    if (!computed) return;
    setBusy(true);
    notify(undefined);
    const plan = t.buildTablesReport({ result: computed.result, returns: computed.returns });
    const done = await attempt(() => withExcel((ctx) => writeReport(ctx, plan), { write: true }), "Skriv rapport: intet er ændret");
    setBusy(false);
    if (done) {
      setWritten(true);
      notify({
        intent: "success",
        title: "Rapport skrevet",
        text: `${plan.sheets.length} ark skrevet med formler, der regner videre, når I retter Data, ${settingsSheet} eller inputarkene.`,
      });
      await refresh();
    }
  };

  const tables = computed?.result.tables ?? [];
  return (
    <div className={styles.root}>
      <Steps label="Trin i beregningen">
        <Step n={1} done={inputsReady} title="Inddata">
            {pack.inputs.length === 0 && pack.settings.length === 0 && (
              <Text size={200} className={styles.muted}>
                Pakken bruger kun de indsamlede svar.
              </Text>
            )}
            <HiddenFileInput
              ref={fileInput}
              accept={INPUT_FILES}
              onFiles={([f]) => {
                if (fileFor.current) void loadInput(fileFor.current, f);
              }}
            />
            <ul className={styles.inputs}>
              {pack.inputs.map((d) => {
                const sheet = names.get(d.id)!;
                return (
                  <li key={d.id} className={styles.input}>
                    <Text size={200} className={styles.inputName}>
                      {d.name}{" "}
                      <span className={styles.muted}>{has(sheet) ? `(arket »${sheet}«)` : "(mangler)"}</span>
                    </Text>
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() => {
                        fileFor.current = d;
                        fileInput.current?.click();
                      }}
                    >
                      Indlæs fra fil …
                    </Button>
                  </li>
                );
              })}
              {pack.settings.length > 0 && (
                <li className={styles.input}>
                  <Text size={200} className={styles.inputName}>
                    Indstillinger{" "}
                    <span className={styles.muted}>
                      {has(settingsSheet) ? `(arket »${settingsSheet}«)` : `(standardværdier; ${pack.settings.length} i alt)`}
                    </span>
                  </Text>
                  {!has(settingsSheet) && (
                    <Button size="small" disabled={busy} onClick={createSettings}>
                      Opret arket
                    </Button>
                  )}
                </li>
              )}
            </ul>
        </Step>
        <Step n={2} done={computed !== undefined} title="Beregn">
            <Text size={200} className={styles.muted}>
              Læser Data, Indstillinger og inputarkene fra projektmappen.
            </Text>
            <div>
              <Button appearance={computed ? "secondary" : "primary"} size="small" onClick={compute} disabled={busy}>
                Beregn
              </Button>
            </div>
        </Step>
        <Step n={3} done={written} title="Skriv rapport">
            <div>
              <Button appearance={computed ? "primary" : "secondary"} size="small" onClick={write} disabled={busy || !computed}>
                Skriv rapport
              </Button>
            </div>
        </Step>
      </Steps>
      {busy && <Spinner size="tiny" label="Arbejder …" />}
      {computed && (
        <Text size={200} role="status">
          {computed.result.respondents.length}{" "}
          {computed.result.respondents.length === 1 ? survey.respondent.one : survey.respondent.many} med svar ·{" "}
          {tables.length} {tables.length === 1 ? "tabel" : "tabeller"}
        </Text>
      )}
      {computed && (
        <Accordion multiple collapsible defaultOpenItems={tables.slice(0, 1).map((x) => x.def.id)} aria-label="Rapportens tabeller">
          {tables.map((tab) => {
            // Repeated columns expanded (one per axis element or respondent), as in the report.
            const cols = tab.columns.filter((c) => c.def.display === "tabel");
            const shown = cols.slice(0, SHOWN_COLUMNS);
            const rows = tab.rows.slice(0, SHOWN_ROWS);
            // The longest figure shown, so that the figure columns never overlap (the table scrolls instead).
            const widest = Math.max(
              0,
              ...[...rows, ...(tab.total ? [tab.total] : [])].flatMap((r) => shown.map((c) => t.resultText(r.values[c.id]).length))
            );
            return (
              <AccordionItem key={tab.def.id} value={tab.def.id}>
                <AccordionHeader size="small">{tab.def.title}</AccordionHeader>
                <AccordionPanel>
                  {/* A table wider than the pane scrolls inside its own box (reachable by keyboard). */}
                  <div className={styles.scroll} tabIndex={0} role="region" aria-label={`${tab.def.title} (rul sidelæns)`}>
                  <table
                    className={styles.table}
                    style={{ minWidth: `${minTableEm(shown.length, widest)}em` }}
                    aria-label={tab.def.title}
                    lang="da"
                  >
                    <thead>
                      <tr>
                        <th scope="col">
                          {tab.def.rowTitle ?? <span className={styles.hidden}>Række</span>}
                        </th>
                        {shown.map((c) => (
                          <th key={c.id} scope="col" className="tal">
                            {c.title}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {[...rows, ...(tab.total ? [tab.total] : [])].map((row, i) => (
                        <tr key={`${row.id}-${i}`} className={row === tab.total ? styles.total : undefined}>
                          <th scope="row">{row.label}</th>
                          {shown.map((c) => (
                            <td key={c.id} className="tal">
                              {t.resultText(row.values[c.id])}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  </div>
                  {(cols.length > SHOWN_COLUMNS || tab.rows.length > SHOWN_ROWS) && (
                    <Text size={200} className={styles.muted}>
                      Hele tabellen ({tab.rows.length} {tab.rows.length === 1 ? "række" : "rækker"}, {cols.length}{" "}
                      {cols.length === 1 ? "kolonne" : "kolonner"}) står i rapporten.
                    </Text>
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
      {computed && computed.result.log.length > 0 && (
        <>
          <Text size={200} weight="semibold">
            Bemærkninger
          </Text>
          <ul className={styles.log}>
            {computed.result.log.map((l, i) => (
              <li key={i}>
                <Text size={200}>{l}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      <Dialog open={question !== undefined} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Erstat arket »{question?.sheet}«?</DialogTitle>
            <DialogContent>Arket findes allerede. Erstattes det, går dets nuværende indhold tabt.</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => question?.answer(true)}>
                Erstat
              </Button>
              <Button onClick={() => question?.answer(false)}>Behold arket</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
