/**
 * *Indsaml* (consultant): pick many returned .xlsx files (a Fluent button or drag and drop onto
 * the drop zone); each is read with the same reader as the CLI (src/xlsx, in a Web Worker per
 * file: `readFiles` in ../collect.ts) and validated with the same rules.
 * A progress bar and a per-file result (read, warnings, rejected and why). A municipality that is
 * already in the *Data* sheet, or comes twice, is replaced only when the user says so.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { KommuneReturn } from "../../domain/model";
import { readTable, writeTable } from "../../excel/table";
import { readFiles, type FileResult, type FileStatus } from "../collect";
import { DATA_SHEET, DATA_TABLE, DATA_WRITE, dataLayout, headerMatches, kommunerIn, mergeData } from "../dataSheet";
import { withExcel } from "../office";
import { usePane } from "../state";
import { HiddenFileInput, XLSX_FILES } from "../HiddenFileInput";
import { useSurvey } from "../surveyContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: "6px",
    padding: "14px 8px",
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: "4px",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  head: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
});

const BADGE: Record<FileStatus, { color: "success" | "warning" | "danger"; text: string }> = {
  laest: { color: "success", text: "Læst" },
  advarsler: { color: "warning", text: "Læst med bemærkninger" },
  afvist: { color: "danger", text: "Afvist" },
};

interface Question {
  readonly kommune: string;
  readonly from: string;
  readonly to: string;
}

/**
 * One file's line in the result list. A memo: the list grows by one line as each file is read,
 * and only the new line is drawn (98 files drew 4 851 lines otherwise).
 */
const ResultItem = React.memo(function ResultItem({ result: r }: { result: FileResult }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <div className={styles.head}>
        <Badge appearance="filled" color={BADGE[r.status].color}>
          {BADGE[r.status].text}
        </Badge>
        <Text weight="semibold" size={200}>
          {r.file}
        </Text>
      </div>
      <Text size={200}>{r.text}</Text>
    </li>
  );
});

export default function Indsaml(): React.JSX.Element {
  const styles = useStyles();
  const { attempt, notify } = usePane();
  const survey = useSurvey();
  const layout = React.useMemo(() => dataLayout(survey.pack), [survey]);
  const who = survey.respondent;
  const [results, setResults] = React.useState<FileResult[]>([]);
  const [progress, setProgress] = React.useState<{ done: number; total: number; last?: string } | undefined>(undefined);
  const [question, setQuestion] = React.useState<Question | undefined>(undefined);
  const answer = React.useRef<((replace: boolean) => void) | undefined>(undefined);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);
  const [chosen, setChosen] = React.useState(0);

  const ask = (q: Question) =>
    new Promise<boolean>((resolve) => {
      answer.current = resolve;
      setQuestion(q);
    });
  const reply = (replace: boolean) => {
    setQuestion(undefined);
    answer.current?.(replace);
  };

  const collect = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setChosen(files.length);
    notify(undefined);
    setResults([]);
    setProgress({ done: 0, total: files.length });
    // Each file in a Web Worker (two at a time); the list and the bar move as each finishes.
    const finished: FileResult[] = [];
    const read = await readFiles(
      files,
      (p) => {
        finished.push(p.result);
        setResults([...finished]);
        setProgress({ done: p.done, total: p.total, last: p.result.file });
      },
      survey.pack
    );
    const usable = read.filter((r) => r.result);
    if (usable.length === 0) return;

    const existing = await attempt(() => withExcel((ctx) => readTable(ctx, DATA_SHEET, DATA_TABLE)));
    if (!existing) return;
    if (!headerMatches(existing.table, layout)) {
      notify({
        intent: "error",
        title: "Arket »Data« bruges til andet",
        text: `Arket »Data« har ikke kolonnerne ${layout.header.slice(0, 5).join(", ")} (pakken »${survey.pack.name}«). Omdøb det, eller skift pakke, og prøv igen. Intet er ændret.`,
      });
      return;
    }
    const present = kommunerIn(existing.table, layout);
    const replace = new Set<string>();
    const chosen = new Map<string, KommuneReturn>();
    for (const r of usable) {
      const k = r.kommune as string;
      const earlier = chosen.get(k);
      if (earlier) {
        // The same municipality twice in this batch: ask which one to keep.
        if (await ask({ kommune: k, from: earlier.file ?? "", to: r.file })) chosen.set(k, r.result as KommuneReturn);
        continue;
      }
      if (present.has(k)) {
        if (!(await ask({ kommune: k, from: present.get(k) || `arket »${DATA_SHEET}«`, to: r.file }))) continue;
        replace.add(k);
      }
      chosen.set(k, r.result as KommuneReturn);
    }
    const incoming = [...chosen.values()];
    const table = mergeData(existing.table, incoming, replace, layout);
    const added = incoming.filter((r) => !present.has(r.kommune) || replace.has(r.kommune));
    if (added.length === 0) {
      notify({ intent: "info", text: "Intet nyt at skrive: de eksisterende data er beholdt." });
      return;
    }
    const written = await attempt(
      () => withExcel((ctx) => writeTable(ctx, DATA_SHEET, table, DATA_WRITE), { write: true }),
      "Indsaml: arket »Data« blev ikke skrevet"
    );
    if (written) {
      notify({
        intent: "success",
        title: "Data indsamlet",
        text: `${added.length} ${added.length === 1 ? who.one : who.many} skrevet til arket »${DATA_SHEET}«${replace.size ? ` (${replace.size} erstattet)` : ""}.`,
      });
    }
  };

  return (
    <div className={styles.root}>
      <Text size={200}>
        Vælg de returnerede skabeloner (.xlsx). De læses og valideres her i ruden, og data skrives til tabellen
        »{DATA_TABLE}« på arket »Data«.
      </Text>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void collect(Array.from(e.dataTransfer.files));
        }}
      >
        <HiddenFileInput
          ref={inputRef}
          id="returnerede-filer"
          accept={XLSX_FILES}
          multiple
          onFiles={(files) => void collect(files)}
        />
        <Button appearance="primary" onClick={() => inputRef.current?.click()}>
          Vælg filer …
        </Button>
        <Text size={200} className={styles.muted}>
          {chosen > 0
            ? `${chosen} fil${chosen === 1 ? "" : "er"} valgt. Vælg eller træk flere for at tilføje.`
            : "eller træk filerne hertil"}
        </Text>
      </div>
      {progress && (
        <Field
          label="Fremdrift"
          validationState="none"
          validationMessage={`${progress.done} af ${progress.total} ${progress.total === 1 ? "fil" : "filer"} læst${progress.last ? ` (senest ${progress.last})` : ""}`}
        >
          <ProgressBar value={progress.total === 0 ? 0 : progress.done / progress.total} />
        </Field>
      )}
      <ul className={styles.list} aria-label="Resultat pr. fil">
        {results.map((r) => (
          <ResultItem key={r.file} result={r} />
        ))}
      </ul>
      <Dialog open={question !== undefined} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Erstat data for {question?.kommune}?</DialogTitle>
            <DialogContent>
              Der findes allerede data for {question?.kommune} (fra {question?.from}). Vil du erstatte dem med {question?.to}?
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => reply(true)}>
                Erstat
              </Button>
              <Button onClick={() => reply(false)}>Behold de eksisterende</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
