/**
 * *Skabeloner*: choose the respondent (a municipality, a team …) and the templates
 * (nedslagspunkter, skemaer …, as the pack calls them), then insert the template sheets
 * (the same layout model as the .xlsx templates) into the open workbook, as one undo step
 * where Excel can.
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
  tokens,
} from "@fluentui/react-components";
import { containsCpr } from "../../domain/validate/cpr";
import { renderWorkbookPlan } from "../../excel/render";
import { withExcel } from "../office";
import { usePane } from "../state";
import { capitalised } from "../survey";
import { useSurvey } from "../surveyContext";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: "0",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 8px",
    minWidth: 0,
  },
  groupHead: { display: "flex", alignItems: "center", gap: "4px", flexWrap: "wrap" },
  groupLabel: { flex: 1, minWidth: "120px" },
  present: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export default function Skabeloner(): React.JSX.Element {
  const styles = useStyles();
  const survey = useSurvey();
  const { info, refresh, notify, attempt, go } = usePane();
  const present = React.useMemo(() => new Set(info?.skabeloner ?? []), [info]);
  const [kommune, setKommune] = React.useState<string>(info?.kommune ?? "");
  const [query, setQuery] = React.useState<string>(info?.kommune ?? "");
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(survey.templates.map((t) => t.id)));
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (info?.kommune) {
      setKommune(info.kommune);
      setQuery(info.kommune);
    }
  }, [info?.kommune]);

  const matches = survey.kommuner.filter((k) => k.navn.toLowerCase().includes(query.trim().toLowerCase()));
  const toInsert = survey.templates.filter((t) => chosen.has(t.id) && !present.has(t.id));
  const missing = survey.templates.filter((t) => !present.has(t.id));
  // A pack without a fixed list (liste »fri«) takes any name typed, but never a CPR number.
  const free = survey.pack.respondents.free;
  const cpr = free && containsCpr(query);
  const kommuneValid = !cpr && survey.isKommune(kommune);
  const who = survey.respondent;
  const noun = survey.templateNoun;
  const nounOf = (n: number) => (n === 1 ? noun.one : noun.many);

  const insert = async () => {
    setBusy(true);
    notify(undefined);
    const result = await attempt(
      () =>
        withExcel(
          async (ctx) => {
            const all = survey.templates.filter((t) => present.has(t.id) || chosen.has(t.id)).map((t) => t.id);
            const plan = survey.buildTemplates(kommune, all);
            const existing = new Set((info?.sheets ?? []).map((s) => s.toLowerCase()));
            const hasForside = existing.has(survey.forside.toLowerCase());
            // Sheets of templates already in the workbook stay as they are (with their answers);
            // the front page is rewritten so meta.skabelon lists every template.
            const sheets = plan.sheets.filter(
              (s) => s.name === survey.forside || !existing.has(s.name.toLowerCase())
            );
            return renderWorkbookPlan(ctx, { sheets }, { replace: hasForside ? [survey.forside] : [] });
          },
          { write: true }
        ),
      "Indsæt skabeloner: intet er ændret"
    );
    setBusy(false);
    if (result) {
      notify({
        intent: "success",
        title: "Skabeloner indsat",
        text: `${toInsert.length} ${nounOf(toInsert.length)} indsat for ${kommune}. Udfyld ${toInsert.length === 1 ? "det" : "dem"} under »Udfyld« eller direkte i de gule celler.`,
      });
      await refresh();
    }
  };

  const hint = !kommuneValid
    ? free
      ? `Skriv ${survey.pack.respondents.definite}s navn ovenfor.`
      : `Vælg ${who.one} ovenfor.`
    : toInsert.length === 0
      ? missing.length === 0
        ? `Alle ${noun.many} er i projektmappen.`
        : `Intet valgt: sæt kryds ved de ${noun.many}, der skal indsættes.`
      : undefined;

  return (
    <div className={styles.form}>
      <Text size={200}>
        Vælg {who.one} og {noun.many}. Arkene indsættes i den åbne projektmappe.
      </Text>
      <Field
        label={capitalised(who.one)}
        required
        validationMessage={
          cpr
            ? `Skriv ${survey.pack.respondents.definite}s navn, ikke et CPR-nummer`
            : query && !kommuneValid
              ? free
                ? `Skriv ${survey.pack.respondents.definite}s navn`
                : `Vælg fra listen (${who.many})`
              : undefined
        }
      >
        <Combobox
          freeform={free}
          placeholder={free ? `Skriv ${survey.pack.respondents.definite}s navn` : "Skriv for at søge"}
          value={query}
          selectedOptions={kommuneValid && !free ? [kommune] : []}
          onChange={(e) => {
            setQuery(e.target.value);
            if (free) setKommune(e.target.value.trim());
          }}
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
      <div className={styles.group} role="group" aria-labelledby="np-label">
        <div className={styles.groupHead}>
          <Text id="np-label" weight="semibold" size={300} className={styles.groupLabel}>
            {capitalised(noun.many)}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            disabled={missing.length === 0}
            onClick={() => setChosen(new Set(survey.templates.map((t) => t.id)))}
          >
            Vælg alle
          </Button>
          <Button size="small" appearance="subtle" disabled={missing.length === 0} onClick={() => setChosen(new Set())}>
            Fravælg alle
          </Button>
        </div>
        {survey.templates.map((t) => (
          <Checkbox
            key={t.id}
            label={
              present.has(t.id) ? (
                <>
                  {t.name} <span className={styles.present}>(i projektmappen)</span>
                </>
              ) : (
                t.name
              )
            }
            aria-label={present.has(t.id) ? `${t.name} (findes allerede)` : t.name}
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
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || hint !== undefined} onClick={insert}>
          {busy ? "Indsætter …" : "Indsæt skabeloner"}
        </Button>
        {present.size > 0 && <Button onClick={() => go("udfyld")}>Til Udfyld</Button>}
        {hint && (
          <Text size={200} className={styles.hint}>
            {hint}
          </Text>
        )}
      </div>
    </div>
  );
}
