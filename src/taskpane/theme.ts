/**
 * The pane follows Office's theme: Fluent's dark theme under Office's Black or Dark Gray theme
 * (`Office.context.officeTheme.isDarkTheme`), the light one otherwise, and again when the user
 * changes the theme (`OfficeThemeChanged`, where the host sends it).
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";

export function isDarkOffice(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.officeTheme?.isDarkTheme === true;
  } catch {
    return false;
  }
}

/** The Fluent theme for Office's: the light one at once, the dark one loaded on demand. */
export async function fluentTheme(dark: boolean): Promise<Theme> {
  if (!dark) return webLightTheme;
  const { webDarkTheme } = await import(/* webpackChunkName: "moerkt-tema" */ "./darkTheme");
  return webDarkTheme;
}

export { webLightTheme };

/** Calls `onChange` with the new darkness whenever Office's theme changes (where supported). */
export function watchOfficeTheme(onChange: (dark: boolean) => void): void {
  try {
    Office.context.document.addHandlerAsync(
      Office.EventType.OfficeThemeChanged,
      (args: { officeTheme?: Office.OfficeTheme }) =>
        onChange(args.officeTheme?.isDarkTheme === true)
    );
  } catch {
    // Not every host sends theme changes; the theme read at start stays.
  }
}
