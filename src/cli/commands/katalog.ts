import type { Command } from "commander";
import type { TemplateDef } from "../../domain/catalogue/types";
import { cellId, fieldsOfTemplate, recordFieldId, textId } from "../../domain/fieldId";
import { KINDS } from "../../domain/kinds";
import type { Pack } from "../../domain/pack/model";
import { projectionOf } from "../../domain/project/component";
import type { CliIo } from "../io";
import { packOption } from "../pack";
import { countText } from "../../domain/parse/number";

/** The nedslagspunkt (projection group) a template feeds, when the pack has a projection. */
function groupOf(pack: Pack, t: TemplateDef): string | undefined {
  return projectionOf(pack)?.methods.find((m) => m.templates.includes(t.id))?.id;
}

/** A pack's templates as plain JSON: blocks, rows or record fields, labels, kinds, columns and field ids. */
export function catalogueJson(pack: Pack): unknown {
  const projection = projectionOf(pack);
  return {
    pakke: pack.id,
    version: pack.version,
    ...(projection
      ? {
          nedslagspunkter: projection.methods.map((m) => ({
            id: m.id,
            name: m.navn,
            area: m.omraade,
            templates: m.templates,
            description: m.beskrivelse,
          })),
        }
      : {}),
    skabeloner: pack.templates.map((t) => ({
      id: t.id,
      navn: t.name,
      kortnavn: t.shortName,
      ...(t.area ? { omraade: t.area } : {}),
      ...(groupOf(pack, t) ? { nedslagspunkt: groupOf(pack, t) } : {}),
      blokke: t.blocks.map((b) =>
        b.type === "tabel"
          ? {
              id: b.id,
              titel: b.title,
              ...(b.section ? { sektion: b.section } : {}),
              ...(b.axis === "aar"
                ? { aar: b.columns.map((c) => c.key) }
                : { kolonner: b.columns.map((c) => ({ id: c.key, navn: c.label })) }),
              raekker: b.rows.map((r) => {
                const cols = r.columns ?? b.columns.map((c) => c.key);
                return {
                  id: r.id,
                  etiket: r.label,
                  type: r.kind,
                  ...(b.axis === "aar" ? { aar: cols } : { kolonner: cols }),
                  felter: cols.map((c) => cellId(t.id, b.id, r.id, c)),
                };
              }),
            }
          : {
              id: b.id,
              titel: b.title,
              type: "liste",
              maks: b.max,
              felter: b.fields.map((f) => ({
                id: f.id,
                etiket: f.label,
                type: f.kind,
                ...(f.choices ? { valg: f.choices.map((c) => c.label) } : {}),
                eksempel: recordFieldId(t.id, b.id, 1, f.id),
              })),
            }
      ),
      tekster: t.texts.map((x) => ({ id: textId(t.id, x.id), etiket: x.label })),
      antalFelter: fieldsOfTemplate(t).length,
    })),
  };
}

function kindText(kind: keyof typeof KINDS): string {
  const unit = KINDS[kind].unit;
  return unit && unit !== kind ? `${kind}, ${unit}` : kind;
}

function catalogueText(pack: Pack): string {
  const lines: string[] = [`${pack.name} (pakke ${pack.id}, version ${pack.version})`, ""];
  for (const t of pack.templates) {
    const group = groupOf(pack, t);
    const about = [
      t.area,
      group ? `nedslagspunkt ${group}` : undefined,
      countText(fieldsOfTemplate(t).length, "felt", "felter"),
    ]
      .filter(Boolean)
      .join("; ");
    lines.push(`${t.id}: ${t.name} (${about})`);
    for (const b of t.blocks) {
      if (b.type === "tabel") {
        const keys = b.columns.map((c) => c.key);
        lines.push(`  ${b.id}: ${b.title} [${keys.join(", ")}]`);
        const slot = b.axis === "aar" ? "<år>" : "<kolonne>";
        for (const r of b.rows) {
          const own = r.columns ? ` [${r.columns.join(", ")}]` : "";
          lines.push(`    ${t.id}.${b.id}.${r.id}.${slot} (${kindText(r.kind)})${own}: ${r.label}`);
        }
      } else {
        lines.push(`  ${b.id}: ${b.title} (liste, højst ${b.max} poster)`);
        for (const f of b.fields)
          lines.push(`    ${t.id}.${b.id}.<n>.${f.id} (${kindText(f.kind)}): ${f.label}`);
      }
    }
    for (const x of t.texts) lines.push(`  ${textId(t.id, x.id)} (tekst): ${x.label}`);
    lines.push("");
  }
  return lines.join("\n");
}

export function registerKatalog(program: Command, io: CliIo): void {
  program
    .command("katalog")
    .description(
      "vis en pakkes skabeloner: blokke, rækker, etiketter, typer, kolonner og felt-id'er"
    )
    .option("--json", "skriv kataloget som JSON")
    .option("--pakke <id|fil>", "pakken (standard: kl2024)")
    .action((opts: { json?: boolean; pakke?: string }) => {
      const pack = packOption(opts.pakke);
      io.out(opts.json ? JSON.stringify(catalogueJson(pack), null, 2) : catalogueText(pack));
    });
}
