/**
 * Severity shown by icon and colour together (never colour alone): a red circle with a cross
 * for fejl, an amber triangle for advarsel, a blue circle with an i for info. The glyphs are
 * small inline SVGs (Fluent's icon package is not a dependency of this project).
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../domain/model";
import { SEVERITY_LABEL } from "./findings";

export const useSeverityStyles = makeStyles({
  fejl: { color: tokens.colorStatusDangerForeground1 },
  advarsel: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
  icon: { flexShrink: 0, width: "16px", height: "16px", marginTop: "1px" },
});

const PATHS: Record<Severity, React.JSX.Element> = {
  fejl: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="white" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  advarsel: (
    <>
      <path d="M8 1.5l7 12.5H1z" fill="currentColor" />
      <path d="M8 6v4" stroke="black" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12" r="0.9" fill="black" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 7.2v4.3" stroke="white" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="4.8" r="0.95" fill="white" />
    </>
  ),
};

export function SeverityIcon({ severity }: { severity: Severity }): React.JSX.Element {
  const s = useSeverityStyles();
  return (
    <svg
      className={mergeClasses(s.icon, s[severity])}
      viewBox="0 0 16 16"
      role="img"
      aria-label={SEVERITY_LABEL[severity]}
    >
      {PATHS[severity]}
    </svg>
  );
}
