/**
 * The pane's root below the shell (loaded with the first view): provides the survey
 * (`useSurvey`) and the live workbook (`useLive`), and registers Excel's change and selection
 * events once, so Udfyld and Valider follow what happens in the grid.
 */
import * as React from "react";
import { readWorkbookReturn } from "../excel/fields";
import { sheetNamesById, watchWorkbook } from "../excel/events";
import { LiveWorkbook, type LiveState } from "./liveWorkbook";
import { excelAvailable, withExcel } from "./office";
import { usePane } from "./state";
import { KL2024 } from "./survey";
import { SurveyContext } from "./surveyContext";

const LiveContext = React.createContext<LiveWorkbook | undefined>(undefined);

/** The live workbook's state (re-rendering on every change) and the store itself. */
export function useLive(): LiveState & { store: LiveWorkbook } {
  const store = React.useContext(LiveContext);
  if (!store) throw new Error("useLive() uden for Live");
  const state = React.useSyncExternalStore(store.subscribe, store.get);
  return { ...state, store };
}

/** The survey in use: today the KL 2024 catalogue; a survey pack would be set here. */
const SURVEY = KL2024;

export default function Live({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { info } = usePane();
  const store = React.useMemo(
    () =>
      new LiveWorkbook({
        read: async () => (await withExcel((ctx) => readWorkbookReturn(ctx))).raw,
        validate: SURVEY.validate,
        debounceMs: 250,
      }),
    []
  );
  const hasTemplates = (info?.skabeloner.length ?? 0) > 0;

  // Read the fields whenever the set of templates changes (inserted, or another workbook).
  React.useEffect(() => {
    if (hasTemplates) void store.refresh().catch(() => undefined);
  }, [store, hasTemplates, info?.skabeloner.join(",")]);

  // Excel's events, once for the pane's life.
  React.useEffect(() => {
    if (!excelAvailable()) return;
    let names = new Map<string, string>();
    const sheetName = async (id: string) => {
      if (!names.has(id)) names = await withExcel((ctx) => sheetNamesById(ctx));
      return names.get(id);
    };
    void withExcel((ctx) =>
      watchWorkbook(
        ctx,
        {
          changed: (c) => void store.changed(c).catch(() => undefined),
          selected: (c) => store.selected(c),
        },
        sheetName
      )
    ).catch(() => undefined);
  }, [store]);

  return (
    <SurveyContext.Provider value={SURVEY}>
      <LiveContext.Provider value={store}>{children}</LiveContext.Provider>
    </SurveyContext.Provider>
  );
}
