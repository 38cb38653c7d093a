/**
 * *Valider*: the validation rules (the same as `byrde valider`) on the open workbook, kept up
 * to date by Excel's change events (live.tsx): a compact list grouped by sheet, each finding
 * with its severity (icon and colour), the row it concerns and what is wrong; the cell address
 * is secondary, on the small button that selects the cell. »Valider nu« reads the workbook
 * again at once (the ribbon's Valider and its shortcut do the same).
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/model";
import { selectCell, selectName } from "../../excel/fields";
import { bySheet, plainMessage, sortFindings, summary } from "../findings";
import { useLive } from "../live";
import { withExcel } from "../office";
import { SeverityIcon } from "../severity";
import { usePane } from "../state";
import { useSurvey } from "../surveyContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  bar: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  group: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  sheet: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: "2px" },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { display: "flex", gap: "6px", alignItems: "flex-start", minWidth: 0, padding: "2px 0" },
  text: { flex: 1, minWidth: 0, overflowWrap: "anywhere" },
  what: { fontWeight: tokens.fontWeightSemibold },
  cell: { minWidth: "auto", flexShrink: 0, paddingLeft: "4px", paddingRight: "4px" },
});

export default function Valider(): React.JSX.Element {
  const styles = useStyles();
  const survey = useSurvey();
  const { attempt, notify, info, command } = usePane();
  const live = useLive();
  const [busy, setBusy] = React.useState(false);

  const run = React.useCallback(async () => {
    setBusy(true);
    notify(undefined);
    await attempt(() => live.store.refresh(), "Valider: projektmappen kunne ikke læses");
    setBusy(false);
  }, [live.store]);

  // The ribbon's Valider (or its shortcut) runs the validation at once.
  React.useEffect(() => {
    if (command?.run) void run();
  }, [command?.seq]);

  const select = (f: Finding) =>
    attempt(() =>
      withExcel((ctx) => (f.location ? selectCell(ctx, f.location) : selectName(ctx, f.field as string)))
    );

  const findings = live.result ? sortFindings(live.result.findings) : undefined;
  const groups = findings ? bySheet(findings) : undefined;

  return (
    <div className={styles.root}>
      <Text size={200}>
        Reglerne fra skabelonerne kontrolleres, mens I skriver. Klik på en celle for at gå til den i arket.
      </Text>
      <div className={styles.bar}>
        <Button size="small" onClick={run} disabled={busy || (info?.skabeloner.length ?? 0) === 0}>
          {busy ? "Validerer …" : "Valider nu"}
        </Button>
        {findings && (
          <Text role="status" weight="semibold" size={200}>
            {summary(findings)}
          </Text>
        )}
      </div>
      {(info?.skabeloner.length ?? 0) === 0 && (
        <Text>Projektmappen har ingen skabeloner endnu. Indsæt dem under »Skabeloner«.</Text>
      )}
      {groups &&
        [...groups].map(([sheet, list]) => (
          <section key={sheet || "-"} className={styles.group} aria-label={sheet || "Projektmappen"}>
            <Text as="h2" size={200} weight="semibold" className={styles.sheet}>
              {sheet || "Projektmappen"} · {summary(list).replace(/\.$/, "")}
            </Text>
            <ul className={styles.list} aria-label={`Bemærkninger, ${sheet || "projektmappen"}`}>
              {list.map((f, i) => {
                const what = f.field ? survey.fieldLabel(f.field) : undefined;
                return (
                  <li key={i} className={styles.item}>
                    <SeverityIcon severity={f.severity} />
                    <Text size={200} className={styles.text}>
                      {what && <span className={styles.what}>{what}: </span>}
                      {plainMessage(f)}
                    </Text>
                    {(f.location || f.field) && (
                      <Button
                        size="small"
                        appearance="transparent"
                        className={styles.cell}
                        aria-label={`Vis ${f.location ? `${f.location.sheet}!${f.location.cell}` : f.field} i arket`}
                        onClick={() => void select(f)}
                      >
                        {f.location?.cell ?? "Vis"}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
    </div>
  );
}
