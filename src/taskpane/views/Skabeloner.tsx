/**
 * *Skabeloner*: choose the municipality and nedslagspunkter, then insert the template sheets
 * (the same layout model as the .xlsx templates) into the open workbook.
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Combobox,
  Field,
  Option,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { KOMMUNER, TEMPLATES, findKommune } from "../../domain/catalogue";
import { FORSIDE, buildTemplateWorkbook } from "../../domain/layout";
import { renderWorkbookPlan } from "../../excel/render";
import { withExcel } from "../office";
import { usePane } from "../state";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "12px" },
  list: { display: "flex", flexDirection: "column", gap: "0" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

export default function Skabeloner(): React.JSX.Element {
  const styles = useStyles();
  const { info, refresh, notify, attempt } = usePane();
  const present = React.useMemo(() => new Set(info?.skabeloner ?? []), [info]);
  const [kommune, setKommune] = React.useState<string>(info?.kommune ?? "");
  const [query, setQuery] = React.useState<string>(info?.kommune ?? "");
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(TEMPLATES.map((t) => t.id)));
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (info?.kommune) {
      setKommune(info.kommune);
      setQuery(info.kommune);
    }
  }, [info?.kommune]);

  const matches = KOMMUNER.filter((k) => k.navn.toLowerCase().includes(query.trim().toLowerCase()));
  const toInsert = TEMPLATES.filter((t) => chosen.has(t.id) && !present.has(t.id));
  const kommuneValid = findKommune(kommune) !== undefined;

  const insert = async () => {
    setBusy(true);
    notify(undefined);
    const result = await attempt(() =>
      withExcel(async (ctx) => {
        const all = TEMPLATES.filter((t) => present.has(t.id) || chosen.has(t.id)).map((t) => t.id);
        const plan = buildTemplateWorkbook(kommune, all);
        const existing = new Set((info?.sheets ?? []).map((s) => s.toLowerCase()));
        const hasForside = existing.has(FORSIDE.toLowerCase());
        // Sheets of templates already in the workbook stay as they are (with their answers);
        // the front page is rewritten so meta.skabelon lists every template.
        const sheets = plan.sheets.filter((s) => s.name === FORSIDE || !existing.has(s.name.toLowerCase()));
        return renderWorkbookPlan(ctx, { sheets }, { replace: hasForside ? [FORSIDE] : [] });
      }),
    );
    setBusy(false);
    if (result) {
      notify({
        intent: "success",
        title: "Skabeloner indsat",
        text: `${toInsert.length} nedslagspunkt${toInsert.length === 1 ? "" : "er"} indsat for ${kommune} (${result.added.length} ark, ${result.names} navngivne celler).`,
      });
      await refresh();
    }
  };

  return (
    <div className={styles.form}>
      <Text>Vælg kommune og nedslagspunkter. Arkene indsættes i den åbne projektmappe.</Text>
      <Field label="Kommune" required validationMessage={query && !kommuneValid ? "Vælg en kommune fra listen" : undefined}>
        <Combobox
          placeholder="Skriv for at søge"
          value={query}
          selectedOptions={kommuneValid ? [kommune] : []}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            setKommune(d.optionValue ?? "");
            setQuery(d.optionText ?? "");
          }}
        >
          {matches.map((k) => (
            <Option key={k.kode} value={k.navn}>
              {k.navn}
            </Option>
          ))}
        </Combobox>
      </Field>
      <fieldset className={styles.list}>
        <legend>Nedslagspunkter</legend>
        {TEMPLATES.map((t) => (
          <Checkbox
            key={t.id}
            label={present.has(t.id) ? `${t.name} (findes allerede)` : t.name}
            checked={present.has(t.id) || chosen.has(t.id)}
            disabled={present.has(t.id)}
            onChange={(_, d) =>
              setChosen((prev) => {
                const next = new Set(prev);
                if (d.checked) next.add(t.id);
                else next.delete(t.id);
                return next;
              })
            }
          />
        ))}
      </fieldset>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !kommuneValid || toInsert.length === 0} onClick={insert}>
          {busy ? "Indsætter …" : "Indsæt skabeloner"}
        </Button>
        <Button onClick={() => setChosen(new Set(TEMPLATES.map((t) => t.id)))}>Vælg alle</Button>
        <Button onClick={() => setChosen(new Set())}>Fravælg alle</Button>
      </div>
    </div>
  );
}
