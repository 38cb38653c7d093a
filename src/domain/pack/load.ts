/**
 * Loads a survey pack: the JSON text → the schema (schema.ts, zod, Danish messages) → the checks
 * the schema cannot make (unknown or duplicate ids, references to fields, blocks, settings and
 * tables that do not exist, expressions whose kinds do not fit, cycles) → the model (model.ts).
 * Every problem comes back with its JSON path and a Danish message; the same checks run for the
 * built-in packs and for a consultant's own file (`byrde pakke tjek`).
 */
import type { z } from "zod";
import type { Node } from "../expr/ast";
import { walk } from "../expr/ast";
import { checkExpr, type CheckScope, type ExprType, type ScalarType } from "../expr/check";
import { parseExpr } from "../expr/parse";
import { KOMMUNER } from "../catalogue/kommuner";
import type {
  BlockDef,
  ChoiceDef,
  ColumnDef,
  ColumnKey,
  FieldDef,
  Operand,
  RowDef,
  RuleDef,
  TemplateDef,
} from "../catalogue/types";
import { derivedFieldsOfTemplate, fieldsOfTemplate, rowField } from "../fieldId";
import { compileDerived, derivedDependencies } from "./derived";
import { KINDS, type FieldKind } from "../kinds";
import type { ComponentDef, MethodDef, NationalUnits } from "../project/definitions";
import type {
  Calculation,
  ExprCalculation,
  InputTableDef,
  Pack,
  PackProblem,
  PeriodsDef,
  ReportColumnDef,
  ReportTableDef,
  RespondentsDef,
  RowAxis,
  SettingDef,
} from "./model";
import {
  checkTargetPositions,
  classifyRef,
  perRespondent,
  targetType,
  wildDomain,
  type AxisCalcRef,
  type RefUniverse,
  type VariableInfo,
} from "./refs";
import {
  PakkeSchema,
  type Pakke,
  type PakkeBeregning,
  type PakkeOperand,
  type PakkeRegel,
  type PakkeValgmulighed as Valgmulighed,
} from "./schema";
import { jsonErrorText } from "../libraryErrors";

export type LoadResult =
  | { readonly ok: true; readonly pack: Pack }
  | { readonly ok: false; readonly problems: readonly PackProblem[] };

type Path = readonly (string | number)[];

/** `skabeloner[0].blokke[2].id` */
export function formatPath(path: Path): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out || "(hele filen)";
}

/** Parses pack text as JSON, with a Danish message naming the line and column of a syntax error. */
export function parsePackText(
  text: string
):
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly problems: PackProblem[] } {
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: "(hele filen)", message: jsonErrorText(e, text) }],
    };
  }
}

function zodProblems(error: z.ZodError): PackProblem[] {
  const out: PackProblem[] = [];
  for (const issue of error.issues) {
    // A discriminated union names the union; its members' own errors are more useful.
    out.push({ path: formatPath(issue.path as Path), message: issue.message });
  }
  return out;
}

const choiceOf = (v: Valgmulighed): ChoiceDef =>
  typeof v === "string" ? { id: v, label: v } : { id: v.id, label: v.navn };

interface Scope extends CheckScope {
  readonly deps: Set<string>;
}

/** Contexts an expression can stand in (which dimensions are bound, what names mean). */
interface ExprContext {
  /** Bound to one respondent. */
  readonly respondent: boolean;
  /** Placeholders `{…}` allowed in references. */
  readonly variables: ReadonlyMap<string, VariableInfo>;
  /** Bare names that mean something here (besides calculations and settings). */
  readonly names: ReadonlyMap<string, ExprType>;
  /** Whether calculations may be named (and as what). */
  readonly calculations: boolean;
  /** Bound to one record of this list block (`skabelon.blok`): its post calculations are one value. */
  readonly records?: string;
  /** A group of this list block's records: record fields and post calculations are lists. */
  readonly group?: string;
  /** A derived cell of this template: only the template's own fields, no settings or calculations. */
  readonly template?: string;
  /** FORRIGE(…) may stand here (the pack has periods, and this is a calculation or a report table). */
  readonly periods?: boolean;
  /** Names of `names` that are constants of the row (række, rækkenavn), usable inside FORRIGE. */
  readonly rowNames?: ReadonlySet<string>;
  /** Inside FORRIGE(…). */
  readonly inPrevious?: boolean;
}

/** Danish name of the list a group row's record values form. */
const GROUP_DOMAIN = "gruppens poster";

class PackLoader {
  readonly problems: PackProblem[] = [];
  private readonly templates = new Map<string, TemplateDef>();
  private readonly inputs = new Map<string, InputTableDef>();
  private readonly settings = new Map<string, SettingDef>();
  private readonly calcs = new Map<
    string,
    {
      level: "respondent" | "samlet" | "post";
      format?: FieldKind;
      records?: string;
      axis?: string;
    }
  >();
  private readonly axes = new Map<string, readonly ColumnDef[]>();

  constructor(private readonly raw: Pakke) {}

  private problem(path: Path, message: string): void {
    this.problems.push({ path: formatPath(path), message });
  }

  /** Reports ids that occur more than once in a list. */
  private unique<T>(
    items: readonly T[] | undefined,
    id: (t: T) => string | number,
    path: Path,
    what: string
  ): void {
    const seen = new Map<string, number>();
    (items ?? []).forEach((t, i) => {
      const k = String(id(t));
      const first = seen.get(k);
      if (first !== undefined)
        this.problem(
          [...path, i, "id"],
          `${what} »${k}« findes to gange (også ${formatPath([...path, first])})`
        );
      else seen.set(k, i);
    });
  }

  private get universe(): RefUniverse {
    const calculations = new Map<string, AxisCalcRef>();
    for (const [id, c] of this.calcs)
      if (c.axis && c.level !== "post")
        calculations.set(id, {
          id,
          axis: c.axis,
          elements: (this.axes.get(c.axis) ?? []).map((e) => String(e.key)),
          level: c.level,
          type: c.format ? KINDS[c.format].exprType : "vilkaarlig",
        });
    return { templates: this.templates, inputs: this.inputs, calculations };
  }

  /** Settings may stand as placeholders in references (`{aar}`): any value. */
  private withSettings(
    variables: ReadonlyMap<string, VariableInfo>
  ): ReadonlyMap<string, VariableInfo> {
    if (this.settings.size === 0) return variables;
    const out = new Map<string, VariableInfo>();
    for (const id of this.settings.keys()) out.set(id, {});
    for (const [k, v] of variables) out.set(k, v);
    return out;
  }

  /** Parses and checks one expression in a context; undefined (with problems) when it fails. */
  expr(
    source: string,
    path: Path,
    ctx: ExprContext,
    expect?: { type?: ScalarType; list?: boolean },
    deps?: Set<string>
  ): Node | undefined {
    const parsed = parseExpr(source);
    const where = (s: { start: number; end: number }) =>
      `tegn ${s.start + 1}${s.end - s.start > 1 ? `–${s.end}` : ""} (»${source.slice(s.start, s.end) || source}«)`;
    if (!parsed.ok) {
      this.problem(
        path,
        `udtrykket kan ikke læses: ${parsed.error.message}, ved ${where(parsed.error.span)}.`
      );
      return undefined;
    }
    const scope = this.scope(ctx, deps ?? new Set());
    const r = checkExpr(parsed.node, scope, expect);
    for (const e of r.errors) this.problem(path, `${e.message}, ved ${where(e.span)}.`);
    return r.errors.length === 0 ? parsed.node : undefined;
  }

  private scope(ctx: ExprContext, deps: Set<string>): Scope {
    const universe = this.universe;
    return {
      deps,
      previous: () => {
        if (ctx.inPrevious) return "FORRIGE kan ikke stå inde i FORRIGE";
        if (!this.raw.perioder) return "FORRIGE kan kun bruges i en pakke med »perioder«";
        if (!ctx.periods)
          return "FORRIGE kan ikke bruges her (kun i beregninger og rapporttabeller)";
        // The previous period has its own respondents and records: what belongs to the current
        // row's record or group (and the table's columns) has no value there.
        const rowNames = ctx.rowNames ?? new Set<string>();
        const names = new Map([...ctx.names].filter(([n]) => rowNames.has(n)));
        const inner = this.scope(
          { ...ctx, names, inPrevious: true, records: undefined, group: undefined },
          deps
        );
        return {
          ...inner,
          name: (node) =>
            ctx.names.has(node.name) && !rowNames.has(node.name)
              ? `»${node.name}« hører til den nuværende periodes række, post eller kolonner og kan ikke stå i FORRIGE(…)`
              : inner.name(node),
        };
      },
      ref: (node) => {
        const t = classifyRef(universe, node.segments);
        if (typeof t === "string") return t;
        if (
          ctx.template &&
          (t.kind === "input" || t.kind === "calc" || t.template.id !== ctx.template)
        )
          return `en afledt række eller kolonne regner kun med sin egen skabelons felter (»${ctx.template}«)`;
        if (t.kind === "calc") {
          if (!ctx.calculations) return `beregningen »${t.calc.id}« kan ikke bruges her`;
          deps.add(`beregning:${t.calc.id}`);
        }
        // A derived cell lives in the template, where settings have no value.
        const problem = checkTargetPositions(
          t,
          ctx.template ? ctx.variables : this.withSettings(ctx.variables)
        );
        if (problem) return problem;
        const domains: string[] = [];
        if (!ctx.respondent && perRespondent(t)) domains.push("respondenterne");
        const w = wildDomain(t);
        if (w) domains.push(w);
        return { type: targetType(t), ...(domains.length ? { domain: domains.join(" × ") } : {}) };
      },
      name: (node) => {
        const own = ctx.names.get(node.name);
        if (own) {
          deps.add(`navn:${node.name}`);
          return own;
        }
        if (ctx.template && !ctx.variables.has(node.name))
          return `navnet »${node.name}« er ikke et felt i posten; en afledt række eller kolonne kan ikke bruge indstillinger eller beregninger (de findes ikke i skabelonen)`;
        const calc = this.calcs.get(node.name);
        if (calc && ctx.calculations) {
          if (calc.axis)
            return `beregningen »${node.name}« har en værdi pr. element i aksen »${calc.axis}«; skriv ${node.name}.element (fx ${node.name}.{række} eller ${node.name}.*)`;
          deps.add(`beregning:${node.name}`);
          const type: ScalarType = calc.format ? KINDS[calc.format].exprType : "vilkaarlig";
          if (calc.level === "respondent" && !ctx.respondent)
            return { type, domain: "respondenterne" };
          if (calc.level === "post") {
            if (ctx.records === calc.records) return { type };
            if (ctx.group === calc.records) return { type, domain: GROUP_DOMAIN };
            const records = `posterne i ${calc.records}`;
            return { type, domain: ctx.respondent ? records : `respondenterne × ${records}` };
          }
          return { type };
        }
        const setting = this.settings.get(node.name);
        if (setting) return { type: setting.type === "tal" ? "tal" : "tekst" };
        if (ctx.variables.has(node.name)) return { type: "vilkaarlig" };
        return `navnet »${node.name}« er hverken en indstilling, en beregning eller en kolonne her`;
      },
    };
  }

  load(): Pack | undefined {
    const p = this.raw;
    const respondents = this.respondents();
    this.unique(p.akser, (a) => a.id, ["akser"], "aksen");
    (p.akser ?? []).forEach((a, i) => {
      this.unique(a.elementer, (e) => e.id, ["akser", i, "elementer"], "elementet");
      this.axes.set(
        a.id,
        a.elementer.map((e) => ({ key: e.id, label: e.navn }))
      );
    });

    this.unique(p.indstillinger, (s) => s.id, ["indstillinger"], "indstillingen");
    (p.indstillinger ?? []).forEach((s, i) => {
      const type = s.type ?? (typeof s.standard === "number" ? "tal" : "tekst");
      if (type === "tal" && typeof s.standard !== "number")
        this.problem(["indstillinger", i, "standard"], "standardværdien skal være et tal");
      if (type === "valg" && (!s.valg || !s.valg.includes(String(s.standard))))
        this.problem(["indstillinger", i, "valg"], "standardværdien skal være et af valgene");
      if (
        typeof s.standard === "number" &&
        ((s.min !== undefined && s.standard < s.min) || (s.max !== undefined && s.standard > s.max))
      )
        this.problem(["indstillinger", i, "standard"], "standardværdien ligger uden for min–max");
      this.settings.set(s.id, {
        id: s.id,
        name: s.navn,
        type,
        default: s.standard,
        source: s.kilde,
        ...(s.enhed ? { unit: s.enhed } : {}),
        ...(s.min !== undefined ? { min: s.min } : {}),
        ...(s.max !== undefined ? { max: s.max } : {}),
        ...(s.valg ? { choices: s.valg } : {}),
      });
    });

    this.unique(p.inddata, (t) => t.id, ["inddata"], "inddatatabellen");
    (p.inddata ?? []).forEach((t, i) => {
      if (t.respondenter && t.form !== "pr_respondent")
        this.problem(
          ["inddata", i, "respondenter"],
          "»respondenter« hører kun til inddatatabeller med formen »pr_respondent«"
        );
      if (t.standard && t.form !== "national")
        this.problem(
          ["inddata", i, "standard"],
          "pakkens egne tal (»standard«) kan kun gives for en tabel med formen »national«"
        );
      const declared = t.noegler?.map((k) => String(k.id));
      for (const key of Object.keys(t.standard ?? {}))
        if (declared && !declared.includes(key))
          this.problem(
            ["inddata", i, "standard", key],
            `»${key}« er ikke en af tabellens nøgler (${declared.join(", ")})`
          );
      if (t.kilde && !t.standard)
        this.problem(["inddata", i, "kilde"], "»kilde« hører til pakkens egne tal (»standard«)");
      this.inputs.set(t.id, {
        id: t.id,
        name: t.navn,
        form: t.form,
        ...(t.beskrivelse ? { description: t.beskrivelse } : {}),
        ...(t.noegler
          ? { keys: t.noegler.map((k) => ({ key: String(k.id), label: k.navn })) }
          : {}),
        defaults: t.standardfelter ?? {},
        ...(t.respondenter ? { respondents: true } : {}),
        ...(t.standard ? { standard: t.standard } : {}),
        ...(t.kilde ? { source: t.kilde } : {}),
      });
    });

    this.unique(p.skabeloner, (t) => t.id, ["skabeloner"], "skabelonen");
    p.skabeloner.forEach((t, i) => {
      if (this.inputs.has(t.id))
        this.problem(
          ["skabeloner", i, "id"],
          `»${t.id}« er både en skabelon og en inddatatabel; id'erne skal være forskellige`
        );
      if (t.id === "meta")
        this.problem(
          ["skabeloner", i, "id"],
          "»meta« er forbeholdt skabelonens egne felter (meta.kommune …)"
        );
      const def = this.template(t, ["skabeloner", i]);
      if (!this.templates.has(def.id)) this.templates.set(def.id, def);
    });
    // Derived rows and columns read their own template; rules may read every template.
    if (this.problems.length === 0)
      p.skabeloner.forEach((t, i) =>
        this.templates.set(t.id, this.withDerived(this.templates.get(t.id)!, t, ["skabeloner", i]))
      );
    const templates = p.skabeloner.map((t, i) =>
      this.withRules(this.templates.get(t.id)!, t, ["skabeloner", i])
    );
    templates.forEach((t) => this.templates.set(t.id, t));

    (p.inddata ?? []).forEach((t, i) => {
      for (const [key, pattern] of Object.entries(t.standardfelter ?? {})) {
        const parsed = parseExpr(pattern);
        if (!parsed.ok || parsed.node.k !== "ref") {
          this.problem(
            ["inddata", i, "standardfelter", key],
            `»${pattern}« er ikke en feltreference`
          );
          continue;
        }
        const target = classifyRef(this.universe, parsed.node.segments);
        if (typeof target === "string" || target.kind !== "grid")
          this.problem(
            ["inddata", i, "standardfelter", key],
            `»${pattern}« er ikke et felt i en tabelblok (${typeof target === "string" ? target : "forkert slags felt"})`
          );
      }
    });

    // Names share one namespace: settings, calculations (columns are local to their table).
    this.unique(p.beregninger, (c) => c.id, ["beregninger"], "beregningen");
    (p.beregninger ?? []).forEach((c, i) => {
      if (this.settings.has(c.id))
        this.problem(["beregninger", i, "id"], `»${c.id}« er både en indstilling og en beregning`);
      if (this.templates.has(c.id) || this.inputs.has(c.id))
        this.problem(
          ["beregninger", i, "id"],
          `»${c.id}« er også en skabelon eller en inddatatabel; id'erne skal være forskellige`
        );
      if (c.type !== "udtryk") return;
      if (c.akse && !this.axes.has(c.akse))
        this.problem(["beregninger", i, "akse"], `aksen »${c.akse}« findes ikke under »akser«`);
      if (c.akse && c.niveau === "post")
        this.problem(
          ["beregninger", i, "akse"],
          "en beregning pr. post kan ikke også være pr. element i en akse"
        );
      if (c.niveau === "post" && !c.poster)
        this.problem(
          ["beregninger", i, "poster"],
          "en beregning på niveau »post« skal nævne sin listeblok under »poster«"
        );
      if (c.niveau !== "post" && c.poster)
        this.problem(
          ["beregninger", i, "poster"],
          "»poster« hører kun til beregninger på niveau »post«"
        );
      this.calcs.set(c.id, {
        level: c.niveau,
        ...(c.format ? { format: c.format } : {}),
        ...(c.poster ? { records: c.poster } : {}),
        ...(c.akse ? { axis: c.akse } : {}),
      });
    });
    // Expressions are checked against a sound structure; structural problems first (a broken
    // block would otherwise be reported again by every expression that reads it).
    if (this.problems.length > 0) return undefined;
    const calculations = this.calculations();
    const tables = this.reportTables();

    const fields = new Map<string, FieldDef>();
    for (const t of templates) for (const f of fieldsOfTemplate(t)) fields.set(f.id, f);
    const derived = new Map<string, FieldDef>();
    for (const t of templates) for (const f of derivedFieldsOfTemplate(t)) derived.set(f.id, f);
    const periods = this.periods(fields);

    if (this.problems.length > 0) return undefined;
    return {
      id: p.id,
      name: p.navn,
      version: p.version,
      ...(p.beskrivelse ? { description: p.beskrivelse } : {}),
      respondents,
      axes: this.axes,
      ...(periods ? { periods } : {}),
      settings: [...this.settings.values()],
      inputs: [...this.inputs.values()],
      templates,
      fields,
      derived,
      calculations,
      report: { ...(p.rapport?.titel ? { title: p.rapport.titel } : {}), tables },
      source: p,
    };
  }

  /** The field that holds a return's period: one whole-number cell of a template's table block. */
  private periods(fields: ReadonlyMap<string, FieldDef>): PeriodsDef | undefined {
    const p = this.raw.perioder;
    if (!p) return undefined;
    const f = fields.get(p.felt);
    if (!f || f.record !== undefined || f.column === undefined)
      this.problem(
        ["perioder", "felt"],
        `»${p.felt}« er ikke et felt i en tabelblok i pakkens skabeloner (skriv det fulde felt-id, fx »skabelon.blok.række.kolonne«)`
      );
    else if (f.kind !== "aarstal" && f.kind !== "antal")
      this.problem(
        ["perioder", "felt"],
        `perioden skal være et årstal eller et helt tal (typen »aarstal« eller »antal«), men »${p.felt}« er af typen »${f.kind}«`
      );
    return { field: p.felt, name: p.navn ?? "periode" };
  }

  private respondents(): RespondentsDef {
    const r = this.raw.respondenter;
    const municipalities = !r || r.liste === "kommuner";
    const free = r?.liste === "fri";
    const names = municipalities ? KOMMUNER.map((k) => k.navn) : free ? [] : (r!.liste as string[]);
    if (!municipalities && !free) {
      const seen = new Set<string>();
      names.forEach((n, i) => {
        const k = n.trim().toLocaleLowerCase("da");
        if (seen.has(k))
          this.problem(["respondenter", "liste", i], `»${n}« står to gange på listen`);
        seen.add(k);
      });
    }
    const singular = r?.betegnelse ?? "kommune";
    const definite = r?.bestemt ?? `${singular}n`;
    return {
      singular,
      definite,
      plural: r?.flertal ?? "kommuner",
      names,
      municipalities,
      free,
      separateForms: r?.flere_skemaer ?? false,
      label: r?.etiket ?? `Anfør ${definite}s navn:`,
    };
  }

  private template(t: Pakke["skabeloner"][number], path: Path): TemplateDef {
    this.unique(t.blokke, (b) => b.id, [...path, "blokke"], "blokken");
    this.unique(t.tekster, (x) => x.id, [...path, "tekster"], "tekstfeltet");
    const blockIds = new Set(t.blokke.map((b) => b.id));
    (t.tekster ?? []).forEach((x, i) => {
      if (blockIds.has(x.id))
        this.problem([...path, "tekster", i, "id"], `»${x.id}« er både en blok og et tekstfelt`);
    });
    const blocks: BlockDef[] = t.blokke.map((b, bi) => {
      const bp = [...path, "blokke", bi];
      if (b.type === "liste") {
        this.unique(b.felter, (f) => f.id, [...bp, "felter"], "feltet");
        b.felter.forEach((f, fi) => this.checkChoices(f.type, f.valg, [...bp, "felter", fi]));
        return {
          type: "liste",
          id: b.id,
          title: b.titel,
          ...(b.intro ? { intro: b.intro } : {}),
          max: b.maks,
          fields: b.felter.map((f) => ({
            id: f.id,
            label: f.etiket,
            kind: f.type,
            ...(f.valg ? { choices: f.valg.map(choiceOf) } : {}),
            ...(f.bredde ? { width: f.bredde } : {}),
          })),
        };
      }
      const given = [b.aar, b.kolonner, b.akse].filter((x) => x !== undefined).length;
      let columns: ColumnDef[] = [];
      let axis: "aar" | "noegler" = "noegler";
      if (given !== 1) {
        this.problem(bp, "en tabelblok skal have præcis én af »aar«, »kolonner« og »akse«");
      } else if (b.aar) {
        axis = "aar";
        columns = b.aar.map((y) => ({ key: y, label: String(y) }));
        this.unique(b.aar, (y) => y, [...bp, "aar"], "året");
      } else if (b.kolonner) {
        this.unique(b.kolonner, (k) => k.id, [...bp, "kolonner"], "kolonnen");
        columns = b.kolonner.map((k) => ({
          key: k.id,
          label: k.navn,
          ...(k.laast ? { locked: true } : {}),
        }));
        if (columns.every((c) => typeof c.key === "number")) axis = "aar";
      } else if (b.akse) {
        const a = this.axes.get(b.akse);
        if (!a) this.problem([...bp, "akse"], `aksen »${b.akse}« findes ikke under »akser«`);
        else columns = [...a];
      }
      this.unique(b.raekker, (r) => r.id, [...bp, "raekker"], "rækken");
      const keys = new Set(columns.map((c) => String(c.key)));
      b.raekker.forEach((r, ri) => {
        const rp = [...bp, "raekker", ri];
        for (const [ki, k] of (r.kolonner ?? []).entries())
          if (!keys.has(String(k)))
            this.problem(
              [...rp, "kolonner", ki],
              `kolonnen »${k}« findes ikke i blokken (kolonnerne er ${[...keys].join(", ")})`
            );
        this.checkChoices(r.type, r.valg, rp);
      });
      return {
        type: "tabel",
        id: b.id,
        title: b.titel,
        ...(b.afsnit ? { section: b.afsnit } : {}),
        ...(b.intro ? { intro: b.intro } : {}),
        axis,
        columns,
        rows: b.raekker.map((r) => ({
          id: r.id,
          label: r.etiket,
          kind: r.type,
          ...(r.kolonner ? { columns: r.kolonner.map((k) => columnKeyIn(columns, k)) } : {}),
          ...(r.valg ? { choices: r.valg.map(choiceOf) } : {}),
        })),
      };
    });
    return {
      id: t.id,
      name: t.navn,
      shortName: t.kortnavn,
      ...(t.omraade ? { area: t.omraade } : {}),
      vejledning: t.vejledning ?? [],
      ...(t.proces
        ? {
            proces: {
              sporbarhed: t.proces.sporbarhed,
              ...(t.proces.beskrivelse ? { beskrivelse: t.proces.beskrivelse } : {}),
              steps: t.proces.trin.map((s) => ({ title: s.titel, tasks: s.opgaver })),
            },
          }
        : {}),
      blocks,
      texts: (t.tekster ?? []).map((x) => ({ id: x.id, label: x.etiket })),
      rules: [],
    };
  }

  private checkChoices(
    kind: FieldKind,
    valg: readonly Valgmulighed[] | undefined,
    path: Path
  ): void {
    if (kind === "valg") {
      if (!valg) {
        this.problem(
          [...path, "valg"],
          "et felt af typen »valg« skal have sine svarmuligheder under »valg«"
        );
        return;
      }
      const choices = valg.map(choiceOf);
      this.unique(choices, (c) => c.id, [...path, "valg"], "svaret");
      const joined = choices.map((c) => c.label).join(",");
      if (choices.some((c) => c.label.includes(",")))
        this.problem(
          [...path, "valg"],
          "et svar må ikke indeholde komma (Excels rulleliste deler ved komma)"
        );
      else if (joined.length > 255)
        this.problem(
          [...path, "valg"],
          `svarene fylder ${joined.length} tegn; Excels rulleliste tillader højst 255`
        );
    } else if (valg) {
      this.problem(
        [...path, "valg"],
        `»valg« hører kun til felter af typen »valg«, ikke »${kind}«`
      );
    }
  }

  /** The row `blok.række` of a template's table block names, or a problem. */
  private fieldRef(t: TemplateDef, ref: string, path: Path, numeric: boolean): RowDef | undefined {
    const [blockId, rowId, ...rest] = ref.split(".");
    const b = t.blocks.find((x) => x.id === blockId);
    if (!b || rest.length > 0 || !rowId) {
      this.problem(path, `»${ref}« er ikke en række »blok.række« i skabelonen »${t.id}«`);
      return undefined;
    }
    if (b.type !== "tabel") {
      this.problem(path, `»${blockId}« er en listeblok; reglen kræver en tabelblok`);
      return undefined;
    }
    const row = b.rows.find((r) => r.id === rowId);
    if (!row) {
      this.problem(path, `blokken »${t.id}.${blockId}« har ingen række »${rowId}«`);
      return undefined;
    }
    if (numeric && KINDS[row.kind].family !== "tal") {
      this.problem(path, `»${ref}« er af typen »${row.kind}«, men reglen regner med tal`);
      return undefined;
    }
    return row;
  }

  private operand(t: TemplateDef, o: PakkeOperand, path: Path): Operand {
    o.plus.forEach((r, i) => this.fieldRef(t, r, [...path, "plus", i], true));
    (o.minus ?? []).forEach((r, i) => this.fieldRef(t, r, [...path, "minus", i], true));
    return { name: o.navn, add: o.plus, ...(o.minus?.length ? { sub: o.minus } : {}) };
  }

  private readonly ruleIds = new Map<string, string>();

  /**
   * Checks a template's derived rows and columns (their expressions over the template's own
   * fields, no cycles, a formula a template can carry) and attaches them to the model.
   */
  private withDerived(t: TemplateDef, raw: Pakke["skabeloner"][number], path: Path): TemplateDef {
    const where = new Map<string, Path>();
    const blocks: BlockDef[] = t.blocks.map((b, bi) => {
      const rb = raw.blokke[bi];
      const bp = [...path, "blokke", bi];
      if (b.type === "liste" && rb?.type === "liste") {
        const names = new Map<string, ExprType>(
          b.fields.map((f) => [f.id, { type: KINDS[f.kind].exprType }])
        );
        const fields = b.fields.map((f, fi) => {
          const source = rb.felter[fi]?.udtryk;
          if (!source) return f;
          const fp = [...bp, "felter", fi];
          where.set(`${b.id}.*.${f.id}`, fp);
          if (f.choices)
            this.problem([...fp, "valg"], "en afledt kolonne har ingen svarmuligheder");
          const node = this.expr(
            source,
            [...fp, "udtryk"],
            {
              respondent: true,
              variables: new Map(),
              names,
              calculations: false,
              template: t.id,
            },
            { type: KINDS[f.kind].exprType, list: false }
          );
          return node ? { ...f, derived: { expr: node, source } } : f;
        });
        return { ...b, fields };
      }
      if (b.type === "tabel" && rb?.type === "tabel") {
        const keys = new Set(b.columns.map((c) => String(c.key)));
        const rows = b.rows.map((r, ri) => {
          const source = rb.raekker[ri]?.udtryk;
          if (!source) return r;
          const rp = [...bp, "raekker", ri];
          where.set(`${b.id}.${r.id}`, rp);
          if (r.choices) this.problem([...rp, "valg"], "en afledt række har ingen svarmuligheder");
          const node = this.expr(
            source,
            [...rp, "udtryk"],
            {
              respondent: true,
              variables: new Map([["kolonne", { values: keys }]]),
              names: new Map(),
              calculations: false,
              template: t.id,
            },
            { type: KINDS[r.kind].exprType, list: false }
          );
          return node ? { ...r, derived: { expr: node, source } } : r;
        });
        return { ...b, rows };
      }
      return b;
    });
    const out: TemplateDef = { ...t, blocks };
    const derived = derivedFieldsOfTemplate(out);
    if (derived.length === 0) return out;
    // No derived cell may depend on itself, directly or through others.
    const deps = derivedDependencies(out);
    const reported = new Set<string>();
    for (const [key, p] of where) {
      if (reported.has(key)) continue;
      const cycle = findCycle(key, (k) => [...(deps.get(k) ?? [])]);
      if (!cycle) continue;
      cycle.forEach((k) => reported.add(k));
      this.problem(
        [...p, "udtryk"],
        `de afledte felter afhænger af hinanden i ring: ${cycle.join(" → ")}`
      );
    }
    if (reported.size > 0) return out;
    // Each formula must be one a template can carry (no helper cells for computed lists).
    const ids = new Set([...fieldsOfTemplate(out), ...derived].map((f) => f.id));
    const seen = new Set<string>();
    for (const f of derived) {
      const key = f.record !== undefined ? `${f.block}.*.${f.listField}` : `${f.block}.${f.row}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = compileDerived(out, f, (id) => (ids.has(id) ? `#${id}` : undefined));
      if ("problem" in r) this.problem([...(where.get(key) ?? path), "udtryk"], r.problem);
    }
    return out;
  }

  private withRules(t: TemplateDef, raw: Pakke["skabeloner"][number], path: Path): TemplateDef {
    const rules: RuleDef[] = [];
    (raw.regler ?? []).forEach((r, i) => {
      const rp = [...path, "regler", i];
      const first = this.ruleIds.get(r.id);
      if (first) this.problem([...rp, "id"], `regel-id'et »${r.id}« bruges også i ${first}`);
      else this.ruleIds.set(r.id, formatPath(rp));
      const def = this.rule(t, r, rp);
      if (def) rules.push(def);
    });
    (raw.plausibilitet ?? []).forEach((p, i) => {
      const pp = [...path, "plausibilitet", i];
      const first = this.ruleIds.get(p.id);
      if (first) this.problem([...pp, "id"], `regel-id'et »${p.id}« bruges også i ${first}`);
      else this.ruleIds.set(p.id, formatPath(pp));
      this.fieldRef(t, p.felt, [...pp, "felt"], true);
      if (p.pr) this.fieldRef(t, p.pr, [...pp, "pr"], true);
      if (p.min > p.max) this.problem([...pp, "min"], "min er større end max");
    });
    return {
      ...t,
      rules,
      ...(raw.plausibilitet?.length
        ? {
            plausibility: raw.plausibilitet.map((p) => ({
              id: p.id,
              field: p.felt,
              min: p.min,
              max: p.max,
              ...(p.pr ? { per: p.pr } : {}),
              message: p.besked,
            })),
          }
        : {}),
    };
  }

  private rule(t: TemplateDef, r: PakkeRegel, path: Path): RuleDef | undefined {
    const base = {
      id: r.id,
      severity: r.alvor,
      message: r.besked,
      ...(r.kolonner ? { columns: r.kolonner } : {}),
    };
    switch (r.type) {
      case "sum_lig":
        return {
          kind: "sumEquals",
          ...base,
          terms: this.operand(t, r.led, [...path, "led"]),
          total: this.operand(t, r.total, [...path, "total"]),
          ...(r.tolerance !== undefined ? { tolerance: r.tolerance } : {}),
        };
      case "kaede":
        return {
          kind: "lessOrEqualChain",
          ...base,
          chain: r.kaede.map((o, i) => this.operand(t, o, [...path, "kaede", i])),
        };
      case "x_naar_positiv": {
        const row = this.fieldRef(t, r.x, [...path, "x"], false);
        if (row && row.kind !== "x")
          this.problem([...path, "x"], `»${r.x}« skal være af typen x, men er »${row.kind}«`);
        return {
          kind: "tickIffPositive",
          ...base,
          tick: r.x,
          count: this.operand(t, r.antal, [...path, "antal"]),
        };
      }
      case "kraever_volumen":
        return {
          kind: "requiresVolume",
          ...base,
          hours: this.operand(t, r.timer, [...path, "timer"]),
          volume: this.operand(t, r.volumen, [...path, "volumen"]),
        };
      case "betingelse": {
        let names = new Map<string, ExprType>();
        let records: string | undefined;
        let rows: string | undefined;
        const variables = new Map<string, VariableInfo>();
        if (r.poster && r.raekker) {
          this.problem(
            [...path, "raekker"],
            "en regel gælder enten hver post (»poster«) eller hver række (»raekker«), ikke begge"
          );
          return undefined;
        }
        if (r.raekker) {
          const [tid, bid, ...rest] = r.raekker.split(".");
          const b =
            tid === t.id && rest.length === 0 ? t.blocks.find((x) => x.id === bid) : undefined;
          if (!b || b.type !== "tabel") {
            this.problem(
              [...path, "raekker"],
              `»${r.raekker}« er ikke en tabelblok »skabelon.blok« i skabelonen »${t.id}«`
            );
            return undefined;
          }
          rows = b.id;
          const ids = b.rows.map((x) => x.id);
          variables.set("række", { values: new Set(ids) });
          variables.set("raekke", { values: new Set(ids) });
          const own = new Set(fieldsOfTemplate(t).map((f) => f.id));
          const absent = ids.filter((id) => !own.has(rowField(r.felt, id)));
          if (absent.length > 0)
            this.problem(
              [...path, "felt"],
              `»${r.felt}« er ikke et felt i skabelonen »${t.id}« for ${absent.length === 1 ? "rækken" : "rækkerne"} ${absent
                .map((x) => `»${x}«`)
                .join(
                  ", "
                )} (skriv det fulde felt-id med {række}, fx »${t.id}.${b.id}.{række}.${b.columns[0]?.key ?? "kolonne"}«)`
            );
        } else if (r.poster) {
          const lb = this.listBlock(r.poster, [...path, "poster"]);
          if (!lb) return undefined;
          if (lb.template !== t.id)
            this.problem(
              [...path, "poster"],
              `reglen hører til skabelonen »${t.id}«, men »${r.poster}« er en anden skabelons blok`
            );
          records = lb.block.id;
          names = new Map(lb.block.fields.map((f) => [f.id, { type: KINDS[f.kind].exprType }]));
          if (!lb.block.fields.some((f) => f.id === r.felt))
            this.problem([...path, "felt"], `posten i »${r.poster}« har intet felt »${r.felt}«`);
        } else if (!this.templates.get(t.id) || !fieldsOfTemplate(t).some((f) => f.id === r.felt)) {
          this.problem(
            [...path, "felt"],
            `»${r.felt}« er ikke et felt i skabelonen »${t.id}« (skriv det fulde felt-id)`
          );
        }
        const node = this.expr(
          r.udtryk,
          [...path, "udtryk"],
          { respondent: true, variables, names, calculations: false },
          { type: "sandhed", list: false }
        );
        if (!node) return undefined;
        return {
          kind: "condition",
          ...base,
          expr: node,
          source: r.udtryk,
          field: r.felt,
          ...(records ? { records } : {}),
          ...(rows ? { rows } : {}),
        };
      }
      case "overlap": {
        const blocks: string[] = [];
        const kinds = new Set<FieldKind>();
        r.poster.forEach((ref, i) => {
          const lb = this.listBlock(ref, [...path, "poster", i]);
          if (!lb) return;
          if (lb.template !== t.id) {
            this.problem(
              [...path, "poster", i],
              `reglen hører til skabelonen »${t.id}«, men »${ref}« er en anden skabelons blok`
            );
            return;
          }
          for (const [key, id] of [
            ["fra", r.fra],
            ["til", r.til],
          ] as const) {
            const f = lb.block.fields.find((x) => x.id === id);
            if (!f) this.problem([...path, key], `posten i »${ref}« har intet felt »${id}«`);
            else if (!["tal", "klokkeslaet", "dato"].includes(KINDS[f.kind].family))
              this.problem(
                [...path, key],
                `»${id}« i »${ref}« er af typen »${f.kind}«; reglen kræver tal, klokkeslæt eller datoer`
              );
            else kinds.add(f.kind);
          }
          blocks.push(lb.block.id);
        });
        if (kinds.size > 1)
          this.problem(
            [...path, "til"],
            `»${r.fra}« og »${r.til}« skal have samme type i alle blokkene (de er ${[...kinds].join(", ")})`
          );
        return { kind: "overlap", ...base, records: blocks, from: r.fra, to: r.til };
      }
      case "entydig": {
        const lb = this.listBlock(r.poster, [...path, "poster"]);
        if (!lb) return undefined;
        if (!lb.block.fields.some((f) => f.id === r.felt))
          this.problem([...path, "felt"], `posten i »${r.poster}« har intet felt »${r.felt}«`);
        return { kind: "unique", ...base, records: lb.block.id, field: r.felt };
      }
    }
  }

  /** `skabelon.blok` naming a list block. */
  private listBlock(ref: string, path: Path) {
    const [tid, bid, ...rest] = ref.split(".");
    const t = this.templates.get(tid);
    const b = t?.blocks.find((x) => x.id === bid);
    if (!t || !b || rest.length) {
      this.problem(path, `»${ref}« er ikke en blok »skabelon.blok« i pakken`);
      return undefined;
    }
    if (b.type !== "liste") {
      this.problem(path, `»${ref}« er en tabelblok, ikke en listeblok`);
      return undefined;
    }
    return { template: tid, block: b };
  }

  private calculations(): Calculation[] {
    const out: Calculation[] = [];
    const deps = new Map<string, Set<string>>();
    (this.raw.beregninger ?? []).forEach((c, i) => {
      const path = ["beregninger", i];
      if (c.type === "udtryk") {
        const d = new Set<string>();
        const lb =
          c.niveau === "post" && c.poster
            ? this.listBlock(c.poster, [...path, "poster"])
            : undefined;
        const names = new Map<string, ExprType>(
          (lb?.block.fields ?? []).map((f) => [f.id, { type: KINDS[f.kind].exprType }])
        );
        const variables = new Map<string, VariableInfo>();
        const axis = c.akse ? this.axes.get(c.akse) : undefined;
        if (axis) {
          variables.set("element", { values: new Set(axis.map((e) => String(e.key))) });
          names.set("element", { type: "tekst" });
        }
        const node = this.expr(
          c.udtryk,
          [...path, "udtryk"],
          {
            respondent: c.niveau !== "samlet",
            variables,
            names,
            calculations: true,
            periods: true,
            ...(lb ? { records: c.poster } : {}),
          },
          { list: false },
          d
        );
        deps.set(c.id, d);
        if (node) {
          const calc: ExprCalculation = {
            type: "udtryk",
            id: c.id,
            name: c.navn,
            level: c.niveau,
            ...(lb ? { records: { template: lb.template, block: lb.block.id } } : {}),
            ...(c.akse ? { axis: c.akse } : {}),
            expr: node,
            source: c.udtryk,
            ...(c.format ? { format: c.format } : {}),
          };
          out.push(calc);
        }
      } else {
        const methods = this.projection(c, path);
        if (methods)
          out.push({
            type: "projektion",
            id: c.id,
            name: c.navn,
            landstal: c.landstal,
            kommunedata: c.kommunedata,
            methods,
          });
      }
    });
    // A samlet calculation may use respondent ones, not the other way round; no cycles.
    const inCycle = new Set<string>();
    (this.raw.beregninger ?? []).forEach((c, i) => {
      if (c.type !== "udtryk" || inCycle.has(c.id)) return;
      const cycle = findCycle(c.id, (id) =>
        [...(deps.get(id) ?? [])].filter((d) => d.startsWith("beregning:")).map((d) => d.slice(10))
      );
      cycle?.forEach((x) => inCycle.add(x));
      if (cycle)
        this.problem(
          ["beregninger", i, "udtryk"],
          `beregningerne afhænger af hinanden i ring: ${cycle.join(" → ")}`
        );
    });
    return out;
  }

  private projection(
    c: Extract<PakkeBeregning, { type: "projektion" }>,
    path: Path
  ): MethodDef[] | undefined {
    const landstal = this.inputs.get(c.landstal);
    const kd = this.inputs.get(c.kommunedata);
    if (!landstal || landstal.form !== "national")
      this.problem(
        [...path, "landstal"],
        `»${c.landstal}« er ikke en inddatatabel med formen »national«`
      );
    if (!kd || kd.form !== "pr_respondent")
      this.problem(
        [...path, "kommunedata"],
        `»${c.kommunedata}« er ikke en inddatatabel med formen »pr_respondent«`
      );
    this.unique(c.nedslagspunkter, (n) => n.id, [...path, "nedslagspunkter"], "nedslagspunktet");
    const ctx: ExprContext = {
      respondent: true,
      variables: new Map([["år", {}]]),
      names: new Map(),
      calculations: false,
    };
    const landstalKeys = landstal?.keys ? new Set(landstal.keys.map((k) => k.key)) : undefined;
    const kdKeys = kd?.keys ? new Set(kd.keys.map((k) => k.key)) : undefined;
    const methods: MethodDef[] = [];
    c.nedslagspunkter.forEach((n, ni) => {
      const np = [...path, "nedslagspunkter", ni];
      const templates = n.skabeloner.map((id, si) => {
        const t = this.templates.get(id);
        if (!t) this.problem([...np, "skabeloner", si], `skabelonen »${id}« findes ikke i pakken`);
        return t;
      });
      if (n.basisaar >= n.slutaar)
        this.problem([...np, "slutaar"], "slutåret skal ligge efter basisåret");
      const area = templates[0]?.area;
      if (templates[0] && !area)
        this.problem([...np, "skabeloner", 0], `skabelonen »${n.skabeloner[0]}« mangler »omraade«`);
      const components: ComponentDef[] = [];
      n.dele.forEach((d, di) => {
        const dp = [...np, "dele", di];
        const num = (src: string, p: Path) => this.expr(src, p, ctx, { type: "tal", list: false });
        const ratios = d.forhold.map((f, fi) => ({
          label: f.navn,
          burden: num(f.byrde, [...dp, "forhold", fi, "byrde"]),
          driver: num(f.driver, [...dp, "forhold", fi, "driver"]),
        }));
        const units = num(d.enheder, [...dp, "enheder"]);
        const weight = d.vaegt ? num(d.vaegt, [...dp, "vaegt"]) : undefined;
        const national: NationalUnits =
          typeof d.landstal === "string"
            ? { landstal: d.landstal }
            : { twoStage: { base: d.landstal.grundlag, landstal: d.landstal.landstal } };
        const lKey = "landstal" in national ? national.landstal : national.twoStage.landstal;
        if (landstalKeys && !landstalKeys.has(lKey))
          this.problem(
            [...dp, "landstal"],
            `landstallet »${lKey}« er ikke en nøgle i »${c.landstal}«`
          );
        if ("twoStage" in national && kdKeys && !kdKeys.has(national.twoStage.base))
          this.problem(
            [...dp, "landstal", "grundlag"],
            `»${national.twoStage.base}« er ikke en nøgle i »${c.kommunedata}«`
          );
        if (ratios.some((r) => !r.burden || !r.driver) || !units || (d.vaegt && !weight)) return;
        components.push({
          id: d.id,
          label: d.navn,
          unitName: d.enhed[0],
          unitPlural: d.enhed[1],
          ratios: ratios.map((r) => ({ label: r.label, burden: r.burden!, driver: r.driver! })),
          zeroDriver: d.nul_driver,
          units,
          national,
          ...(weight ? { weight } : {}),
        });
      });
      this.unique(n.dele, (d) => d.id, [...np, "dele"], "delen");
      methods.push({
        id: n.id,
        navn: n.navn,
        arkNavn: n.arknavn,
        omraade: area ?? "",
        beskrivelse: n.beskrivelse,
        templates: n.skabeloner,
        enhed: n.enhed,
        basis: n.basisaar,
        slut: n.slutaar,
        ny: n.ny,
        ...(n.frivillig ? { frivillig: true } : {}),
        components,
        metode: n.metode,
        ...(n.hvem ? { hvem: n.hvem } : {}),
        ...(n.vaerdiskabende ? { vaerdiskabende: n.vaerdiskabende } : {}),
      });
    });
    return methods;
  }

  private reportTables(): ReportTableDef[] {
    const out: ReportTableDef[] = [];
    const tables = this.raw.rapport?.tabeller ?? [];
    this.unique(tables, (t) => t.id, ["rapport", "tabeller"], "tabellen");
    tables.forEach((t, ti) => {
      const path = ["rapport", "tabeller", ti];
      this.unique(t.kolonner, (k) => k.id, [...path, "kolonner"], "kolonnen");
      t.kolonner.forEach((k, ki) => {
        if (k.id === "id" || k.id === "grunde")
          this.problem(
            [...path, "kolonner", ki, "id"],
            `»${k.id}« er forbeholdt rapportens JSON (rækkens id og grunde); vælg et andet id`
          );
      });
      let rows: RowAxis | undefined;
      let respondent = false;
      let records: string | undefined;
      let group: string | undefined;
      const variables = new Map<string, VariableInfo>();
      const names = new Map<string, ExprType>();
      /** Names that are constants of the row (besides række and rækkenavn). */
      const rowConstants: string[] = [];
      const r = t.raekker;
      if ("blok" in r) {
        const [tid, bid] = r.blok.split(".");
        const b = this.templates.get(tid)?.blocks.find((x) => x.id === bid);
        if (!b || b.type !== "tabel")
          this.problem(
            [...path, "raekker", "blok"],
            `»${r.blok}« er ikke en tabelblok »skabelon.blok« i pakken`
          );
        else {
          rows = { kind: "blok", template: tid, block: bid };
          variables.set("række", { values: new Set(b.rows.map((x) => x.id)) });
        }
      } else if ("akse" in r) {
        const a = this.axes.get(r.akse);
        if (!a)
          this.problem([...path, "raekker", "akse"], `aksen »${r.akse}« findes ikke under »akser«`);
        else {
          const all = a.map((x) => String(x.key));
          (r.kun ?? []).forEach((k, ki) => {
            if (!all.includes(k))
              this.problem(
                [...path, "raekker", "kun", ki],
                `aksen »${r.akse}« har intet element »${k}« (elementerne er ${all.join(", ")})`
              );
          });
          const only = r.kun ? all.filter((x) => r.kun!.includes(x)) : undefined;
          rows = { kind: "akse", axis: r.akse, ...(only ? { only } : {}) };
          variables.set("række", { values: new Set(only ?? all) });
        }
      } else if ("respondenter" in r) {
        if (r.skabelon && !this.templates.has(r.skabelon))
          this.problem(
            [...path, "raekker", "skabelon"],
            `skabelonen »${r.skabelon}« findes ikke i pakken`
          );
        // »efter« and »filter« are about one return at a time.
        const one: ExprContext = {
          respondent: true,
          variables: new Map(),
          names: new Map(),
          calculations: true,
        };
        const by = r.efter
          ? this.expr(r.efter, [...path, "raekker", "efter"], one, { list: false })
          : undefined;
        const filter = r.filter
          ? this.expr(r.filter, [...path, "raekker", "filter"], one, {
              type: "sandhed",
              list: false,
            })
          : undefined;
        rows = {
          kind: "respondenter",
          ...(r.skabelon ? { template: r.skabelon } : {}),
          ...(by ? { by, bySource: r.efter } : {}),
          ...(filter ? { filter, filterSource: r.filter } : {}),
        };
        // Grouped rows see the group's returns as lists, like the whole set elsewhere.
        respondent = !r.efter;
        variables.set("række", {});
      } else if ("kryds" in r) {
        const [a, b] = r.kryds;
        const found = r.kryds.map((id, i) => {
          const axis = this.axes.get(id);
          if (!axis)
            this.problem(
              [...path, "raekker", "kryds", i],
              `aksen »${id}« findes ikke under »akser«`
            );
          return axis;
        });
        if (a === b)
          this.problem(
            [...path, "raekker", "kryds", 1],
            "de to akser i »kryds« skal være forskellige"
          );
        else if (found[0] && found[1]) {
          const ids = found[0].flatMap((x) => found[1]!.map((y) => `${x.key}.${y.key}`));
          variables.set("række", { values: new Set(ids) });
          for (const id of r.kryds) {
            names.set(id, { type: "tekst" });
            rowConstants.push(id);
          }
          const filter = r.kun
            ? this.expr(
                r.kun,
                [...path, "raekker", "kun"],
                {
                  respondent: false,
                  variables,
                  names: new Map([
                    ...names,
                    ["række", { type: "tekst" }],
                    ["rækkenavn", { type: "tekst" }],
                  ]),
                  calculations: true,
                  periods: true,
                  rowNames: new Set(["række", "rækkenavn", ...r.kryds]),
                },
                { type: "sandhed", list: false }
              )
            : undefined;
          if (!r.kun || filter)
            rows = {
              kind: "kryds",
              axes: [a, b],
              ...(filter ? { filter, filterSource: r.kun } : {}),
            };
        }
      } else if ("grupper" in r) {
        const lb = this.listBlock(r.grupper, [...path, "raekker", "grupper"]);
        if (lb) {
          const fields = new Map<string, ExprType>(
            lb.block.fields.map((f) => [f.id, { type: KINDS[f.kind].exprType }])
          );
          const recordCtx: ExprContext = {
            respondent: true,
            variables: new Map(),
            names: fields,
            calculations: true,
            records: r.grupper,
          };
          const by = this.expr(r.efter, [...path, "raekker", "efter"], recordCtx, { list: false });
          const filter = r.filter
            ? this.expr(r.filter, [...path, "raekker", "filter"], recordCtx, {
                type: "sandhed",
                list: false,
              })
            : undefined;
          group = r.grupper;
          for (const [id, t] of fields) names.set(id, { ...t, domain: GROUP_DOMAIN });
          variables.set("række", {});
          if (by)
            rows = {
              kind: "grupper",
              template: lb.template,
              block: lb.block.id,
              by,
              bySource: r.efter,
              ...(filter ? { filter, filterSource: r.filter } : {}),
            };
        }
      } else {
        const lb = this.listBlock(r.poster, [...path, "raekker", "poster"]);
        if (lb) {
          respondent = true;
          records = r.poster;
          for (const f of lb.block.fields) names.set(f.id, { type: KINDS[f.kind].exprType });
          const ctx: ExprContext = {
            respondent: true,
            variables,
            names: new Map(names),
            calculations: true,
            records: r.poster,
          };
          const id = r.id
            ? this.expr(r.id, [...path, "raekker", "id"], ctx, { list: false })
            : undefined;
          const filter = r.filter
            ? this.expr(r.filter, [...path, "raekker", "filter"], ctx, {
                type: "sandhed",
                list: false,
              })
            : undefined;
          rows = {
            kind: "poster",
            template: lb.template,
            block: lb.block.id,
            ...(id ? { id, idSource: r.id } : {}),
            ...(filter ? { filter, filterSource: r.filter } : {}),
          };
        }
      }
      if (variables.has("række")) names.set("række", { type: "tekst" });
      names.set("rækkenavn", { type: "tekst" });
      // Repeated columns are not names for the others (which copy would they mean?).
      const rowNames = new Set(["række", "rækkenavn", ...rowConstants]);
      const colTypes = new Map<string, ExprType>();
      for (const k of t.kolonner)
        if (!k.gentag)
          colTypes.set(k.id, { type: k.format ? KINDS[k.format].exprType : "vilkaarlig" });
      for (const k of t.kolonner) {
        if (names.has(k.id))
          this.problem(
            [...path, "kolonner", t.kolonner.indexOf(k), "id"],
            `kolonnen »${k.id}« har samme navn som et felt i posten`
          );
      }
      const colDeps = new Map<string, Set<string>>();
      const columns: ReportColumnDef[] = [];
      t.kolonner.forEach((k, ki) => {
        const kp = [...path, "kolonner", ki];
        const ctxNames = new Map(names);
        for (const [id, type] of colTypes) if (id !== k.id) ctxNames.set(id, type);
        let colVariables: ReadonlyMap<string, VariableInfo> = variables;
        let colRespondent = respondent;
        let repeat: ReportColumnDef["repeat"];
        const g = k.gentag;
        if (g && "akse" in g) {
          const a = this.axes.get(g.akse);
          if (!a)
            this.problem([...kp, "gentag", "akse"], `aksen »${g.akse}« findes ikke under »akser«`);
          else {
            colVariables = new Map([
              ...variables,
              ["kolonne", { values: new Set(a.map((x) => String(x.key))) }],
            ]);
            ctxNames.set("kolonne", { type: "tekst" });
            ctxNames.set("kolonnenavn", { type: "tekst" });
            repeat = { kind: "akse", axis: g.akse };
          }
        } else if (g) {
          if (respondent)
            this.problem(
              [...kp, "gentag"],
              "en kolonne pr. respondent kan ikke stå i en tabel, hvis rækker allerede hører til én respondent"
            );
          if (g.skabelon && !this.templates.has(g.skabelon))
            this.problem(
              [...kp, "gentag", "skabelon"],
              `skabelonen »${g.skabelon}« findes ikke i pakken`
            );
          colRespondent = true;
          repeat = { kind: "respondenter", ...(g.skabelon ? { template: g.skabelon } : {}) };
        }
        const d = new Set<string>();
        const node = this.expr(
          k.udtryk,
          [...kp, "udtryk"],
          {
            respondent: colRespondent,
            variables: colVariables,
            names: ctxNames,
            calculations: true,
            periods: true,
            rowNames,
            ...(records ? { records } : {}),
            ...(group ? { group } : {}),
          },
          { list: false },
          d
        );
        colDeps.set(k.id, d);
        let total: Node | undefined;
        if (k.total) {
          const totalNames = new Map<string, ExprType>();
          for (const [id, type] of colTypes)
            totalNames.set(id, { ...type, domain: `rækkerne i tabellen ${t.id}` });
          if (k.gentag)
            totalNames.set(k.id, {
              type: k.format ? KINDS[k.format].exprType : "vilkaarlig",
              domain: `rækkerne i tabellen ${t.id}`,
            });
          total = this.expr(
            k.total,
            [...kp, "total"],
            { respondent: false, variables: new Map(), names: totalNames, calculations: true },
            { list: false }
          );
        }
        if (k.total && !t.total)
          this.problem(
            [...kp, "total"],
            "kolonnen har en »total«, men tabellen har ingen »total«-række"
          );
        if (node)
          columns.push({
            id: k.id,
            title: k.titel,
            expr: node,
            source: k.udtryk,
            ...(k.format ? { format: k.format } : {}),
            display: k.visning ?? "tabel",
            ...(total ? { total, totalSource: k.total } : {}),
            ...(repeat ? { repeat } : {}),
          });
      });
      const inCycle = new Set<string>();
      t.kolonner.forEach((k, ki) => {
        if (inCycle.has(k.id)) return;
        const cycle = findCycle(k.id, (id) =>
          [...(colDeps.get(id) ?? [])]
            .filter((x) => x.startsWith("navn:") && colTypes.has(x.slice(5)))
            .map((x) => x.slice(5))
        );
        cycle?.forEach((x) => inCycle.add(x));
        if (cycle && cycle[0] === k.id)
          this.problem(
            [...path, "kolonner", ki, "udtryk"],
            `kolonnerne afhænger af hinanden i ring: ${cycle.join(" → ")}`
          );
      });
      const f = t.figur;
      if (f?.fremhaev) {
        const st = this.settings.get(f.fremhaev);
        if (!st || st.type === "tal")
          this.problem(
            [...path, "figur", "fremhaev"],
            `»${f.fremhaev}« er ikke en tekst-indstilling (den skal holde navnet på rækken, der fremhæves)`
          );
      }
      if (rows && columns.length === t.kolonner.length)
        out.push({
          id: t.id,
          title: t.titel,
          ...(t.beskrivelse ? { description: t.beskrivelse } : {}),
          ...(t.note ? { note: t.note } : {}),
          rows,
          ...(t.raekketitel ? { rowTitle: t.raekketitel } : {}),
          columns,
          ...(t.total ? { total: { id: t.total.id, title: t.total.titel } } : {}),
          ...(f
            ? {
                figure: {
                  kind: f.type,
                  ...(f.fremhaev ? { highlight: f.fremhaev } : {}),
                  ...(f.akse_titel ? { axisTitle: f.akse_titel } : {}),
                },
              }
            : {}),
        });
    });
    return out;
  }
}

/** A column key as the block holds it (years as numbers). */
function columnKeyIn(columns: readonly ColumnDef[], k: ColumnKey): ColumnKey {
  return columns.find((c) => String(c.key) === String(k))?.key ?? k;
}

/** A path back to `start` through `next`, if there is one (`start → … → start`). */
function findCycle(start: string, next: (id: string) => readonly string[]): string[] | undefined {
  const stack: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string): string[] | undefined => {
    for (const n of next(id)) {
      if (n === start) return [...stack, id, start];
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(id);
      const found = visit(n);
      stack.pop();
      if (found) return found;
    }
    return undefined;
  };
  return visit(start);
}

/** Loads a pack from parsed JSON: the schema, then every check; the model or every problem. */
export function loadPack(json: unknown): LoadResult {
  const parsed = PakkeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const loader = new PackLoader(parsed.data);
  const pack = loader.load();
  return pack ? { ok: true, pack } : { ok: false, problems: loader.problems };
}

/** Loads a pack from its text (JSON syntax errors included). */
export function loadPackText(text: string): LoadResult {
  const j = parsePackText(text);
  return j.ok ? loadPack(j.json) : j;
}

/** Every node of every expression a pack holds (for tools and tests). */
export function* packExpressions(p: Pack): Generator<Node> {
  for (const c of p.calculations) {
    if (c.type === "udtryk") yield* walk(c.expr);
  }
  for (const t of p.report.tables) for (const k of t.columns) yield* walk(k.expr);
}
