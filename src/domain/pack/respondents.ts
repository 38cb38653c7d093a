/**
 * Who answers a pack's survey: matching a name as written in a return to the pack's list.
 */
import { findKommune } from "../catalogue/kommuner";
import type { RespondentsDef } from "./model";

function normalise(s: string): string {
  return s.trim().toLocaleLowerCase("da-DK").replace(/\s+/g, " ");
}

/** The canonical name of a respondent as written ("odense kommune" → "Odense"), or undefined. */
export function findRespondent(r: RespondentsDef, written: string): string | undefined {
  const k = findKommune(written);
  if (k && (r.municipalities || r.names.includes(k.navn))) return k.navn;
  if (r.municipalities) return undefined;
  const n = normalise(written);
  return r.names.find((x) => normalise(x) === n);
}

/** A respondent's canonical name, or the name as written (trimmed) when it is not on the list. */
export function canonicalRespondent(r: RespondentsDef, written: string): string {
  return findRespondent(r, written) ?? written.trim();
}
