/**
 * The task pane's door to Excel: host detection via `Office.context`, and `withExcel`, which runs
 * an adapter operation in `Excel.run` and turns whatever Excel throws into a typed error with a
 * Danish message (shown in a Fluent MessageBar). office-js itself does this; no helper library.
 *
 * Every `Excel.run` waits for a cell edit to end (`delayForCellEdit`) instead of failing, and a
 * write runs as one undo step (`mergeUndoGroup`) where the host has ExcelApi 1.20.
 */
import { ExcelAdapterError, fromExcelError } from "../excel/errors";
import {
  API_USES,
  SUPPORTED_EXCEL,
  missingOptional,
  missingRequired,
  type RequirementChecker,
} from "../excel/requirements";
import { knownLibraryError } from "../domain/libraryErrors";

function checker(): RequirementChecker | undefined {
  try {
    const r = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
    return r && typeof r.isSetSupported === "function" ? r : undefined;
  } catch {
    return undefined;
  }
}

/** True when the pane runs inside Excel with every requirement set the adapter needs. */
export function excelAvailable(): boolean {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return false;
  const c = checker();
  return c === undefined || missingRequired(c).length === 0;
}

/** Why the pane cannot work here (Danish), or undefined when it can. */
export function unavailableReason(): string | undefined {
  if (typeof Office === "undefined" || typeof Excel === "undefined") {
    return `Byrdeberegner virker kun som tilføjelsesprogram i Excel: ${SUPPORTED_EXCEL}.`;
  }
  const c = checker();
  const missing = c ? missingRequired(c) : [];
  return missing.length === 0
    ? undefined
    : `Denne Excel-version mangler ${missing.join(" og ")}. Byrdeberegner kræver ${SUPPORTED_EXCEL}.`;
}

/** Optional features this Excel lacks, each with a Danish line saying what is missing. */
export function degradedFeatures(): string[] {
  const c = checker();
  if (!c) return [];
  return missingOptional(c).map(
    (u) => `Denne Excel-version kan ikke ${u.use} (kræver ${u.set} ${u.version}).`
  );
}

const UNDO = API_USES.find((u) => u.member === "RunOptions.mergeUndoGroup")!;

export interface WithExcelOptions {
  /** The operation writes: make all its syncs one undo step where Excel can. */
  readonly write?: boolean;
}

export async function withExcel<T>(
  operation: (context: Excel.RequestContext) => Promise<T>,
  options: WithExcelOptions = {}
): Promise<T> {
  const reason = unavailableReason();
  if (reason) throw new ExcelAdapterError("excel", reason);
  const undo = options.write === true && checker()?.isSetSupported(UNDO.set, UNDO.version) === true;
  try {
    return await Excel.run(
      { delayForCellEdit: true, ...(undo ? { mergeUndoGroup: true } : {}) },
      operation
    );
  } catch (e) {
    throw fromExcelError(e);
  }
}

/** Danish message for anything thrown. */
export function messageOf(e: unknown): string {
  if (e instanceof ExcelAdapterError) return e.message;
  // A library's own (English) message in Danish where it is known (src/domain/libraryErrors.ts).
  if (e instanceof Error) return `Der opstod en fejl: ${knownLibraryError(e) ?? e.message}`;
  return `Der opstod en fejl: ${String(e)}`;
}
