/**
 * The pane's root below the shell (loaded with the first view): provides the survey
 * (`useSurvey`), made from the pack in use, and the live workbook (`useLive`), and registers
 * Excel's change and selection events once, so Udfyld and Valider follow what happens in the grid.
 *
 * The pack in use is the one remembered in the workbook (document settings), else the one its
 * templates name (meta.pakke), else kl2024. The pack bar on top shows it and lets the
 * consultant pick a built-in pack or open a pack file (checked with every rule first).
 */
import * as React from "react";
import { readWorkbookReturn } from "../excel/fields";
import { sheetNamesById, watchWorkbook } from "../excel/events";
import type { Pack } from "../domain/pack/model";
import { builtinPack } from "../domain/pakker";
import { LiveWorkbook, type LiveState } from "./liveWorkbook";
import { excelAvailable, withExcel } from "./office";
import { PackBar } from "./PackBar";
import { initialPack, storePackSpec, storedPackSpec, type PackSpec } from "./packStore";
import { usePane } from "./state";
import { surveyFromPack, type Survey } from "./survey";
import { SurveyContext } from "./surveyContext";

const LiveContext = React.createContext<LiveWorkbook | undefined>(undefined);

/** The live workbook's state (re-rendering on every change) and the store itself. */
export function useLive(): LiveState & { store: LiveWorkbook } {
  const store = React.useContext(LiveContext);
  if (!store) throw new Error("useLive() uden for Live");
  const state = React.useSyncExternalStore(store.subscribe, store.get);
  return { ...state, store };
}

export interface PackChoice {
  readonly survey: Survey;
  /** Uses `pack` from now on and remembers it in the workbook (`spec`). */
  readonly choose: (pack: Pack, spec: PackSpec) => Promise<void>;
}

export default function Live({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { info } = usePane();
  const [pack, setPack] = React.useState<Pack>(() => initialPack(info?.pakke));
  // Chosen here or stored in the workbook: the templates' meta.pakke no longer decides.
  const pinned = React.useRef(storedPackSpec() !== undefined);
  const survey = React.useMemo(() => surveyFromPack(pack), [pack]);
  const current = React.useRef(survey);
  current.current = survey;

  // A workbook whose templates name another built-in pack (read after the pane started).
  React.useEffect(() => {
    if (pinned.current || !info?.pakke || info.pakke === pack.id) return;
    const named = builtinPack(info.pakke);
    if (named) setPack(named);
  }, [info?.pakke, pack.id]);

  const store = React.useMemo(
    () =>
      new LiveWorkbook({
        read: async () => (await withExcel((ctx) => readWorkbookReturn(ctx))).raw,
        validate: (raw) => current.current.validate(raw),
        debounceMs: 250,
      }),
    []
  );
  const hasTemplates = (info?.skabeloner.length ?? 0) > 0;

  // Read the fields whenever the set of templates or the pack changes.
  React.useEffect(() => {
    if (hasTemplates) void store.refresh().catch(() => undefined);
  }, [store, hasTemplates, info?.skabeloner.join(","), survey]);

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

  const choice: PackChoice = React.useMemo(
    () => ({
      survey,
      choose: async (next, spec) => {
        pinned.current = true;
        setPack(next);
        await storePackSpec(spec);
      },
    }),
    [survey]
  );

  return (
    <SurveyContext.Provider value={survey}>
      <LiveContext.Provider value={store}>
        <PackBar choice={choice} />
        {/* A view's choices belong to its pack: another pack starts the view afresh. */}
        <React.Fragment key={`${pack.id}@${pack.version}`}>{children}</React.Fragment>
      </LiveContext.Provider>
    </SurveyContext.Provider>
  );
}
