/**
 * *Udfyld*: a form per nedslagspunkt generated from the survey (blocks, rows, years, units).
 * Values and findings come from the live workbook (live.tsx): typing in a cell in Excel updates
 * the form, and selecting an input cell in Excel shows its field here. A value typed here is
 * written when the field is left (Tab, Enter or a click elsewhere); numbers are shown and typed
 * with a decimal comma and read by the validation's lenient Danish parser.
 *
 * A block's percentage rows are grouped with a running sum per year; the "must sum to 100"
 * finding is shown once the year's shares are all filled in or the block is left, not while
 * the first share is being typed.
 */
import * as React from "react";
import {
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  isGrid,
  isList,
  type ChoiceDef,
  type ColumnKey,
  type FieldKind,
  type GridBlockDef,
  type ListBlockDef,
  type RowDef,
  type TemplateDef,
} from "../../domain/catalogue/types";
import { KINDS } from "../../domain/kinds";
import type { Finding, RawCell } from "../../domain/model";
import { displayValue, parseCell } from "../../domain/parse";
import { formatPct, pctSumStatus } from "../../domain/pctSum";
import { withoutCpr } from "../../domain/validate/cpr";
import { writeNamedCells } from "../../excel/fields";
import { byField, plainMessage } from "../findings";
import { useLive } from "../live";
import { withExcel } from "../office";
import { SeverityIcon } from "../severity";
import { usePane } from "../state";
import { capitalised } from "../survey";
import { useSurvey } from "../surveyContext";

const PCT_SUM_RULE = "pct_sum";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  select: { width: "100%", minWidth: 0, "& select": { textOverflow: "ellipsis" } },
  block: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: "8px",
    minWidth: 0,
  },
  row: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  label: { overflowWrap: "anywhere" },
  years: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(64px, 1fr))",
    gap: "6px",
    minWidth: 0,
  },
  /** A block with one column: the field takes the row's width. */
  singleField: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", minWidth: 0 },
  yearInput: { minWidth: 0, width: "100%" },
  unit: { color: tokens.colorNeutralForeground3 },
  pctGroup: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    paddingLeft: "8px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  sums: { display: "flex", flexWrap: "wrap", gap: "4px 10px" },
  sumOk: { color: tokens.colorStatusSuccessForeground1 },
  messages: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  message: { display: "flex", gap: "6px", alignItems: "flex-start", minWidth: 0 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "2px",
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** How a cell's value is shown in the form: numbers with a decimal comma, dates, times, choices. */
export function display(cell: RawCell | undefined, kind: FieldKind = "decimal", choices?: readonly ChoiceDef[]): string {
  return displayValue(cell?.value, kind, choices);
}

/** What a field of each kind family asks for in an empty input. */
const PLACEHOLDER: Partial<Record<string, string>> = { dato: "dd-mm-åååå", klokkeslaet: "tt:mm" };

function validationState(findings: readonly Finding[] | undefined): "error" | "warning" | "none" {
  if (!findings || findings.length === 0) return "none";
  if (findings.some((f) => f.severity === "fejl")) return "error";
  return findings.some((f) => f.severity === "advarsel") ? "warning" : "none";
}

/** Findings as a list: icon and colour by severity, the message without cell addresses. */
function Messages(props: { id?: string; items: readonly { f: Finding; prefix?: string }[] }): React.JSX.Element | null {
  const styles = useStyles();
  if (props.items.length === 0) return null;
  return (
    <ul id={props.id} className={styles.messages}>
      {props.items.map(({ f, prefix }, i) => (
        <li key={i} className={styles.message}>
          <SeverityIcon severity={f.severity} />
          <Text size={200}>
            {prefix ? `${prefix}: ` : ""}
            {plainMessage(f)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  readonly id: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly choices?: readonly ChoiceDef[];
  readonly cell: RawCell | undefined;
  readonly findings: readonly Finding[] | undefined;
  readonly onCommit: (id: string, kind: FieldKind, text: string) => void;
  readonly selected: boolean;
  readonly multiline?: boolean;
  /** Show the findings under the field (text fields); year fields list them under their row. */
  readonly inlineMessage?: boolean;
  /** Id of the element that lists this field's findings. */
  readonly describedBy?: string;
}

function FormField(props: FieldProps): React.JSX.Element {
  const styles = useStyles();
  const shown = display(props.cell, props.kind, props.choices);
  const family = KINDS[props.kind].family;
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
  if (props.kind === "x") {
    return (
      <Checkbox
        className={props.selected ? styles.selected : undefined}
        label={props.label}
        checked={shown.trim().toLowerCase() === "x"}
        input={{ "data-field": props.id } as Record<string, string>}
        onChange={(_, d) => props.onCommit(props.id, props.kind, d.checked ? "x" : "")}
      />
    );
  }
  const fieldProps = {
    className: props.selected ? styles.selected : undefined,
    label: props.label,
    validationState: state,
    validationMessage:
      props.inlineMessage && props.findings?.length ? props.findings.map(plainMessage).join(" ") : undefined,
    size: "small" as const,
  };
  if (family === "valg") {
    return (
      <Field {...fieldProps}>
        <Select
          size="small"
          value={props.choices?.some((c) => c.label === shown) || shown === "" ? shown : "__andet"}
          data-field={props.id}
          aria-invalid={state === "error" ? true : undefined}
          onChange={(_, d) => props.onCommit(props.id, props.kind, d.value)}
        >
          <option value="">(intet valgt)</option>
          {shown !== "" && !props.choices?.some((c) => c.label === shown) && (
            <option value="__andet" disabled>
              {shown} (ikke på listen)
            </option>
          )}
          {(props.choices ?? []).map((c) => (
            <option key={c.id} value={c.label}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  return (
    <Field {...fieldProps}>
      {props.multiline ? (
        <Textarea {...common} resize="vertical" onChange={(_, d) => setText(d.value)} />
      ) : (
        <Input
          {...common}
          className={styles.yearInput}
          size="small"
          inputMode={family === "tal" ? "decimal" : family === "tekst" ? "text" : "numeric"}
          placeholder={PLACEHOLDER[family]}
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
          }}
        />
      )}
    </Field>
  );
}

interface RowProps {
  readonly template: TemplateDef;
  readonly block: GridBlockDef;
  readonly row: RowDef;
  readonly cells: Readonly<Record<string, RawCell>>;
  readonly findingsOf: (id: string) => Finding[];
  readonly onCommit: FieldProps["onCommit"];
  readonly selected?: string;
}

/** The unit to show beside a label: none for ticks, nor where the label already names it ("Fra kl. (tt:mm)"). */
function unitBeside(label: string, unit: string | undefined, kind: string): string | undefined {
  if (!unit || kind === "x" || label.toLocaleLowerCase("da").includes(unit.toLocaleLowerCase("da"))) return undefined;
  return unit;
}

/** A label with its unit in brackets (see `unitBeside`). */
function withUnit(label: string, unit: string | undefined, kind: string): string {
  const shown = unitBeside(label, unit, kind);
  return shown ? `${label} (${shown})` : label;
}

/** The columns a row is asked in, in the block's order. */
function columnsOf(block: GridBlockDef, row: RowDef): readonly ColumnKey[] {
  return row.columns ?? block.columns.map((c) => c.key);
}

function RowFields({ template, block, row, cells, findingsOf, onCommit, selected }: RowProps): React.JSX.Element {
  const styles = useStyles();
  const survey = useSurvey();
  const rowId = `raekke-${template.id}-${block.id}-${row.id}`;
  const years = columnsOf(block, row);
  const unit = survey.unit(row.kind);
  const single = block.columns.length === 1;
  const rowUnit = unitBeside(row.label, unit, row.kind);
  const items = years.flatMap((y) =>
    findingsOf(survey.fieldId(template.id, block.id, row.id, y))
      .filter((f) => f.rule !== PCT_SUM_RULE)
      .map((f) => ({ f, prefix: plainMessage(f).includes(String(y)) ? undefined : String(y) }))
  );
  return (
    <div
      role="group"
      aria-labelledby={single ? undefined : rowId}
      aria-label={single ? row.label : undefined}
      className={styles.row}
    >
      {single ? null : (
        <Text id={rowId} size={200} className={styles.label}>
          {row.label}
          {rowUnit ? <span className={styles.unit}> ({rowUnit})</span> : null}
        </Text>
      )}
      <div className={single ? styles.singleField : styles.years}>
        {years.map((y) => {
          const id = survey.fieldId(template.id, block.id, row.id, y);
          return (
            <FormField
              key={id}
              id={id}
              kind={row.kind}
              choices={row.choices}
              label={
                // A block with one column (a form, not a table): the row's own label names the field.
                single ? withUnit(row.label, unit, row.kind) : (block.columns.find((c) => c.key === y)?.label ?? String(y))
              }
              cell={cells[id]}
              findings={findingsOf(id)}
              onCommit={onCommit}
              selected={selected === id}
              describedBy={`${rowId}-bem`}
            />
          );
        })}
      </div>
      <Messages id={`${rowId}-bem`} items={items} />
    </div>
  );
}

interface ListProps {
  readonly template: TemplateDef;
  readonly block: ListBlockDef;
  readonly cells: Readonly<Record<string, RawCell>>;
  readonly findingsOf: (id: string) => Finding[];
  readonly onCommit: FieldProps["onCommit"];
  readonly selected?: string;
}

/**
 * A list block (proposals, time slots …): the filled records and one empty record to start the
 * next, up to the block's maximum. Each record is a group of its fields.
 */
function ListFields({ template, block, cells, findingsOf, onCommit, selected }: ListProps): React.JSX.Element {
  const styles = useStyles();
  const survey = useSurvey();
  const idOf = (n: number, f: string) => survey.recordFieldId(template.id, block.id, n, f);
  const isFilled = (n: number) =>
    block.fields.some((f) => {
      if (f.derived) return false;
      const v = cells[idOf(n, f.id)]?.value;
      return v !== null && v !== undefined && v !== "";
    });
  let last = 0;
  for (let n = 1; n <= block.max; n++) if (isFilled(n)) last = n;
  // A record selected in Excel is shown even when records before it are empty.
  const selectedRecord = selected ? Number(selected.split(".")[2]) : 0;
  const shown = Math.min(block.max, Math.max(last + 1, selected?.startsWith(`${template.id}.${block.id}.`) ? selectedRecord : 0));
  return (
    <>
      {block.intro && (
        <Text size={200} className={styles.unit}>
          {block.intro}
        </Text>
      )}
      {Array.from({ length: shown }, (_, i) => i + 1).map((n) => {
        const groupId = `post-${template.id}-${block.id}-${n}`;
        const items = block.fields.flatMap((f) =>
          findingsOf(idOf(n, f.id)).map((x) => ({ f: x, prefix: f.label }))
        );
        return (
          <div key={n} role="group" aria-labelledby={groupId} className={styles.pctGroup}>
            <Text id={groupId} size={200} weight="semibold">
              Nr. {n}
              {n > last ? " (ny)" : ""}
            </Text>
            {/* Derived columns are locked formulas in the sheet, not fields to fill in. */}
            {block.fields.filter((f) => !f.derived).map((f) => {
              const id = idOf(n, f.id);
              const unit = survey.unit(f.kind);
              return (
                <FormField
                  key={id}
                  id={id}
                  kind={f.kind}
                  choices={f.choices}
                  label={withUnit(f.label, unit, f.kind)}
                  cell={cells[id]}
                  findings={findingsOf(id)}
                  onCommit={onCommit}
                  selected={selected === id}
                  multiline={f.kind === "tekst"}
                  describedBy={`${groupId}-bem`}
                />
              );
            })}
            <Messages id={`${groupId}-bem`} items={items} />
          </div>
        );
      })}
      {shown === block.max && last === block.max && (
        <Text size={200} className={styles.unit}>
          Listen er fuld ({block.max} i alt).
        </Text>
      )}
    </>
  );
}

export default function Udfyld(): React.JSX.Element {
  const styles = useStyles();
  const survey = useSurvey();
  const { info, notify, attempt } = usePane();
  const live = useLive();
  const available = survey.templates.filter((t) => info?.skabeloner.includes(t.id));
  const [templateId, setTemplateId] = React.useState<string | undefined>(undefined);
  const template = available.find((t) => t.id === templateId) ?? available[0];
  const [typed, setTyped] = React.useState<Record<string, Finding[]>>({});
  /** Blocks whose percentage group the user has left (their sum is checked from then on). */
  const [left, setLeft] = React.useState<ReadonlySet<string>>(new Set());
  const root = React.useRef<HTMLDivElement>(null);

  // A cell selected in Excel shows its field: its template, scrolled into view.
  React.useEffect(() => {
    const id = live.selected;
    if (!id) return;
    const t = id.split(".")[0];
    if (available.some((x) => x.id === t)) setTemplateId(t);
    requestAnimationFrame(() =>
      root.current?.querySelector(`[data-field="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center" })
    );
  }, [live.selected]);

  const findings = React.useMemo(
    () => (live.result ? byField(live.result.findings) : new Map<string, Finding[]>()),
    [live.result]
  );
  const raw = live.raw;

  const commit = async (id: string, kind: FieldKind, text: string) => {
    if (!raw) return;
    const before = raw.cells[id];
    const choices = survey.field(id)?.choices;
    const cell: RawCell = { value: text.trim() === "" ? null : text, numFmt: before?.numFmt, location: before?.location };
    // A CPR-like text is never written to the workbook.
    const cpr = withoutCpr({ meta: {}, cells: { [id]: cell }, locatedBy: "navne", findings: [] }, survey.pack).findings;
    if (cpr.length > 0) {
      setTyped((prev) => ({ ...prev, [id]: [...cpr] }));
      return;
    }
    const parsed = parseCell(
      cell,
      kind,
      id,
      choices
    );
    const refused = parsed.findings.filter((f) => f.severity === "fejl");
    setTyped((prev) => ({ ...prev, [id]: refused }));
    if (refused.length > 0) return;
    const written = await attempt(
      // A choice is written as the answer users pick from the cell's list (its label).
      () =>
        withExcel(
          (ctx) =>
            writeNamedCells(ctx, {
              [id]: kind === "valg" ? (choices?.find((c) => c.id === parsed.value)?.label ?? parsed.value) : parsed.value,
            }),
          { write: true }
        ),
      "Udfyld: værdien blev ikke skrevet"
    );
    if (!written) return;
    notify(undefined);
    live.store.wrote(id, parsed.value);
  };

  if (!info || available.length === 0) {
    return <Text>Projektmappen har ingen skabeloner endnu. Indsæt dem under »Skabeloner«.</Text>;
  }

  const findingsOf = (id: string) => [...(typed[id] ?? []), ...(findings.get(id) ?? [])];
  const value = (id: string) => raw?.cells[id]?.value;
  const filled = (id: string) => {
    const v = value(id);
    return v !== null && v !== undefined && v !== "";
  };

  return (
    <div className={styles.root} ref={root}>
      <Field label={capitalised(survey.templateNoun.one)}>
        <Select className={styles.select} value={template?.id} onChange={(_, d) => setTemplateId(d.value)}>
          {available.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {live.loading && !raw && <Spinner size="tiny" label="Læser værdier fra arket …" />}
      {template &&
        raw &&
        template.blocks.map((b) => {
          if (isList(b))
            return (
              <section key={b.id} className={styles.block} aria-labelledby={`blok-${template.id}.${b.id}`}>
                <Text as="h2" weight="semibold" id={`blok-${template.id}.${b.id}`} className={styles.label}>
                  {b.title}
                </Text>
                <ListFields
                  template={template}
                  block={b}
                  cells={raw.cells}
                  findingsOf={findingsOf}
                  onCommit={commit}
                  selected={live.selected}
                />
              </section>
            );
          if (!isGrid(b)) return null;
          const plain = b.rows.filter((r) => r.kind !== "pct" && !r.derived);
          const pct = b.rows.filter((r) => r.kind === "pct");
          // A block of derived rows only (totals the sheet computes) has nothing to fill in.
          if (plain.length === 0 && pct.length === 0) return null;
          const key = `${template.id}.${b.id}`;
          const asked = new Set(pct.flatMap((r) => columnsOf(b, r)));
          const years = b.columns.map((c) => c.key).filter((k) => asked.has(k));
          const sumItems = years.flatMap((y) => {
            const ids = pct
              .filter((r) => columnsOf(b, r).includes(y))
              .map((r) => survey.fieldId(template.id, b.id, r.id, y));
            const complete = ids.every(filled);
            if (!complete && !left.has(key)) return [];
            return ids
              .flatMap(findingsOf)
              .filter((f) => f.rule === PCT_SUM_RULE && f.field?.endsWith(`.${y}`))
              .slice(0, 1)
              .map((f) => ({ f, prefix: String(y) }));
          });
          return (
            <section key={b.id} className={styles.block} aria-labelledby={`blok-${key}`}>
              <Text as="h2" weight="semibold" id={`blok-${key}`} className={styles.label}>
                {b.title}
              </Text>
              {plain.map((r) => (
                <RowFields
                  key={r.id}
                  template={template}
                  block={b}
                  row={r}
                  cells={raw.cells}
                  findingsOf={findingsOf}
                  onCommit={commit}
                  selected={live.selected}
                />
              ))}
              {pct.length > 0 && (
                <div
                  className={styles.pctGroup}
                  role="group"
                  aria-labelledby={`fordel-${key}`}
                  onBlur={(e) => {
                    if (!e.currentTarget.contains(e.relatedTarget as Node | null))
                      setLeft((prev) => new Set(prev).add(key));
                  }}
                >
                  <Text id={`fordel-${key}`} size={200} weight="semibold">
                    Fordel gerne på underopgaver (i %)
                  </Text>
                  <div className={styles.sums} aria-live="polite">
                    {years.map((y) => {
                      const vals = pct
                        .filter((r) => columnsOf(b, r).includes(y))
                        .map((r) => value(survey.fieldId(template.id, b.id, r.id, y)));
                      const status = pctSumStatus(vals.map((v) => (typeof v === "number" ? v : null)));
                      if (status.status === "tom") return null;
                      return (
                        <Text key={y} size={200} className={status.status === "ok" ? styles.sumOk : undefined}>
                          {y}: {formatPct(status.sum)} %{status.status === "ok" ? " ✓" : ""}
                        </Text>
                      );
                    })}
                  </div>
                  {pct.map((r) => (
                    <RowFields
                      key={r.id}
                      template={template}
                      block={b}
                      row={r}
                      cells={raw.cells}
                      findingsOf={findingsOf}
                      onCommit={commit}
                      selected={live.selected}
                    />
                  ))}
                  <Messages items={sumItems} />
                </div>
              )}
            </section>
          );
        })}
      {template && raw && (
        <section className={styles.block} aria-label="Kommentarer">
          {template.texts.map((tx) => {
            const id = survey.textFieldId(template.id, tx.id);
            return (
              <FormField
                key={id}
                id={id}
                kind="tekst"
                label={tx.label}
                cell={raw.cells[id]}
                findings={findingsOf(id)}
                onCommit={commit}
                selected={live.selected === id}
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
