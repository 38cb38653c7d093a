import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { a1, buildTemplateWorkbook, namedCells } from "../../src/domain/layout";
import { fillWorkbook, loadWorkbook, renderWorkbook } from "../../src/xlsx";
import { forRespondents } from "../../src/xlsx/node/respondents";
import { LIBREOFFICE, itWith } from "../helpers/requirements";

const itLo = (title: string, fn: jest.ProvidesCallback) => itWith(LIBREOFFICE, title, fn);

/** The check cell under a pct run: the first formula cell below `fieldId` in its column. */
function checkCellBelow(
  plan: ReturnType<typeof buildTemplateWorkbook>,
  fieldId: string
): { sheet: string; cell: string } {
  const at = namedCells(plan).get(fieldId)!;
  const sheet = plan.sheets.find((s) => s.name === at.sheet)!;
  const check = sheet.cells
    .filter(
      (c) => c.col === at.plan.col && c.row > at.plan.row && c.formula?.startsWith("IF(COUNTA")
    )
    .sort((a, b) => a.row - b.row)[0];
  return { sheet: at.sheet, cell: a1(check.row, check.col) };
}

describe("check formulas in LibreOffice (no add-in)", () => {
  itLo("shows OK for a pct block summing to 100 and the sum for one that does not", async () => {
    const plan = buildTemplateWorkbook("Aarhus", ["ukn"]);
    const filled = await fillWorkbook(await renderWorkbook(plan), {
      "ukn.hovedsager.udtalelse.2019": 50,
      "ukn.hovedsager.undersoegelse.2019": 30,
      "ukn.hovedsager.andet.2019": 20,
      "ukn.genindbringelse.udtalelse.2019": 60,
      "ukn.genindbringelse.andet.2019": 30,
    });
    if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
    await inLibreOffice(filled.bytes, (wb) => {
      const result = (id: string) => {
        const { sheet, cell } = checkCellBelow(plan, id);
        const v = wb.getWorksheet(sheet)!.getCell(cell).value as { result?: unknown };
        return v.result;
      };
      expect(result("ukn.hovedsager.udtalelse.2019")).toBe("OK");
      expect(result("ukn.genindbringelse.udtalelse.2019")).toBe("Summen er 90 %");
      // An untouched year shows nothing.
      expect(result("ukn.hovedsager.udtalelse.2020") ?? "").toBe("");
    });
  });

  itLo(
    "opens a template specialised per respondent and shows its name on every Data sheet",
    async () => {
      const build = (k: string) => buildTemplateWorkbook(k, ["ukn", "gdpr"]);
      const bytes = await (await forRespondents(build))("Lyngby-Taarbæk");
      await inLibreOffice(bytes, (wb) => {
        expect(wb.worksheets.map((w) => w.name)).toEqual(build("x").sheets.map((s) => s.name));
        for (const name of ["UKN Data", "GDPR Data"]) {
          const v = wb.getWorksheet(name)!.getCell("C3").value as {
            formula?: string;
            result?: unknown;
          };
          expect(v.formula).toBe("Forside!$C$4");
          expect(v.result).toBe("Lyngby-Taarbæk");
        }
      });
    }
  );
});

/** Has LibreOffice open `bytes` (recalculating on load) and save it again; `check` gets the result. */
async function inLibreOffice(
  bytes: Uint8Array,
  check: (wb: Awaited<ReturnType<typeof loadWorkbook>>) => void
) {
  const dir = mkdtempSync(join(tmpdir(), "byrde-lo-"));
  try {
    writeFileSync(join(dir, "ind.xlsx"), bytes);
    const res = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profil")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        join(dir, "ud"),
        join(dir, "ind.xlsx"),
      ],
      { encoding: "utf8", timeout: 120_000 }
    );
    expect(res.status).toBe(0);
    check(await loadWorkbook(readFileSync(join(dir, "ud", "ind.xlsx"))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
