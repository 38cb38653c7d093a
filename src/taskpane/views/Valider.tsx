/**
 * *Valider*: runs the validation rules (src/domain/validate, the same as `byrde valider`) on the
 * open workbook and lists the findings with severity, message and cell; a click selects the cell.
 */
import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/model";
import { validateReturn } from "../../domain/validate";
import { readWorkbookReturn, selectCell, selectName } from "../../excel/fields";
import { SEVERITY_LABEL, sortFindings, summary, where } from "../findings";
import { withExcel } from "../office";
import { usePane } from "../state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { display: "flex", gap: "6px", alignItems: "flex-start", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: "4px" },
  text: { flex: 1 },
});

const BADGE = { fejl: "danger", advarsel: "warning", info: "informative" } as const;

export default function Valider(): React.JSX.Element {
  const styles = useStyles();
  const { attempt, notify } = usePane();
  const [findings, setFindings] = React.useState<Finding[] | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);

  const run = async () => {
    setBusy(true);
    notify(undefined);
    const r = await attempt(() => withExcel((ctx) => readWorkbookReturn(ctx)));
    setBusy(false);
    if (r) setFindings(sortFindings(validateReturn(r.raw).findings));
  };

  const select = (f: Finding) =>
    attempt(() =>
      withExcel((ctx) => (f.location ? selectCell(ctx, f.location) : selectName(ctx, f.field as string))),
    );

  return (
    <div className={styles.root}>
      <Button appearance="primary" onClick={run} disabled={busy}>
        {busy ? "Validerer …" : "Valider projektmappen"}
      </Button>
      {findings && (
        <>
          <Text role="status" weight="semibold">
            {summary(findings)}
          </Text>
          <ul className={styles.list} aria-label="Bemærkninger">
            {findings.map((f, i) => (
              <li key={i} className={styles.item}>
                <Badge appearance="filled" color={BADGE[f.severity]}>
                  {SEVERITY_LABEL[f.severity]}
                </Badge>
                <Text className={styles.text} size={200}>
                  {f.message}
                </Text>
                {(f.location || f.field) && (
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={`Vis ${where(f) || f.field} i arket`}
                    onClick={() => void select(f)}
                  >
                    {where(f) || "Vis"}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
