/**
 * PDF through LibreOffice: a workbook plan is rendered to .xlsx with the sheets that should not
 * print hidden (hidden sheets are not printed), converted by LibreOffice's `soffice` with a
 * Danish profile (decimal commas, as Danish users see the numbers) and written where asked.
 * Where LibreOffice is not installed, the error says how to install it.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, dirname, join } from "path";
import type { WorkbookPlan } from "../domain/layout/types";
import { streamWorkbook } from "../xlsx/node/stream";
import { CliError } from "./errors";
import { writeStreamed } from "./io";

/** Where LibreOffice usually is when it is not on the PATH. */
const KNOWN_PLACES = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];

export const INSTALL_LIBREOFFICE =
  "PDF kræver LibreOffice, som ikke blev fundet (kommandoen soffice). Installér det og prøv igen: " +
  "Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui fonts-crosextra-carlito; " +
  "macOS: brew install --cask libreoffice; Windows: hent LibreOffice på libreoffice.org. " +
  "Ligger soffice et andet sted, så sæt miljøvariablen BYRDE_SOFFICE til stien.";

function runs(cmd: string): boolean {
  const r = spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 60_000 });
  return r.status === 0;
}

/** The soffice to use: $BYRDE_SOFFICE, else soffice or libreoffice on the PATH, else a usual place. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BYRDE_SOFFICE !== undefined)
    return runs(env.BYRDE_SOFFICE) ? env.BYRDE_SOFFICE : undefined;
  for (const cmd of ["soffice", "libreoffice"]) if (runs(cmd)) return cmd;
  return KNOWN_PLACES.find((p) => existsSync(p) && runs(p));
}

/** soffice, or a Danish error that says how to install LibreOffice. */
export function requireSoffice(env: NodeJS.ProcessEnv = process.env): string {
  const soffice = findSoffice(env);
  if (!soffice) throw new CliError(INSTALL_LIBREOFFICE);
  return soffice;
}

const DANISH = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>da-DK</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>da-DK</value></prop></item>
</oor:items>
`;

/** A LibreOffice profile folder under `dir` whose locale is Danish (for `-env:UserInstallation`). */
export function danishProfile(dir: string): string {
  const user = join(dir, "profil", "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, "registrymodifications.xcu"), DANISH);
  return `file://${join(dir, "profil")}`;
}

/** Converts .xlsx files to PDF beside `outDir` with a Danish LibreOffice; returns the PDFs' paths. */
export function convertToPdf(soffice: string, files: readonly string[], outDir: string): string[] {
  const work = mkdtempSync(join(tmpdir(), "byrde-pdf-"));
  try {
    mkdirSync(outDir, { recursive: true });
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${danishProfile(work)}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...files,
      ],
      { encoding: "utf8", timeout: 600_000 }
    );
    const pdfs = files.map((f) => join(outDir, basename(f).replace(/\.xlsx$/i, ".pdf")));
    const missing = pdfs.filter((p) => !existsSync(p));
    if (r.status !== 0 || missing.length > 0)
      throw new CliError(
        `LibreOffice kunne ikke lave PDF (${missing.map((p) => basename(p)).join(", ") || "fejl"}): ${(r.stderr || r.error?.message || "").trim()}`
      );
    return pdfs;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes `plan` to `pdfPath` through LibreOffice, printing only the sheets `printed` keeps (the
 * others are hidden; their formulas still calculate).
 */
export async function writePdf(
  plan: WorkbookPlan,
  pdfPath: string,
  printed: (sheet: string) => boolean = () => true,
  soffice: string = requireSoffice()
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "byrde-pdf-"));
  try {
    const shown: WorkbookPlan = {
      ...plan,
      // LibreOffice prints a hidden sheet's print area all the same: hidden sheets get none.
      sheets: plan.sheets.map((s) =>
        printed(s.name) ? s : { ...s, hidden: true, print: undefined }
      ),
    };
    const xlsx = join(work, basename(pdfPath).replace(/\.pdf$/i, "") + ".xlsx");
    // Written as `byrde opregn` writes the workbook: streamed.
    await writeStreamed(xlsx, (sink) => streamWorkbook(shown, sink));
    const [pdf] = convertToPdf(soffice, [xlsx], join(work, "pdf"));
    mkdirSync(dirname(pdfPath), { recursive: true });
    try {
      copyFileSync(pdf, pdfPath);
    } catch (e) {
      throw new CliError(
        `Kan ikke skrive ${pdfPath} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
