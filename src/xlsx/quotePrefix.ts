/**
 * Text stays text: a text cell whose text starts like a formula (=, +, -, @, see
 * domain/safeText.ts) gets Excel's quote prefix (`quotePrefix="1"` on its cell format), so
 * editing the cell in Excel (F2, Enter) keeps it text instead of turning it into a formula.
 *
 * ExcelJS stores such text as text but has no quotePrefix style attribute. The layout writers
 * give their cells prefixed formats as they write (render.ts `addQuotePrefixes`); any other
 * package ExcelJS wrote (a filled return) is patched here: each cell format (`<xf>` in `cellXfs`) used by such a cell gets a copy with
 * `quotePrefix="1"`, and those cells point at the copy. Only our own ExcelJS output passes
 * through here (never an untrusted file), and a package without formula-like text is returned
 * as it is.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { isFormulaLike } from "../domain/safeText";

const SHARED_STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** Indices of shared strings that read as formulas (plain and rich text). */
function formulaLikeStrings(xml: string): Set<number> {
  const out = new Set<number>();
  let i = 0;
  for (const si of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
    const text = [...(si[1] ?? "").matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)]
      .map((t) => unescapeXml(t[1]))
      .join("");
    if (isFormulaLike(text)) out.add(i);
    i++;
  }
  return out;
}

/** The `<xf>` elements of `cellXfs`, as written. */
function cellXfs(styles: string): { start: number; end: number; xfs: string[] } | undefined {
  const m = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (!m) return undefined;
  const xfs = [...m[1].matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((x) => x[0]);
  return { start: m.index, end: m.index + m[0].length, xfs };
}

function withPrefixAttribute(xf: string): string {
  return /\bquotePrefix=/.test(xf) ? xf : xf.replace(/^<xf\b/, '<xf quotePrefix="1"');
}

/**
 * The package with Excel's quote prefix on every shared-string cell whose text starts like a
 * formula (see the module comment); the same bytes when there is none.
 */
export function withQuotePrefix(bytes: Uint8Array): Uint8Array {
  // The shared strings first, alone: most packages have no formula-like text, and then the
  // rest is never inflated.
  const sst = unzipSync(bytes, { filter: (f) => f.name === SHARED_STRINGS })[SHARED_STRINGS];
  if (!sst) return bytes;
  const flagged = formulaLikeStrings(strFromU8(sst));
  if (flagged.size === 0) return bytes;
  const files = unzipSync(bytes);
  const stylesBytes = files[STYLES];
  if (!stylesBytes) return bytes;
  let styles = strFromU8(stylesBytes);
  const table = cellXfs(styles);
  if (!table) return bytes;
  const copies = new Map<number, number>();
  const added: string[] = [];
  const prefixed = (s: number): number => {
    let c = copies.get(s);
    if (c === undefined) {
      c = table.xfs.length + added.length;
      added.push(withPrefixAttribute(table.xfs[s] ?? table.xfs[0]));
      copies.set(s, c);
    }
    return c;
  };
  let changed = false;
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]);
    const next = xml.replace(
      /<c\b([^>]*)>(\s*<v>(\d+)<\/v>\s*)<\/c>/g,
      (whole, attrs: string, inner: string, v: string) => {
        if (!/\bt="s"/.test(attrs) || !flagged.has(Number(v))) return whole;
        const s = /\bs="(\d+)"/.exec(attrs);
        const from = s ? Number(s[1]) : 0;
        // Already prefixed (renderWorkbook's cells, render.ts addQuotePrefixes).
        if (/\bquotePrefix="(?:1|true)"/.test(table.xfs[from] ?? "")) return whole;
        const to = prefixed(from);
        const attrsOut = s ? attrs.replace(/\bs="\d+"/, `s="${to}"`) : `${attrs} s="${to}"`;
        return `<c${attrsOut}>${inner}</c>`;
      }
    );
    if (next !== xml) {
      files[name] = strToU8(next);
      changed = true;
    }
  }
  if (!changed) return bytes;
  const all = [...table.xfs, ...added];
  const body = styles.slice(table.start, table.end);
  const open = /<cellXfs\b[^>]*>/.exec(body)![0].replace(/\bcount="\d+"/, `count="${all.length}"`);
  styles = `${styles.slice(0, table.start)}${open}${all.join("")}</cellXfs>${styles.slice(table.end)}`;
  files[STYLES] = strToU8(styles);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    // Folder entries (ExcelJS writes them) stay folders; everything else is deflated.
    out[name] = name.endsWith("/") ? [data, { level: 0 }] : [data, { level: 6 }];
  }
  return zipSync(out);
}
