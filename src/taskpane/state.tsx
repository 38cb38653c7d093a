/**
 * What every view shares: the workbook's templates and municipality, navigation, and each
 * view's own notice (a message belongs to the view and action that caused it, and is not
 * shown on other views).
 */
import * as React from "react";
import type { WorkbookInfo } from "../excel/fields";
import type { ViewId } from "./navigation";

export type NoticeIntent = "success" | "error" | "warning" | "info";

export interface Notice {
  readonly intent: NoticeIntent;
  readonly title?: string;
  readonly text: string;
}

/** A ribbon button or keyboard shortcut asking the pane to do something. */
export interface PaneCommand {
  readonly view: ViewId;
  /** Run the view's main action at once (Valider). */
  readonly run: boolean;
  /** Increases with every request, so the same command twice is seen twice. */
  readonly seq: number;
}

export interface PaneState {
  readonly info: WorkbookInfo | undefined;
  /** Reads the workbook's sheets and meta.* again (after inserting templates, say). */
  readonly refresh: () => Promise<void>;
  /** Sets (or with undefined clears) this view's notice. */
  readonly notify: (n: Notice | undefined) => void;
  /** Runs an action, showing its error in this view's notice; returns undefined on error. */
  readonly attempt: <T>(action: () => Promise<T>, title?: string) => Promise<T | undefined>;
  /** Moves to another view. */
  readonly go: (view: ViewId) => void;
  /** The last command for this view (ribbon or shortcut), if any. */
  readonly command?: PaneCommand;
}

export const PaneContext = React.createContext<PaneState>({
  info: undefined,
  refresh: async () => undefined,
  notify: () => undefined,
  attempt: async () => undefined,
  go: () => undefined,
});

export function usePane(): PaneState {
  return React.useContext(PaneContext);
}
