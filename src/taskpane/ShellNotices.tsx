/**
 * The pane's own message bars above the view: why the add-in cannot be used here, which
 * features this Excel lacks, and the view's latest notice. Loaded on demand (App.tsx): Fluent's
 * MessageBar is not part of what taskpane.html loads at start.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";
import type { Notice } from "./state";

const useStyles = makeStyles({
  notice: { minWidth: 0 },
});

export interface ShellNoticesProps {
  /** Why the add-in cannot be used here (outside Excel, too old an Excel), if so. */
  readonly blocked?: string;
  /** Features this Excel lacks (App.tsx passes them on the templates view). */
  readonly degraded: readonly string[];
  readonly notice?: Notice;
  readonly onClose: () => void;
}

export default function ShellNotices({
  blocked,
  degraded,
  notice,
  onClose,
}: ShellNoticesProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {blocked && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Kan ikke bruges her</MessageBarTitle>
            {blocked}
          </MessageBarBody>
        </MessageBar>
      )}
      {!blocked && degraded.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{degraded.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar
          className={styles.notice}
          intent={notice.intent}
          role={notice.intent === "error" ? "alert" : "status"}
          layout="multiline"
        >
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label="Luk besked"
                onClick={onClose}
              >
                ✕
              </Button>
            }
          />
        </MessageBar>
      )}
    </>
  );
}
