import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookInfo } from "../excel/fields";
import { excelAvailable, messageOf, withExcel } from "./office";
import { PaneContext, type Notice, type PaneState } from "./state";

// Every view is loaded on demand, so the pane starts with React, Fluent's shell and nothing
// else: the catalogue, layout and validation come with the first view, ExcelJS (reading
// returned files) only with Indsaml, the projection engine only with Opregn.
const Skabeloner = React.lazy(() => import(/* webpackChunkName: "skabeloner" */ "./views/Skabeloner"));
const Udfyld = React.lazy(() => import(/* webpackChunkName: "udfyld" */ "./views/Udfyld"));
const Valider = React.lazy(() => import(/* webpackChunkName: "valider" */ "./views/Valider"));
const Indsaml = React.lazy(() => import(/* webpackChunkName: "indsaml" */ "./views/Indsaml"));
const Opregn = React.lazy(() => import(/* webpackChunkName: "opregn" */ "./views/Opregn"));

const VIEWS = [
  { id: "skabeloner", label: "Skabeloner" },
  { id: "udfyld", label: "Udfyld" },
  { id: "valider", label: "Valider" },
  { id: "indsaml", label: "Indsaml" },
  { id: "opregn", label: "Opregn" },
] as const;
type ViewId = (typeof VIEWS)[number]["id"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px 12px 24px", minWidth: "280px" },
  header: { display: "flex", flexDirection: "column", gap: "2px" },
  sub: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: "wrap" },
});

export function App(): React.JSX.Element {
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>("skabeloner");
  const [info, setInfo] = React.useState<WorkbookInfo | undefined>(undefined);
  const [notice, setNotice] = React.useState<Notice | undefined>(
    excelAvailable()
      ? undefined
      : { intent: "warning", title: "Ikke i Excel", text: "Byrdeberegner virker kun som tilføjelsesprogram i Excel." },
  );

  const refresh = React.useCallback(async () => {
    if (!excelAvailable()) return;
    try {
      const { readWorkbookInfo } = await import(/* webpackChunkName: "excel" */ "../excel/fields");
      setInfo(await withExcel((ctx) => readWorkbookInfo(ctx)));
    } catch (e) {
      setNotice({ intent: "error", text: messageOf(e) });
    }
  }, []);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  const pane: PaneState = React.useMemo(
    () => ({
      info,
      refresh,
      notify: setNotice,
      attempt: async <T,>(action: () => Promise<T>) => {
        try {
          return await action();
        } catch (e) {
          setNotice({ intent: "error", title: "Excel afviste handlingen", text: messageOf(e) });
          return undefined;
        }
      },
    }),
    [info, refresh],
  );

  return (
    <PaneContext.Provider value={pane}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            Byrdeberegner
          </Text>
          <Text size={200} className={styles.sub}>
            {info?.kommune ? `${info.kommune} · ` : ""}
            {info && info.skabeloner.length > 0
              ? `${info.skabeloner.length} nedslagspunkt${info.skabeloner.length === 1 ? "" : "er"} i projektmappen`
              : "Ingen skabeloner i projektmappen endnu"}
          </Text>
        </header>
        <TabList
          className={styles.tabs}
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as ViewId)}
          aria-label="Visninger"
          size="small"
        >
          {VIEWS.map((v) => (
            <Tab key={v.id} value={v.id}>
              {v.label}
            </Tab>
          ))}
        </TabList>
        {notice && (
          <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
              {notice.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" aria-label="Luk besked" onClick={() => setNotice(undefined)}>
                  ✕
                </Button>
              }
            />
          </MessageBar>
        )}
        <section aria-label={VIEWS.find((v) => v.id === view)?.label}>
          <React.Suspense fallback={<Spinner size="small" label="Indlæser …" />}>
            {view === "skabeloner" && <Skabeloner />}
            {view === "udfyld" && <Udfyld />}
            {view === "valider" && <Valider />}
            {view === "indsaml" && <Indsaml />}
            {view === "opregn" && <Opregn />}
          </React.Suspense>
        </section>
      </main>
    </PaneContext.Provider>
  );
}
