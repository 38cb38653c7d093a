/** What every view shares: the workbook's templates and municipality, and the notification bar. */
import * as React from "react";
import type { WorkbookInfo } from "../excel/fields";

export type NoticeIntent = "success" | "error" | "warning" | "info";

export interface Notice {
  readonly intent: NoticeIntent;
  readonly title?: string;
  readonly text: string;
}

export interface PaneState {
  readonly info: WorkbookInfo | undefined;
  /** Reads the workbook's sheets and meta.* again (after inserting templates, say). */
  readonly refresh: () => Promise<void>;
  readonly notify: (n: Notice | undefined) => void;
  /** Runs an action, showing its error in the MessageBar; returns undefined on error. */
  readonly attempt: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

export const PaneContext = React.createContext<PaneState>({
  info: undefined,
  refresh: async () => undefined,
  notify: () => undefined,
  attempt: async () => undefined,
});

export function usePane(): PaneState {
  return React.useContext(PaneContext);
}
