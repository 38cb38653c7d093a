/** Fluent's dark theme, in its own chunk: only a pane under a dark Office theme loads it. */
export { webDarkTheme } from "@fluentui/react-components";
