import type { Command } from "commander";
import {
  CATALOGUE_VERSION,
  KIND_UNIT,
  NEDSLAGSPUNKTER,
  TEMPLATES,
  fieldsOf,
} from "../../domain/catalogue";
import type { CliIo } from "../io";

/** The catalogue as plain JSON: templates with blocks, rows, labels, kinds, years and field ids. */
export function catalogueJson(): unknown {
  return {
    version: CATALOGUE_VERSION,
    nedslagspunkter: NEDSLAGSPUNKTER,
    skabeloner: TEMPLATES.map((t) => ({
      id: t.id,
      navn: t.name,
      kortnavn: t.shortName,
      omraade: t.area,
      nedslagspunkt: t.nedslagspunkt,
      blokke: t.blocks.map((b) => ({
        id: b.id,
        titel: b.title,
        sektion: b.section,
        aar: b.years,
        raekker: b.rows.map((r) => ({
          id: r.id,
          etiket: r.label,
          type: r.kind,
          aar: r.years ?? b.years,
          felter: (r.years ?? b.years).map((y) => `${t.id}.${b.id}.${r.id}.${y}`),
        })),
      })),
      tekster: t.texts.map((x) => ({ id: `${t.id}.${x.id}`, etiket: x.label })),
      antalFelter: fieldsOf(t).length,
    })),
  };
}

function catalogueText(): string {
  const lines: string[] = [`Skabelonkatalog, version ${CATALOGUE_VERSION}`, ""];
  for (const t of TEMPLATES) {
    lines.push(
      `${t.id}: ${t.name} (${t.area}; nedslagspunkt ${t.nedslagspunkt}; ${fieldsOf(t).length} felter)`
    );
    for (const b of t.blocks) {
      lines.push(`  ${b.id}: ${b.title} [${b.years.join(", ")}]`);
      for (const r of b.rows) {
        const years = r.years ? ` [${r.years.join(", ")}]` : "";
        const unit =
          KIND_UNIT[r.kind] && KIND_UNIT[r.kind] !== r.kind
            ? `${r.kind}, ${KIND_UNIT[r.kind]}`
            : r.kind;
        lines.push(`    ${t.id}.${b.id}.${r.id}.<år> (${unit})${years}: ${r.label}`);
      }
    }
    for (const x of t.texts) lines.push(`  ${t.id}.${x.id} (tekst): ${x.label}`);
    lines.push("");
  }
  return lines.join("\n");
}

export function registerKatalog(program: Command, io: CliIo): void {
  program
    .command("katalog")
    .description(
      "vis skabelonkataloget: skabeloner, blokke, rækker, etiketter, typer, år og felt-id'er"
    )
    .option("--json", "skriv kataloget som JSON")
    .action((opts: { json?: boolean }) => {
      io.out(opts.json ? JSON.stringify(catalogueJson(), null, 2) : catalogueText());
    });
}
