/**
 * Numbered steps, as Opregn shows them (both the projection's and the report tables'): a list of
 * steps, each with its number (a check mark when done), a title and what belongs to it.
 */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";

export const useStepStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  steps: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "10px" },
  step: { display: "flex", gap: "8px", alignItems: "flex-start", minWidth: 0 },
  no: {
    flexShrink: 0,
    width: "22px",
    height: "22px",
    borderRadius: "50%",
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  done: { backgroundColor: tokens.colorStatusSuccessBackground3 },
  body: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0, flex: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

export function Steps({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  const styles = useStepStyles();
  return (
    <ol className={styles.steps} aria-label={label}>
      {children}
    </ol>
  );
}

/** One numbered step: its number (✓ when done), its title and its content. */
export function Step(props: { n: number; done: boolean; title: string; children?: React.ReactNode }): React.JSX.Element {
  const styles = useStepStyles();
  return (
    <li className={styles.step}>
      <span className={props.done ? `${styles.no} ${styles.done}` : styles.no} aria-hidden="true">
        {props.done ? "✓" : props.n}
      </span>
      <div className={styles.body}>
        <Text weight="semibold">{props.title}</Text>
        {props.children}
      </div>
    </li>
  );
}
