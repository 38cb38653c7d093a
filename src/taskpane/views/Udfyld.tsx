/**
 * *Udfyld*: a form per nedslagspunkt generated from the catalogue (blocks, rows, years, units).
 * It reads the current values from the sheet, writes a value back when a field is left (Tab,
 * Enter or a click elsewhere), and shows each field's findings inline. Typed numbers are read
 * by the same lenient Danish parser as returned files (37,4 → 37.4); the pane does no parsing
 * or arithmetic of its own.
 */
import * as React from "react";
import {
  Field,
  Input,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { KIND_UNIT, TEMPLATES, fieldId, isGrid, textFieldId, type TemplateDef } from "../../domain/catalogue";
import type { FieldKind } from "../../domain/catalogue/types";
import type { Finding, RawCell, RawReturn } from "../../domain/model";
import { formatDanishNumber, parseCell } from "../../domain/parse";
import { validateReturn } from "../../domain/validate";
import { readWorkbookReturn, writeNamedCells } from "../../excel/fields";
import { byField } from "../findings";
import { withExcel } from "../office";
import { usePane } from "../state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  block: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "8px" },
  row: { display: "flex", flexDirection: "column", gap: "4px" },
  years: { display: "flex", flexWrap: "wrap", gap: "6px" },
  year: { width: "84px" },
  yearInput: { minWidth: 0, width: "84px" },
  unit: { color: tokens.colorNeutralForeground3 },
  messages: { margin: 0, paddingLeft: "16px", display: "flex", flexDirection: "column", gap: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** How a cell's value is shown in the form: numbers with a decimal comma. */
export function display(cell: RawCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatDanishNumber(v);
  return String(v);
}

function validationState(findings: readonly Finding[] | undefined): "error" | "warning" | "none" {
  if (!findings || findings.length === 0) return "none";
  return findings.some((f) => f.severity === "fejl") ? "error" : findings.some((f) => f.severity === "advarsel") ? "warning" : "none";
}

function message(findings: readonly Finding[] | undefined): string | undefined {
  return findings && findings.length > 0 ? findings.map((f) => f.message).join(" ") : undefined;
}

interface FieldProps {
  readonly id: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly cell: RawCell | undefined;
  readonly findings: readonly Finding[] | undefined;
  readonly onCommit: (id: string, kind: FieldKind, text: string) => void;
  readonly multiline?: boolean;
  readonly className?: string;
  readonly inputClassName?: string;
  /** Show the findings under the field (text fields); year fields list them under their row. */
  readonly inlineMessage?: boolean;
  /** Id of the element that lists this field's findings. */
  readonly describedBy?: string;
}

function FormField(props: FieldProps): React.JSX.Element {
  const shown = display(props.cell);
  const [text, setText] = React.useState(shown);
  React.useEffect(() => setText(shown), [shown]);
  const commit = () => {
    if (text !== shown) props.onCommit(props.id, props.kind, text);
  };
  const state = validationState(props.findings);
  const common = {
    value: text,
    "data-field": props.id,
    onBlur: commit,
    "aria-invalid": state === "error" ? true : undefined,
    "aria-describedby": !props.inlineMessage && props.findings?.length ? props.describedBy : undefined,
  };
  return (
    <Field
      className={props.className}
      label={props.label}
      validationState={state}
      validationMessage={props.inlineMessage ? message(props.findings) : undefined}
      size="small"
    >
      {props.multiline ? (
        <Textarea {...common} resize="vertical" onChange={(_, d) => setText(d.value)} />
      ) : (
        <Input
          {...common}
          className={props.inputClassName}
          size="small"
          inputMode={props.kind === "x" ? "text" : "decimal"}
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
          }}
        />
      )}
    </Field>
  );
}

export default function Udfyld(): React.JSX.Element {
  const styles = useStyles();
  const { info, notify, attempt } = usePane();
  const available = TEMPLATES.filter((t) => info?.skabeloner.includes(t.id));
  const [templateId, setTemplateId] = React.useState<string | undefined>(undefined);
  const template: TemplateDef | undefined = available.find((t) => t.id === templateId) ?? available[0];
  const [raw, setRaw] = React.useState<RawReturn | undefined>(undefined);
  const [typed, setTyped] = React.useState<Record<string, Finding[]>>({});
  const [loading, setLoading] = React.useState(false);

  React.useEffect(() => {
    if (!template) return;
    let cancelled = false;
    setLoading(true);
    void attempt(() => withExcel((ctx) => readWorkbookReturn(ctx))).then((r) => {
      if (cancelled) return;
      setLoading(false);
      if (r) setRaw(r.raw);
    });
    return () => {
      cancelled = true;
    };
  }, [template?.id]);

  const findings = React.useMemo(() => (raw ? byField(validateReturn(raw).findings) : new Map<string, Finding[]>()), [raw]);

  const commit = async (id: string, kind: FieldKind, text: string) => {
    if (!raw) return;
    const before = raw.cells[id];
    const parsed = parseCell({ value: text.trim() === "" ? null : text, numFmt: before?.numFmt, location: before?.location }, kind, id);
    const refused = parsed.findings.filter((f) => f.severity === "fejl");
    setTyped((prev) => ({ ...prev, [id]: refused }));
    if (refused.length > 0) return;
    const written = await attempt(() => withExcel((ctx) => writeNamedCells(ctx, { [id]: parsed.value })));
    if (!written) return;
    notify(undefined);
    setRaw((prev) =>
      prev ? { ...prev, cells: { ...prev.cells, [id]: { value: parsed.value, numFmt: before?.numFmt, location: before?.location } } } : prev,
    );
  };

  if (!info || available.length === 0) {
    return <Text>Projektmappen har ingen skabeloner endnu. Indsæt dem under »Skabeloner«.</Text>;
  }

  const fieldFindings = (id: string) => [...(typed[id] ?? []), ...(findings.get(id) ?? [])];

  return (
    <div className={styles.root}>
      <Field label="Nedslagspunkt">
        <Select value={template?.id} onChange={(_, d) => setTemplateId(d.value)}>
          {available.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {loading && <Spinner size="tiny" label="Læser værdier fra arket …" />}
      {template &&
        raw &&
        template.blocks.filter(isGrid).map((b) => (
          <section key={b.id} className={styles.block} aria-labelledby={`blok-${template.id}-${b.id}`}>
            <Text as="h2" weight="semibold" id={`blok-${template.id}-${b.id}`}>
              {b.title}
            </Text>
            {b.rows.map((r) => {
              const rowId = `raekke-${template.id}-${b.id}-${r.id}`;
              const years = r.columns ?? b.columns.map((c) => c.key);
              const rowFindings = years.flatMap((y) =>
                fieldFindings(fieldId(template.id, b.id, r.id, y)).map((f) => ({ year: y, f })),
              );
              return (
                <div key={r.id} role="group" aria-labelledby={rowId} className={styles.row}>
                  <Text id={rowId} size={200}>
                    {r.label}
                    {KIND_UNIT[r.kind] ? <span className={styles.unit}> ({KIND_UNIT[r.kind]})</span> : null}
                  </Text>
                  <div className={styles.years}>
                    {years.map((y) => {
                      const id = fieldId(template.id, b.id, r.id, y);
                      return (
                        <FormField
                          key={id}
                          className={styles.year}
                          inputClassName={styles.yearInput}
                          id={id}
                          kind={r.kind}
                          label={b.columns.find((c) => c.key === y)?.label ?? String(y)}
                          cell={raw.cells[id]}
                          findings={fieldFindings(id)}
                          onCommit={commit}
                          describedBy={`${rowId}-bem`}
                        />
                      );
                    })}
                  </div>
                  {rowFindings.length > 0 && (
                    <ul id={`${rowId}-bem`} className={styles.messages}>
                      {rowFindings.map(({ year, f }, i) => (
                        <li key={i} className={f.severity === "fejl" ? styles.error : styles.warning}>
                          <Text size={200}>
                            {f.message.includes(String(year)) ? f.message : `${year}: ${f.message}`}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </section>
        ))}
      {template && raw && (
        <section className={styles.block} aria-label="Kommentarer">
          {template.texts.map((tx) => {
            const id = textFieldId(template.id, tx.id);
            return (
              <FormField
                key={id}
                id={id}
                kind="tekst"
                label={tx.label}
                cell={raw.cells[id]}
                findings={fieldFindings(id)}
                onCommit={commit}
                multiline
                inlineMessage
              />
            );
          })}
        </section>
      )}
    </div>
  );
}
