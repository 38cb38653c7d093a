/**
 * A field's value as users read and type it (the task pane's forms): numbers with a decimal
 * comma, dates as dd-mm-åååå, times as tt:mm, a choice by its label. What `parseCell` reads back.
 */
import type { ChoiceDef } from "../catalogue/types";
import { KINDS, type FieldKind } from "../kinds";
import { serialToIsoDate } from "./cell";
import { formatDanishNumber } from "./number";

/** A serial day number as "15-02-2024". */
export function formatDanishDate(serial: number): string {
  const [y, m, d] = serialToIsoDate(serial).split("-");
  return `${d}-${m}-${y}`;
}

/** A fraction of a day as "07:30" (1 as "24:00"). */
export function formatClock(fraction: number): string {
  const minutes = Math.round(fraction * 1440);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

export function displayValue(
  value: unknown,
  kind: FieldKind,
  choices?: readonly ChoiceDef[]
): string {
  if (value === null || value === undefined) return "";
  const family = KINDS[kind].family;
  if (typeof value === "number") {
    if (family === "dato" && value >= 1) return formatDanishDate(value);
    if (family === "klokkeslaet" && value >= 0 && value <= 1) return formatClock(value);
    return formatDanishNumber(value);
  }
  if (family === "valg" && typeof value === "string")
    return choices?.find((c) => c.id === value)?.label ?? value;
  return String(value);
}
