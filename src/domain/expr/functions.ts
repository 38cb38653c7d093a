/**
 * The functions of the calculation language: one table with the canonical (English, as in
 * Excel's invariant formulas) name, the Danish names a consultant may write instead, arity, and
 * what kind of function it is. The evaluator and the Excel compiler switch on the canonical name;
 * the checker uses the rest.
 */

export type FunctionKind =
  /** Reduces its arguments (numbers and lists) to one value: SUM, MIN, PERCENTILE… */
  | "aggregate"
  /** Works value by value; over lists it works element by element. */
  | "scalar"
  /** Evaluates its argument for the previous period (FORRIGE). */
  | "period";

export interface FunctionDef {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: FunctionKind;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** One line of Danish help (docs/pakkeformat.md, pack check messages). */
  readonly help: string;
}

const MANY = Number.POSITIVE_INFINITY;

export const FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "SUM",
    aliases: [],
    kind: "aggregate",
    minArgs: 1,
    maxArgs: MANY,
    help: "summen af tallene; tom, hvis der ikke er nogen tal",
  },
  {
    name: "MIN",
    aliases: [],
    kind: "aggregate",
    minArgs: 1,
    maxArgs: MANY,
    help: "det mindste tal",
  },
  {
    name: "MAX",
    aliases: ["MAKS"],
    kind: "aggregate",
    minArgs: 1,
    maxArgs: MANY,
    help: "det største tal",
  },
  {
    name: "AVERAGE",
    aliases: ["MIDDEL"],
    kind: "aggregate",
    minArgs: 1,
    maxArgs: MANY,
    help: "gennemsnittet af tallene (uvægtet)",
  },
  {
    name: "MEDIAN",
    aliases: [],
    kind: "aggregate",
    minArgs: 1,
    maxArgs: MANY,
    help: "medianen af tallene",
  },
  {
    name: "COUNT",
    aliases: ["TÆL", "TAEL"],
    kind: "aggregate",
    minArgs: 1,
    maxArgs: MANY,
    help: "antallet af tal (tomme felter tælles ikke)",
  },
  {
    name: "COUNTIF",
    aliases: ["TÆL.HVIS", "TAEL.HVIS"],
    kind: "aggregate",
    minArgs: 2,
    maxArgs: 2,
    help: 'antallet af værdier i listen, der er lig med værdien (fx TÆL.HVIS(liste; "x"))',
  },
  {
    name: "SUMIF",
    aliases: ["SUM.HVIS"],
    kind: "aggregate",
    minArgs: 3,
    maxArgs: 3,
    help: 'summen af de tal i sumlisten, hvis plads i listen har værdien (fx SUM.HVIS(maalgruppe; "misbrug"; pladser)); tom, hvis der ikke er nogen tal',
  },
  {
    name: "PERCENTILE",
    aliases: ["PERCENTILE.INC", "FRAKTIL", "FRAKTIL.MEDTAG"],
    kind: "aggregate",
    minArgs: 2,
    maxArgs: 2,
    help: "percentilen p (0–1) af tallene, som Excels FRAKTIL.MEDTAG",
  },
  {
    name: "IF",
    aliases: ["HVIS"],
    kind: "scalar",
    minArgs: 2,
    maxArgs: 3,
    help: "HVIS(betingelse; værdi hvis sand; værdi hvis falsk)",
  },
  { name: "AND", aliases: ["OG"], kind: "scalar", minArgs: 1, maxArgs: MANY, help: "alle sande" },
  {
    name: "OR",
    aliases: ["ELLER"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: MANY,
    help: "mindst én sand",
  },
  { name: "NOT", aliases: ["IKKE"], kind: "scalar", minArgs: 1, maxArgs: 1, help: "det modsatte" },
  {
    name: "ROUND",
    aliases: ["AFRUND"],
    kind: "scalar",
    minArgs: 2,
    maxArgs: 2,
    help: "afrunder til det antal decimaler (halve væk fra 0), som Excels AFRUND",
  },
  { name: "ABS", aliases: [], kind: "scalar", minArgs: 1, maxArgs: 1, help: "den numeriske værdi" },
  {
    name: "N",
    aliases: [],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: "tallet, eller 0 når feltet er tomt",
  },
  {
    name: "ISBLANK",
    aliases: ["ER.TOM"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: "sand, når værdien er tom",
  },
  {
    name: "EMPTY",
    aliases: ["TOM"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: 'tom ("kan ikke beregnes") med grunden som tekst, fx HVIS(n >= 10; x; TOM("for få kommuner"))',
  },
  {
    name: "PREVIOUS",
    aliases: ["FORRIGE"],
    kind: "period",
    minArgs: 1,
    maxArgs: 1,
    help: "udtrykket regnet for perioden før (fx sidste år), i en pakke med »perioder«",
  },
  {
    name: "FIXED",
    aliases: ["FAST"],
    kind: "scalar",
    minArgs: 2,
    maxArgs: 2,
    help: 'tallet som dansk tekst med det antal decimaler, fx FAST(x; 0) → "1.234"',
  },
  {
    name: "MOD",
    aliases: ["REST"],
    kind: "scalar",
    minArgs: 2,
    maxArgs: 2,
    help: "resten ved division, som Excels REST (fx REST(slut - start; 1) for et tidsrum over midnat)",
  },
  {
    name: "LEN",
    aliases: ["LÆNGDE", "LAENGDE"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: "antal tegn i teksten (0 for et tomt felt)",
  },
  {
    name: "LEFT",
    aliases: ["VENSTRE"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 2,
    help: "de første n tegn af teksten (standard 1)",
  },
  {
    name: "RIGHT",
    aliases: ["HØJRE", "HOEJRE"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 2,
    help: "de sidste n tegn af teksten (standard 1)",
  },
  {
    name: "MID",
    aliases: ["MIDT"],
    kind: "scalar",
    minArgs: 3,
    maxArgs: 3,
    help: "MIDT(tekst; start; antal): antal tegn fra og med tegn nummer start",
  },
  {
    name: "FIND",
    aliases: [],
    kind: "scalar",
    minArgs: 2,
    maxArgs: 3,
    help: "FIND(søg; tekst; [start]): nummeret på det tegn, hvor søg står første gang (store og små bogstaver skelnes); tom, når den ikke findes",
  },
  {
    name: "VALUE",
    aliases: ["VÆRDI", "VAERDI"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: 'tallet i en tekst (hele tal eller decimaltal med komma, fx "4" eller "2,5"); tom, når teksten ikke er et tal',
  },
  {
    name: "YEAR",
    aliases: ["ÅR", "AAR"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: "året i en dato",
  },
  {
    name: "MONTH",
    aliases: ["MÅNED", "MAANED"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: "måneden (1–12) i en dato",
  },
  {
    name: "DAY",
    aliases: ["DAG"],
    kind: "scalar",
    minArgs: 1,
    maxArgs: 1,
    help: "dagen i måneden (1–31) i en dato",
  },
];

const BY_NAME = new Map<string, FunctionDef>();
for (const f of FUNCTIONS) {
  BY_NAME.set(f.name, f);
  for (const a of f.aliases) BY_NAME.set(a, f);
}

/** The function a name (any case, Danish or English) denotes. */
export function findFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toUpperCase());
}
