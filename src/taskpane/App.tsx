import * as React from "react";
import { Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { onCommand } from "../commands/actions";
import type { WorkbookInfo } from "../excel/fields";
import { MODES, modeOf, stepLabel, type ModeId, type ViewId } from "./navigation";
import {
  degradedFeatures,
  excelAvailable,
  messageOf,
  unavailableReason,
  withExcel,
} from "./office";
import { PaneContext, type Notice, type PaneCommand, type PaneState } from "./state";

// Every view is loaded on demand, so the pane starts with React, Fluent's shell and nothing
// else: the survey (catalogue, layout, validation) and the live workbook come with the first
// view, ExcelJS (reading returned files) only with Indsaml, the projection only with Opregn.
const ShellNotices = React.lazy(
  () => import(/* webpackChunkName: "meddelelser" */ "./ShellNotices")
);
const Live = React.lazy(() => import(/* webpackChunkName: "live" */ "./live"));
const VIEWS: Record<ViewId, React.LazyExoticComponent<() => React.JSX.Element>> = {
  skabeloner: React.lazy(() => import(/* webpackChunkName: "skabeloner" */ "./views/Skabeloner")),
  udfyld: React.lazy(() => import(/* webpackChunkName: "udfyld" */ "./views/Udfyld")),
  valider: React.lazy(() => import(/* webpackChunkName: "valider" */ "./views/Valider")),
  indsaml: React.lazy(() => import(/* webpackChunkName: "indsaml" */ "./views/Indsaml")),
  opregn: React.lazy(() => import(/* webpackChunkName: "opregn-view" */ "./views/Opregn")),
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px 10px 24px",
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  modes: { display: "flex", gap: "4px" },
  steps: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  stepNo: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "18px",
    height: "18px",
    borderRadius: "50%",
    marginRight: "4px",
    fontSize: tokens.fontSizeBase100,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  view: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
});

/** The workbook looks like a consultant's (collected data or a report) rather than a municipality's. */
function consultantWorkbook(info: WorkbookInfo | undefined): boolean {
  const sheets = new Set((info?.sheets ?? []).map((s) => s.toLowerCase()));
  return (info?.skabeloner.length ?? 0) === 0 && (sheets.has("data") || sheets.has("overblik"));
}

export function App(): React.JSX.Element {
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>("skabeloner");
  const [chosenMode, setChosenMode] = React.useState<ModeId | undefined>(undefined);
  const [info, setInfo] = React.useState<WorkbookInfo | undefined>(undefined);
  const [notices, setNotices] = React.useState<Partial<Record<ViewId, Notice>>>({});
  const [command, setCommand] = React.useState<PaneCommand | undefined>(undefined);
  const blocked = unavailableReason();
  const degraded = React.useMemo(() => degradedFeatures(), []);

  const notifyView = React.useCallback(
    (v: ViewId, n: Notice | undefined) => setNotices((prev) => ({ ...prev, [v]: n })),
    []
  );

  const refresh = React.useCallback(async () => {
    if (!excelAvailable()) return;
    try {
      const { readWorkbookInfo } = await import(/* webpackChunkName: "excel" */ "../excel/fields");
      setInfo(await withExcel((ctx) => readWorkbookInfo(ctx)));
    } catch (e) {
      notifyView("skabeloner", { intent: "error", text: messageOf(e) });
    }
  }, [notifyView]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  // A workbook with collected data or a report opens in the consultant's mode.
  React.useEffect(() => {
    if (chosenMode === undefined && consultantWorkbook(info)) setView("indsaml");
  }, [info, chosenMode]);

  // Ribbon buttons and keyboard shortcuts.
  React.useEffect(
    () =>
      onCommand((c) => {
        setView(c.view);
        setChosenMode(modeOf(c.view).id);
        setCommand((prev) => ({ view: c.view, run: c.run, seq: (prev?.seq ?? 0) + 1 }));
      }),
    []
  );

  const mode = modeOf(view);
  const go = React.useCallback((v: ViewId) => {
    setView(v);
    setChosenMode(modeOf(v).id);
  }, []);

  const pane: PaneState = React.useMemo(
    () => ({
      info,
      refresh,
      go,
      command: command?.view === view ? command : undefined,
      notify: (n: Notice | undefined) => notifyView(view, n),
      attempt: async <T,>(action: () => Promise<T>, title?: string) => {
        try {
          return await action();
        } catch (e) {
          notifyView(view, {
            intent: "error",
            title: title ?? `${stepLabel(view)}: Excel afviste handlingen`,
            text: messageOf(e),
          });
          return undefined;
        }
      },
    }),
    [info, refresh, go, view, command, notifyView]
  );

  const View = VIEWS[view];
  const notice = notices[view];
  // What this Excel lacks concerns inserting templates: said on that view only.
  const degradedHere = view === "skabeloner" ? degraded : [];
  const count = info?.skabeloner.length ?? 0;

  return (
    <PaneContext.Provider value={pane}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            Byrdeberegner
          </Text>
          <Text size={200} className={styles.sub}>
            {mode.id === "konsulent"
              ? mode.hint
              : `${info?.kommune ? `${info.kommune} · ` : ""}${
                  count > 0
                    ? `${count} ${count === 1 ? "skabelon" : "skabeloner"} i projektmappen`
                    : "Ingen skabeloner i projektmappen endnu"
                }`}
          </Text>
        </header>
        <TabList
          className={styles.modes}
          selectedValue={mode.id}
          onTabSelect={(_, d) => {
            const m = MODES.find((x) => x.id === d.value)!;
            setChosenMode(m.id);
            setView(m.steps[0].id);
          }}
          aria-label="Hvem arbejder"
          appearance="subtle"
          size="small"
        >
          {MODES.map((m) => (
            <Tab key={m.id} value={m.id}>
              {m.label}
            </Tab>
          ))}
        </TabList>
        <TabList
          className={styles.steps}
          selectedValue={view}
          onTabSelect={(_, d) => go(d.value as ViewId)}
          aria-label={`Trin for ${mode.label.toLowerCase()}`}
          size="small"
        >
          {mode.steps.map((s, i) => (
            <Tab key={s.id} value={s.id}>
              <span className={styles.stepNo} aria-hidden="true">
                {i + 1}
              </span>
              {s.label}
            </Tab>
          ))}
        </TabList>
        <section className={styles.view} aria-label={stepLabel(view)}>
          {(blocked || degradedHere.length > 0 || notice) && (
            <React.Suspense fallback={null}>
              <ShellNotices
                blocked={blocked}
                degraded={degradedHere}
                notice={notice}
                onClose={() => notifyView(view, undefined)}
              />
            </React.Suspense>
          )}
          <React.Suspense fallback={<Spinner size="small" label="Indlæser …" />}>
            <Live>
              <View />
            </Live>
          </React.Suspense>
        </section>
      </main>
    </PaneContext.Provider>
  );
}
