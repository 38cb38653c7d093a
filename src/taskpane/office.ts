/**
 * The task pane's door to Excel: host detection via `Office.context`, and `withExcel`, which runs
 * an adapter operation in `Excel.run` and turns whatever Excel throws into a typed error with a
 * Danish message (shown in a Fluent MessageBar). office-js itself does this; no helper library.
 */
import { ExcelAdapterError, fromExcelError } from "../excel/errors";

/** True when the pane runs inside Excel with the API sets the adapter needs. */
export function excelAvailable(): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      typeof Excel !== "undefined" &&
      Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.9") !== false
    );
  } catch {
    return false;
  }
}

export async function withExcel<T>(
  operation: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  if (!excelAvailable()) {
    throw new ExcelAdapterError(
      "excel",
      "Byrdeberegner skal åbnes i Excel (Excel 2019 eller nyere, Microsoft 365 eller Excel på nettet)."
    );
  }
  try {
    return await Excel.run(operation);
  } catch (e) {
    throw fromExcelError(e);
  }
}

/** Danish message for anything thrown. */
export function messageOf(e: unknown): string {
  if (e instanceof ExcelAdapterError) return e.message;
  if (e instanceof Error) return `Der opstod en fejl: ${e.message}`;
  return `Der opstod en fejl: ${String(e)}`;
}
