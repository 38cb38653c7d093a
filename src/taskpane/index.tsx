/**
 * Task pane entry: waits for office.js (`Office.onReady`), registers the ribbon commands and
 * keyboard shortcuts (shared runtime), then renders the pane in Office's theme. Heavy parts
 * (the catalogue, ExcelJS for returned files, the projection) are loaded on demand by the views.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { registerCommands } from "../commands/commands";
import { App } from "./App";
import { fluentTheme, isDarkOffice, watchOfficeTheme, webLightTheme } from "./theme";

const useStyles = makeStyles({
  // Paints the whole pane, so a dark theme has no light margins (a class on the provider itself
  // would also land on Fluent's portals, which then cover the pane).
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

function Themed(): React.JSX.Element {
  const [dark, setDark] = React.useState(isDarkOffice());
  const [theme, setTheme] = React.useState<Theme | undefined>(dark ? undefined : webLightTheme);
  React.useEffect(() => watchOfficeTheme(setDark), []);
  React.useEffect(() => {
    void fluentTheme(dark).then(setTheme);
  }, [dark]);
  const styles = useStyles();
  // Under a dark Office theme, wait the moment the dark theme takes to load (no light flash).
  if (!theme) return <div style={{ minHeight: "100vh", background: "#292929" }} />;
  return (
    <FluentProvider theme={theme}>
      <div className={styles.root} data-theme={dark ? "dark" : "light"}>
        <App />
      </div>
    </FluentProvider>
  );
}

function start(): void {
  registerCommands();
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<Themed />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => start());
} else {
  start();
}
