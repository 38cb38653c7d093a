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
  if (r.free) return written.trim().replace(/\s+/g, " ") || undefined;
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

/** A name reduced for comparing spellings: lower case, ASCII letters (æ → ae), no "kommune". */
function spellingKey(s: string): string {
  return s
    .trim()
    .toLocaleLowerCase("da-DK")
    .replace(/\s+kommune$/, "")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

/** Levenshtein distance (insertions, deletions, substitutions), two rows of memory. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The names on the pack's list closest to a misspelt one (at most three, the closest first):
 * within two edits for names of six letters or more, one for shorter ones ("Arhus" → Aarhus,
 * "Københaven" → København); none for a name that resembles nothing ("Gotham", "#REF!").
 */
export function suggestRespondents(r: RespondentsDef, written: string, max = 3): string[] {
  const key = spellingKey(written);
  if (key === "") return [];
  const limit = key.length >= 6 ? 2 : 1;
  const scored = r.names
    .map((name) => ({ name, d: editDistance(key, spellingKey(name)) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, "da"));
  return scored.slice(0, max).map((x) => x.name);
}

/** "Mente du »Aarhus«?" / "Mente du »Ishøj« eller »Ikast-Brande«?", or "" when nothing is close. */
export function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return "";
  const q = names.map((n) => `»${n}«`);
  const list = q.length === 1 ? q[0] : `${q.slice(0, -1).join(", ")} eller ${q[q.length - 1]}`;
  return `Mente du ${list}?`;
}
