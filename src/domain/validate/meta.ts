/**
 * `meta.*` first: which pack and templates a return covers, which pack version wrote it, and
 * which respondent sent it.
 */
import type { TemplateDef } from "../catalogue/types";
import { META_FIELDS, templateOfId } from "../fieldId";
import { makeFinding, quote } from "../findings";
import type { Finding, RawReturn } from "../model";
import type { Pack } from "../pack/model";
import { didYouMean, findRespondent, suggestRespondents } from "../pack/respondents";
import type { RespondentsDef } from "../pack/model";

export const META_RULES = {
  ukendtSkabelon: "ukendt_skabelon",
  skabelonMangler: "skabelon_mangler",
  skabelonUdledt: "skabelon_udledt",
  versionMangler: "version_mangler",
  gammelVersion: "gammel_version",
  nyereVersion: "nyere_version",
  kommuneMangler: "kommune_mangler",
  ukendtKommune: "ukendt_kommune",
  andenPakke: "anden_pakke",
} as const;

export interface ResolvedMeta {
  /** Known templates the return covers, in the catalogue's order. */
  readonly templates: readonly TemplateDef[];
  /** The municipality's official name when recognised, else as written ("" when missing). */
  readonly kommune: string;
  readonly version: number;
  readonly findings: readonly Finding[];
}

/** Template ids as written in `meta.skabelon` ("ukn, barometre" → ["ukn", "barometre"]). */
export function splitTemplateIds(skabelon: string | undefined): string[] {
  return (skabelon ?? "")
    .split(/[,;]/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
}

/** Excel's error values, English and Danish (a name cell that points nowhere reads as `#REF!`). */
const EXCEL_ERROR =
  /^#(REF!|NAME\?|N\/A|VALUE!|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|REFERENCE!|NAVN\?|I\/T|VÆRDI!|DIVISION\/0!|NUL!)$/i;

/**
 * Why a name is not one of the pack's respondents, in the pack's own nouns, with the closest
 * names when the name looks misspelt ("Mente du »Aarhus«?"), never the whole list. The return
 * is kept out of every calculation until the name is corrected.
 */
export function unknownRespondentText(r: RespondentsDef, name: string): string {
  const list = r.municipalities ? `de ${r.names.length} ${r.plural}` : `pakkens ${r.plural}`;
  const what = EXCEL_ERROR.test(name)
    ? `${quote(name)} er en fejlværdi fra Excel, ikke et navn`
    : /^[=+@]/.test(name)
      ? `${quote(name)} er en formel, ikke et navn`
      : `${quote(name)} er ikke en af ${list}`;
  const hint = didYouMean(suggestRespondents(r, name));
  return `${what}; ${r.definite}s indberetning indgår ikke i beregningerne, før navnet er rettet.${hint ? ` ${hint}` : ""}`;
}

export function resolveMeta(raw: RawReturn, pack: Pack): ResolvedMeta {
  const templates = pack.templates;
  const catalogueVersion = pack.version;
  const findings: Finding[] = [];
  const loc = (id: string) => raw.cells?.[id]?.location;
  const byId = new Map(templates.map((t) => [t.id, t] as const));

  // Templates.
  const ids = splitTemplateIds(raw.meta?.skabelon);
  let chosen: TemplateDef[] = [];
  if (ids.length > 0) {
    for (const id of ids) {
      const t = byId.get(id);
      if (t) {
        if (!chosen.includes(t)) chosen.push(t);
      } else {
        findings.push(
          makeFinding({
            rule: META_RULES.ukendtSkabelon,
            severity: "fejl",
            text: `skabelonen ${quote(id)} findes ikke i pakken »${pack.id}« (kendte skabeloner: ${templates.map((t) => t.id).join(", ")}); dens felter læses ikke.`,
            field: META_FIELDS.skabelon,
            location: loc(META_FIELDS.skabelon),
            original: raw.meta.skabelon,
          })
        );
      }
    }
  } else {
    const prefixes = new Set(Object.keys(raw.cells ?? {}).map(templateOfId));
    chosen = templates.filter((t) => prefixes.has(t.id));
    findings.push(
      chosen.length > 0
        ? makeFinding({
            rule: META_RULES.skabelonUdledt,
            severity: "advarsel",
            text: `projektmappen siger ikke, hvilken skabelon den er (meta.skabelon er tom); læst som ${chosen.map((t) => t.id).join(", ")} ud fra felterne.`,
            field: META_FIELDS.skabelon,
            location: loc(META_FIELDS.skabelon),
          })
        : makeFinding({
            rule: META_RULES.skabelonMangler,
            severity: "fejl",
            text: `projektmappen siger ikke, hvilken skabelon den er (meta.skabelon er tom), og ingen felter fra pakken »${pack.id}« blev fundet.`,
            field: META_FIELDS.skabelon,
            location: loc(META_FIELDS.skabelon),
          })
    );
  }
  chosen.sort((a, b) => templates.indexOf(a) - templates.indexOf(b));

  // Version.
  const v = raw.meta?.version;
  const version = typeof v === "number" && Number.isFinite(v) ? v : 0;
  const vBase = { field: META_FIELDS.version, location: loc(META_FIELDS.version), original: v };
  if (version === 0) {
    findings.push(
      makeFinding({
        ...vBase,
        rule: META_RULES.versionMangler,
        severity: "advarsel",
        text: `projektmappen har ingen katalogversion (meta.version); felterne læses efter den gældende version ${catalogueVersion}.`,
      })
    );
  } else if (version < catalogueVersion) {
    findings.push(
      makeFinding({
        ...vBase,
        rule: META_RULES.gammelVersion,
        severity: "advarsel",
        text: `skabelonen er lavet med katalogversion ${version}, den gældende er ${catalogueVersion}; de felter, der stadig findes, er læst.`,
      })
    );
  } else if (version > catalogueVersion) {
    findings.push(
      makeFinding({
        ...vBase,
        rule: META_RULES.nyereVersion,
        severity: "advarsel",
        text: `skabelonen er lavet med katalogversion ${version}, som er nyere end programmets (${catalogueVersion}); opdatér Byrdeberegner. De kendte felter er læst.`,
      })
    );
  }

  // Pack.
  const written = raw.meta?.pakke?.trim();
  if (written && written !== pack.id) {
    findings.push(
      makeFinding({
        rule: META_RULES.andenPakke,
        severity: "fejl",
        text: `projektmappen er lavet med pakken ${quote(written)}, men læses med »${pack.id}«; felterne kan betyde noget andet.`,
        field: META_FIELDS.pakke,
        location: loc(META_FIELDS.pakke),
        original: written,
      })
    );
  }

  // Respondent.
  const name = typeof raw.meta?.kommune === "string" ? raw.meta.kommune.trim() : "";
  let kommune = name;
  const kBase = {
    field: META_FIELDS.kommune,
    location: loc(META_FIELDS.kommune),
    original: raw.meta?.kommune,
  };
  const r = pack.respondents;
  if (name === "") {
    findings.push(
      makeFinding({
        ...kBase,
        rule: META_RULES.kommuneMangler,
        severity: "fejl",
        text: `${r.definite}s navn mangler (meta.kommune på forsiden); skriv ${r.definite}s navn.`,
      })
    );
  } else {
    const k = findRespondent(r, name);
    if (k) kommune = k;
    else
      findings.push(
        makeFinding({
          ...kBase,
          rule: META_RULES.ukendtKommune,
          severity: "fejl",
          text: unknownRespondentText(r, name),
        })
      );
  }

  return { templates: chosen, kommune, version, findings };
}
