import type { Command } from "commander";
import { join } from "path";
import { buildTemplateWorkbook, resolvePunkter, validPunktNames } from "../../domain/layout";
import { missingContactText } from "../../domain/layout/forside";
import type { Pack } from "../../domain/pack/model";
import { didYouMean, findRespondent, suggestRespondents } from "../../domain/pack/respondents";
import { defaultPack } from "../../domain/pakker";
import type { TemplateOptions } from "../../domain/layout";
import { forRespondents } from "../../xlsx/node/respondents";
import { CliError } from "../errors";
import {
  type CliIo,
  OVERSKRIV_OPTION,
  listDa,
  refuseExisting,
  splitList,
  writeFilesAtomically,
} from "../io";
import { packOption } from "../pack";
import { convertToPdf, requireSoffice } from "../pdf";

interface SkabelonOptions {
  kommune: string[];
  pakke?: string;
  punkter?: string[];
  ud: string;
  kontaktNavn?: string;
  kontaktEmail?: string;
  kontaktTelefon?: string;
  frist?: string;
  pdf?: boolean;
  overskriv?: boolean;
}

/** File name for a municipality's template: ASCII, lower case, e.g. "skabelon-hoeje-taastrup.xlsx". */
export function templateFileName(kommune: string): string {
  const slug = kommune
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `skabelon-${slug}.xlsx`;
}

/** Resolves respondent names (or "alle") on the pack's list; unknown names fail with the valid ones. */
export function resolveKommuner(names: readonly string[], pack: Pack = defaultPack()): string[] {
  const r = pack.respondents;
  const wanted = splitList(names);
  if (wanted.some((n) => n.toLowerCase() === "alle")) {
    if (r.free)
      throw new CliError(
        `Pakken har ingen fast liste over ${r.plural}; skriv navnene efter --kommune.`
      );
    return [...r.names];
  }
  const unknown = wanted.filter((n) => !findRespondent(r, n));
  if (unknown.length > 0) {
    const lines = unknown.map((n) => {
      const hint = didYouMean(suggestRespondents(r, n));
      return `»${n}« er ikke en af ${r.municipalities ? `de ${r.names.length} ${r.plural}` : `pakkens ${r.plural}`}.${hint ? ` ${hint}` : ""}`;
    });
    // A short list is shown; a long one (the 98 municipalities) only by suggestion.
    const all = r.names.length <= 12 ? ` Pakkens ${r.plural}: ${listDa(r.names)}.` : "";
    throw new CliError(
      `Ukendt ${r.singular}: ${lines.join(" ")}${all} Skriv "alle" for alle ${r.names.length}.`
    );
  }
  const out: string[] = [];
  for (const n of wanted) {
    const navn = findRespondent(r, n)!;
    if (!out.includes(navn)) out.push(navn);
  }
  return out;
}

export function registerSkabelon(program: Command, io: CliIo): void {
  program
    .command("skabelon")
    .description("lav en udfyldningsskabelon (.xlsx) pr. kommune (eller anden respondent)")
    .requiredOption(
      "-k, --kommune <navne...>",
      'kommunenavne eller kommunekoder (eller pakkens respondenter); "alle" giver alle'
    )
    .option("--pakke <id|fil>", "pakken (standard: kl2024)")
    .option(
      "-p, --punkter <ids...>",
      "skabeloner eller nedslagspunkter, kommasepareret (fx ukn,tilsyn,magt); standard: alle"
    )
    .option("-o, --ud <mappe>", "mappe, filerne skrives i", ".")
    .option("--kontakt-navn <navn>", "kontaktperson, vises på forsiden")
    .option("--kontakt-email <e-mail>", "kontaktpersonens e-mail")
    .option("--kontakt-telefon <telefon>", "kontaktpersonens telefonnummer")
    .option("--frist <frist>", 'frist for returnering, fx "7. februar 2025 kl. 12"')
    .option("--pdf", "skriv også hver skabelon som PDF ved siden af (kræver LibreOffice)")
    .option(...OVERSKRIV_OPTION)
    .action(async (opts: SkabelonOptions) => {
      // Before anything is written: without LibreOffice there is no PDF.
      const soffice = opts.pdf ? requireSoffice() : undefined;
      const pack = packOption(opts.pakke);
      const kommuner = resolveKommuner(opts.kommune, pack);
      if (kommuner.length === 0)
        throw new CliError(`Angiv mindst én ${pack.respondents.singular} med --kommune.`);
      const punkter = splitList(opts.punkter);
      const selection = resolvePunkter(punkter, pack);
      if (selection.unknown.length > 0) {
        throw new CliError(
          `Ukendt nedslagspunkt eller skabelon: ${selection.unknown.join(", ")}. Gyldige: ${validPunktNames(pack).join(", ")}.`
        );
      }
      const options: TemplateOptions = {
        kontakt: { navn: opts.kontaktNavn, email: opts.kontaktEmail, telefon: opts.kontaktTelefon },
        ...(opts.frist ? { frist: opts.frist } : {}),
        pack,
      };
      const missing = missingContactText(options);
      if (missing)
        io.out(
          `Bemærk: ${missing.replace(/^Skabelonen/, "Skabelonerne").replace(/ Spørg.*$/, "")} Angiv --kontakt-navn, --kontakt-email, --kontakt-telefon og --frist; forsiden beder kommunen spørge.`
        );
      const writeOptions = { overskriv: opts.overskriv === true };
      refuseExisting(
        kommuner.flatMap((k) => {
          const xlsx = join(opts.ud, templateFileName(k));
          return soffice ? [xlsx, xlsx.replace(/\.xlsx$/, ".pdf")] : [xlsx];
        }),
        writeOptions
      );
      // Rendered once for the set of templates, specialised per respondent; everything is
      // rendered before anything is written, then all files or none.
      const forKommune = await forRespondents((k) =>
        buildTemplateWorkbook(k, selection.templateIds, options)
      );
      const files: Array<[string, Uint8Array]> = [];
      for (const k of kommuner)
        files.push([join(opts.ud, templateFileName(k)), await forKommune(k)]);
      writeFilesAtomically(files, writeOptions);
      io.out(
        `Skrev ${files.length} ${files.length === 1 ? "skabelon" : "skabeloner"} (${selection.templateIds.join(",")}) til ${opts.ud}:`
      );
      for (const [path] of files) io.out(`  ${path}`);
      if (soffice) {
        const pdfs = convertToPdf(
          soffice,
          files.map(([path]) => path),
          opts.ud
        );
        io.out(`Skrev ${pdfs.length} ${pdfs.length === 1 ? "PDF" : "PDF'er"} (LibreOffice):`);
        for (const p of pdfs) io.out(`  ${p}`);
      }
    });
}
