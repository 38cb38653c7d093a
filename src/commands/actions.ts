/**
 * The add-in's commands: ribbon buttons (manifest.xml, `ExecuteFunction`) and keyboard
 * shortcuts (shortcuts.json) call these action ids in the shared runtime. Each opens the pane
 * at its view; Valider also runs the validation at once. One table (commands.json), read by
 * `registerCommands`, the manifest generator (scripts/make-manifests.js: shortcuts.json and
 * manifest.json) and the manifest tests (manifest.xml's buttons must match it).
 */
import type { ViewId } from "../taskpane/navigation";
import COMMAND_DATA from "./commands.json";

export interface CommandDef {
  /** The action id (manifest `FunctionName`, shortcuts.json `id`, `Office.actions.associate`). */
  readonly id: string;
  readonly view: ViewId;
  readonly run: boolean;
  /** Ribbon label and shortcut name (Danish). */
  readonly label: string;
  /** English label (the manifest's default locale). */
  readonly labelEn: string;
  readonly tooltip: string;
  readonly tooltipEn: string;
  /** Keyboard shortcut (Excel on the web, Windows, Mac). */
  readonly key: string;
}

/** The commands, as data (commands.json): also read by scripts/make-manifests.js. */
export const COMMANDS = COMMAND_DATA as readonly CommandDef[];

type Listener = (c: CommandDef) => void;
let listener: Listener | undefined;
let pending: CommandDef | undefined;

/** The pane listens here; a command that came before the pane was ready is handed over at once. */
export function onCommand(l: Listener): () => void {
  listener = l;
  if (pending) {
    const c = pending;
    pending = undefined;
    l(c);
  }
  return () => {
    if (listener === l) listener = undefined;
  };
}

export function dispatch(c: CommandDef): void {
  if (listener) listener(c);
  else pending = c;
}
