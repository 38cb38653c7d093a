/**
 * The pack bar on top of every view: which survey pack the pane works with, and (behind
 * »Skift pakke«) a built-in pack to pick or a pack file to open. A file is checked with every
 * rule of `byrde pakke tjek` before it is used; its problems are listed with their JSON paths,
 * and the pack in use stays as it was.
 */
import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PackProblem } from "../domain/pack/model";
import { BUILTIN_PACK_IDS, builtinPack } from "../domain/pakker";
import type { PackChoice } from "./live";
import { packFromText } from "./packStore";
import { usePane } from "./state";
import { HiddenFileInput, JSON_FILES } from "./HiddenFileInput";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  line: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap", minWidth: 0 },
  name: { flex: 1, minWidth: "120px", overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  problems: { margin: "4px 0 0", paddingLeft: "16px", overflowWrap: "anywhere" },
});

/** Largest pack file opened (kl2024 is about 100 kB). */
const MAX_PACK_BYTES = 2 * 1024 * 1024;
/** Problems listed before »og N flere«. */
const SHOWN_PROBLEMS = 8;

interface Failure {
  readonly file: string;
  readonly problems: readonly PackProblem[];
}

export function PackBar({ choice }: { choice: PackChoice }): React.JSX.Element {
  const styles = useStyles();
  const { info } = usePane();
  const { survey, choose } = choice;
  const [open, setOpen] = React.useState(false);
  const [failure, setFailure] = React.useState<Failure | undefined>(undefined);
  const [opened, setOpened] = React.useState<string | undefined>(undefined);
  const input = React.useRef<HTMLInputElement>(null);
  const pack = survey.pack;
  const builtins = React.useMemo(
    () => BUILTIN_PACK_IDS.map((id) => builtinPack(id)!).map((p) => ({ id: p.id, name: p.name })),
    []
  );
  const isBuiltin = builtinPack(pack.id)?.version === pack.version;
  const otherPack = info?.pakke && info.skabeloner.length > 0 && info.pakke !== pack.id ? info.pakke : undefined;

  const openFile = async (file: File) => {
    setFailure(undefined);
    setOpened(undefined);
    if (file.size > MAX_PACK_BYTES) {
      setFailure({
        file: file.name,
        problems: [{ path: "", message: `Filen er for stor (${Math.round(file.size / 1024)} kB); en pakke er højst 2 MB.` }],
      });
      return;
    }
    const r = packFromText(await file.text());
    if (!r.ok) {
      setFailure({ file: file.name, problems: r.problems });
      return;
    }
    await choose(r.pack, r.spec);
    setOpened(file.name);
    setOpen(false);
  };

  return (
    <section className={styles.bar} aria-label="Undersøgelsespakke">
      <div className={styles.line}>
        <Text size={200} className={styles.name}>
          <span className={styles.muted}>Pakke: </span>
          <span data-testid="pakke-navn">{pack.name}</span>
          <span className={styles.muted}>
            {" "}
            ({isBuiltin ? "indbygget" : "egen fil"}, version {pack.version})
          </span>
        </Text>
        <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? "Luk" : "Skift pakke"}
        </Button>
      </div>
      {otherPack && (
        <Text size={200} role="status">
          Skabelonerne i projektmappen er lavet med pakken »{otherPack}«
          {builtinPack(otherPack) ? "" : ", som ikke er åbnet: åbn den pakkefil"}.
        </Text>
      )}
      {opened && !open && (
        <Text size={200} role="status">
          Pakken fra »{opened}« er i brug og gemt i projektmappen.
        </Text>
      )}
      {open && (
        <>
          <Field label="Indbygget pakke" size="small">
            <Select
              size="small"
              value={isBuiltin ? pack.id : ""}
              onChange={(_, d) => {
                const p = builtinPack(d.value);
                setFailure(undefined);
                setOpened(undefined);
                if (p) void choose(p, { id: p.id }).then(() => setOpen(false));
              }}
            >
              {!isBuiltin && <option value="">(egen pakkefil)</option>}
              {builtins.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.line}>
            <HiddenFileInput ref={input} accept={JSON_FILES} testId="pakkefil" onFiles={([f]) => void openFile(f)} />
            <Button size="small" onClick={() => input.current?.click()}>
              Åbn pakkefil …
            </Button>
            <Text size={200} className={styles.muted}>
              En pakke er én JSON-fil; den tjekkes, før den bruges.
            </Text>
          </div>
        </>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>»{failure.file}« kan ikke bruges</MessageBarTitle>
            {failure.problems.length === 1 ? "Ét problem" : `${failure.problems.length} problemer`}; pakken i brug er
            uændret.
            <ul className={styles.problems}>
              {failure.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>
                  {p.path ? <code>{p.path}</code> : null}
                  {p.path ? ": " : ""}
                  {p.message}
                </li>
              ))}
              {failure.problems.length > SHOWN_PROBLEMS && <li>… og {failure.problems.length - SHOWN_PROBLEMS} flere</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
