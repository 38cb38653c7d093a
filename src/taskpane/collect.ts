/**
 * Reading returned files in the pane: the CLI's reader (src/xlsx, ExcelJS) and validation
 * (src/domain/validate), one file at a time, each ending as a per-file result. Never throws.
 */
import type { KommuneReturn } from "../domain/model";
import { validateReturn } from "../domain/validate";
import { readReturn } from "../xlsx/read";
import { countBySeverity, summary } from "./findings";
import { messageOf } from "./office";

/** Largest file read (a returned template is well under 1 MB). */
export const MAX_BYTES = 20 * 1024 * 1024;

export type FileStatus = "laest" | "advarsler" | "afvist";

export interface FileResult {
  readonly file: string;
  readonly status: FileStatus;
  readonly text: string;
  readonly kommune?: string;
  readonly result?: KommuneReturn;
}

export async function readOne(name: string, bytes: ArrayBuffer | Uint8Array): Promise<FileResult> {
  if (!/\.xlsx$/i.test(name)) {
    return {
      file: name,
      status: "afvist",
      text: "Ikke en .xlsx-fil. Gem filen som Excel-projektmappe (.xlsx), og prøv igen.",
    };
  }
  if (bytes.byteLength > MAX_BYTES) {
    return {
      file: name,
      status: "afvist",
      text: `Filen er for stor (${Math.round(bytes.byteLength / 1048576)} MB).`,
    };
  }
  try {
    const raw = await readReturn(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), name);
    const r = validateReturn(raw);
    const c = countBySeverity(r.findings);
    if (!r.kommune || r.skabeloner.length === 0) {
      const reason =
        r.findings.find((f) => f.severity === "fejl")?.message ??
        "Filen er ikke en udfyldt skabelon.";
      return { file: name, status: "afvist", text: reason };
    }
    return {
      file: name,
      status: c.fejl + c.advarsel > 0 ? "advarsler" : "laest",
      text: `${r.kommune}: ${r.skabeloner.length} nedslagspunkt${r.skabeloner.length === 1 ? "" : "er"}. ${summary(r.findings)}`,
      kommune: r.kommune,
      result: r,
    };
  } catch (e) {
    return { file: name, status: "afvist", text: messageOf(e) };
  }
}
