/**
 * Library errors in Danish: the one place where an error thrown by a library (Node's file
 * system, ExcelJS and JSZip underneath it, fflate, saxes, zod, JSON.parse) becomes a message a
 * user can read (zod speaks Danish on its own: `z.config(z.locales.da())` in pack/schema.ts,
 * which every pack check goes through). Pure text: callers (the CLI, the .xlsx adapter, the task pane) hand over what
 * they caught; nothing here imports a library. An error this module does not know becomes a
 * Danish sentence without the library's English text (the caller may log that for a bug report).
 */

/** Node's file-system error codes → why, in Danish. */
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "filen eller mappen findes ikke",
  EACCES: "du har ikke adgang (tjek rettighederne)",
  EPERM: "handlingen er ikke tilladt (tjek rettighederne)",
  ENOSPC: "der er ikke mere plads på disken",
  EDQUOT: "din diskkvote er brugt op",
  EISDIR: "det er en mappe, ikke en fil",
  ENOTDIR: "en del af stien er en fil, ikke en mappe",
  EROFS: "disken er skrivebeskyttet",
  EBUSY: "filen er i brug af et andet program (fx Excel); luk den og prøv igen",
  ETXTBSY: "filen er i brug af et andet program; luk den og prøv igen",
  EMFILE: "for mange åbne filer",
  ENFILE: "for mange åbne filer",
  ENAMETOOLONG: "stien er for lang",
  EEXIST: "den findes allerede",
  ENOTEMPTY: "mappen er ikke tom",
  EXDEV: "midlertidig fil og mål ligger på hver sin disk",
  EIO: "disken kunne ikke læse eller skrive (I/O-fejl)",
  ELOOP: "stien har for mange symbolske henvisninger",
  EINVAL: "stien eller navnet er ugyldigt",
};

/** The error code of a Node error (ENOENT …), if any. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Why a file operation failed, in Danish ("der er ikke mere plads på disken"). */
export function fileErrorReason(e: unknown): string {
  const code = errorCode(e);
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  return code ? `systemfejl ${code}` : "ukendt systemfejl";
}

/** What was being done to a file, for `fileErrorText`. */
export type FileAction = "læse" | "skrive" | "oprette" | "flytte" | "slette";

/** `Kan ikke skrive ud/rapport.xlsx: der er ikke mere plads på disken.` */
export function fileErrorText(e: unknown, path: string, action: FileAction): string {
  if (action === "læse" && errorCode(e) === "ENOENT") return `Filen findes ikke: ${path}`;
  return `Kan ikke ${action} ${path}: ${fileErrorReason(e)}.`;
}

/**
 * A JSON.parse error in Danish with the line and column where the text stops being JSON
 * (V8 names a position, or a line and column, in English).
 */
export function jsonErrorText(e: unknown, text: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  let line: number | undefined;
  let col: number | undefined;
  let atEnd = /unexpected end/i.test(msg);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  const pos = /position (\d+)/.exec(msg);
  if (lc) {
    line = Number(lc[1]);
    col = Number(lc[2]);
  } else if (pos) {
    const p = Number(pos[1]);
    const before = text.slice(0, p);
    line = before.split("\n").length;
    col = p - before.lastIndexOf("\n");
    atEnd ||= p >= text.trimEnd().length;
  }
  const where = line !== undefined ? ` (linje ${line}, kolonne ${col})` : "";
  const what =
    text.trim() === ""
      ? "filen er tom"
      : atEnd
        ? "filen slutter midt i et JSON-udtryk"
        : "filen er ikke gyldig JSON";
  return `${what}${where}; tjek kommaer, anførselstegn og klammer.`;
}

/** Known library messages (ExcelJS, JSZip, fflate, saxes) → Danish. Order matters: first match wins. */
const LIBRARY_MESSAGES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  // ExcelJS (workbook structure).
  [
    /Worksheet name already exists: (.*)/,
    (m) => `to ark hedder »${m[1]}«; et arknavn skal være entydigt.`,
  ],
  [
    /Worksheet name (.*) cannot include any of the following characters/,
    (m) => `arknavnet »${m[1]}« indeholder et tegn, Excel ikke tillader (* ? : \\ / [ ]).`,
  ],
  [
    /first or last character of worksheet name cannot be a single quotation mark: (.*)/,
    (m) => `arknavnet »${m[1]}« må ikke begynde eller slutte med en apostrof.`,
  ],
  [/The name "History" is protected/, () => "et ark må ikke hedde »History« i Excel."],
  [/The name can't be empty/, () => "et ark mangler et navn."],
  [/Cannot merge already merged cells/, () => "to flettede områder overlapper hinanden."],
  [/Max column count \((\d+)\) exceeded/, (m) => `flere end ${m[1]} kolonner.`],
  [/Invalid row number in model/, () => "en række har et ugyldigt nummer."],
  // JSZip (the zip container ExcelJS opens).
  [
    /is this a zip file|can't find end of central directory/i,
    () => "filen er ikke et gyldigt zip-arkiv (en .xlsx-fil er et zip-arkiv).",
  ],
  [
    /End of data reached|Corrupted zip: missing/i,
    () => "filen er afkortet (zip-arkivet slutter for tidligt).",
  ],
  [/CRC32 mismatch/, () => "filen er beskadiget (en del af zip-arkivet har forkert kontrolsum)."],
  [
    /uncompressed data size mismatch/,
    () => "filen er beskadiget (en del fylder ikke det, arkivet angiver).",
  ],
  [
    /Encrypted zip|Unsupported encryption/i,
    () => "filen er krypteret (beskyttet med adgangskode).",
  ],
  [/Multi-volumes zip/i, () => "filen er et zip-arkiv i flere dele."],
  [
    /compression .* unknown|Invalid\/unsupported compression|unknown compression type/i,
    () => "filen er pakket med en metode, der ikke understøttes.",
  ],
  [/Corrupted zip/i, () => "filen er beskadiget (zip-arkivet kan ikke læses)."],
  // fflate (inflating parts).
  [
    /unexpected EOF|invalid block type|invalid length\/literal|invalid distance|invalid zip data|invalid header/,
    () => "filen er beskadiget (en del kan ikke pakkes ud).",
  ],
  [/invalid UTF-8 data/, () => "filen indeholder tekst, der ikke er gyldig UTF-8."],
  // saxes and ExcelJS's own XML parsing.
  [
    /undefined entity|disallowed character|unclosed tag|text data outside of root node|unexpected close tag|XML declaration|malformed|Non-whitespace before first tag|Unexpected end/i,
    () => "filen er beskadiget (en XML-del er ikke gyldig).",
  ],
];

/**
 * A library error in Danish (lower-case start, ends with a full stop), or undefined when the
 * message is not one this module knows.
 */
export function knownLibraryError(e: unknown): string | undefined {
  if (errorCode(e) && FS_REASONS[errorCode(e)!]) return `${fileErrorReason(e)}.`;
  const msg = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  for (const [re, text] of LIBRARY_MESSAGES) {
    const m = re.exec(msg);
    if (m) return text(m);
  }
  return undefined;
}

/** A library error in Danish; an unknown one says so without the library's English. */
export function libraryErrorText(e: unknown): string {
  return knownLibraryError(e) ?? "en uventet fejl i et programbibliotek.";
}

/** The first letter in upper case ("filen …" → "Filen …"). */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("da-DK") + text.slice(1);
}
