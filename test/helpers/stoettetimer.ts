/**
 * Returns for the stoettetimer pack, written as JSON returns (`{ kommune, felter }`) the way a
 * provider would fill the templates, and read through the same parsing and validation as any
 * return. The worked examples of the specification (F.4, H.4, I.4; synthetic, as the seed has no
 * filled-in forms) are here once, for the domain, CLI and LibreOffice tests.
 */
import type { KommuneReturn } from "../../src/domain/model";
import type { Pack } from "../../src/domain/pack/model";
import { builtinPack } from "../../src/domain/pakker";
import { rawReturnFromFelter, type FelterJson } from "../../src/domain/project";
import { validateReturn } from "../../src/domain/validate";

export const stoettePack = (): Pack => builtinPack("stoettetimer")!;

/** A time slot: from, to, staff:citizens, activity. */
export type Slot = readonly [string, string, string, string];

/** One day sheet (doegnrytme) as a JSON return. */
export function dayForm(
  tilbud: string,
  borger: string,
  dato: string,
  dag: readonly Slot[],
  aftennat: readonly Slot[],
  extra: Record<string, unknown> = {}
): FelterJson {
  const felter: Record<string, unknown> = {
    "doegnrytme.hoved.dato.svar": dato,
    "doegnrytme.hoved.borger.svar": borger,
    ...extra,
  };
  const slots = (block: string, list: readonly Slot[]) =>
    list.forEach(([start, slut, normering, indsats], i) => {
      felter[`doegnrytme.${block}.${i + 1}.start`] = start;
      felter[`doegnrytme.${block}.${i + 1}.slut`] = slut;
      felter[`doegnrytme.${block}.${i + 1}.normering`] = normering;
      felter[`doegnrytme.${block}.${i + 1}.indsats`] = indsats;
    });
  slots("dag", dag);
  slots("aftennat", aftennat);
  return { kommune: tilbud, pakke: "stoettetimer", skabelon: "doegnrytme", felter } as FelterJson;
}

/** F.4 (synthetic): citizen AB's Monday, dagrytme and aften-/natrytme. */
export const F4_DAG: readonly Slot[] = [
  ["07:00", "07:45", "1:1", "Morgenrutine (bad, påklædning)"],
  ["07:45", "08:15", "1:4", "Morgenmad i fællesskab"],
  ["12:00", "12:30", "1:2", "Frokost"],
];
export const F4_AFTENNAT: readonly Slot[] = [
  ["15:30", "16:00", "1:1", "Modtagelse efter arbejde"],
  ["17:00", "18:00", "1:3", "Madlavning"],
  ["21:30", "22:00", "1:1", "Aftenrutine"],
  ["23:00", "07:00", "1:8", "Vågen nattevagt, tilsyn"],
];
export const F4_SHIFTS = {
  "doegnrytme.hoved.vagtskifte_dag.svar": "07:00",
  "doegnrytme.hoved.vagtskifte_aften.svar": "15:00",
};

/** A weekend day of 240 minutes, all 1:1. */
export const WEEKEND_DAG: readonly Slot[] = [["09:00", "11:00", "1:1", "Indkøb og tøjvask"]];
export const WEEKEND_AFTENNAT: readonly Slot[] = [
  ["18:00", "20:00", "1:1", "Aftensmad og samtale"],
];

export const TILBUD = "Bostedet Solhøj";

/** F.4's week (synthetic): Monday–Friday like the Monday, Saturday and Sunday 240 minutes each. */
export function f4Week(): FelterJson[] {
  const days = ["12", "13", "14", "15", "16"].map((d) =>
    dayForm(TILBUD, "AB", `2024-02-${d}`, F4_DAG, F4_AFTENNAT, F4_SHIFTS)
  );
  const weekend = ["17", "18"].map((d) =>
    dayForm(TILBUD, "AB", `2024-02-${d}`, WEEKEND_DAG, WEEKEND_AFTENNAT)
  );
  return [...days, ...weekend];
}

/** G-F3 (synthetic): the four citizens at breakfast on the Monday, 1:4, each on their own sheet. */
export function breakfastGroup(): FelterJson[] {
  return ["CD", "EF", "GH", "IJ"].map((b) =>
    dayForm(TILBUD, b, "2024-02-12", [["07:45", "08:15", "1:4", "Morgenmad i fællesskab"]], [])
  );
}

/** One timepris return. */
export function timeprisForm(tilbud: string, felter: Record<string, unknown>): FelterJson {
  const f: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(felter)) f[k.includes(".") ? `timepris.${k}` : k] = v;
  return { kommune: tilbud, pakke: "stoettetimer", skabelon: "timepris", felter: f } as FelterJson;
}

/** H.4 (synthetic, with the project's settings): three offers and one realised day. */
export function h4(): FelterJson[] {
  return [
    timeprisForm("Tilbud 60", {
      "grundlag.loen_pr_aarsvaerk.vaerdi": 550000,
      "grundlag.aarsnorm.vaerdi": 1400,
      "andele.ata_pct.vaerdi": 60,
      // The realised day: 4 permanent staff × 2 100 kr. + 2 temps × 2 600 kr.; 22 support hours.
      "realiseret.1.dato": "2024-02-12",
      "realiseret.1.fastansatte": 4,
      "realiseret.1.dagsloen_fast": 2100,
      "realiseret.1.vikarer": 2,
      "realiseret.1.dagsloen_vikar": 2600,
      "realiseret.1.stoettetimer": 22,
    }),
    timeprisForm("Tilbud 75", {
      "grundlag.loen_pr_aarsvaerk.vaerdi": 550000,
      "grundlag.aarsnorm.vaerdi": 1400,
      "andele.ata_pct.vaerdi": 75,
    }),
    timeprisForm("Tilbud GIT", {
      "grundlag.loen_pr_aarsvaerk.vaerdi": 550000,
      "grundlag.aarsnorm.vaerdi": 1924,
      "fravaer.ferie.vaerdi": 222,
      "fravaer.sygdom.vaerdi": 74,
      "aktiviteter.kompetenceudvikling.vaerdi": 37,
      "aktiviteter.moeder.vaerdi": 111,
      "aktiviteter.dokumentation.vaerdi": 185,
    }),
  ];
}

/** One stoettetimer return for a period: citizens [borger, visiteret pr. uge, leveret] and employees. */
export function periodForm(
  tilbud: string,
  fra: string,
  til: string,
  borgere: readonly (readonly [string, number | null, number | null, Record<string, unknown>?])[],
  medarbejdere: readonly (readonly [string, number, number])[] = []
): FelterJson {
  const felter: Record<string, unknown> = {
    "stoettetimer.periode.fra.vaerdi": fra,
    "stoettetimer.periode.til.vaerdi": til,
  };
  borgere.forEach(([b, visiteret, leveret, extra], i) => {
    const p = `stoettetimer.borgere.${i + 1}`;
    felter[`${p}.borger`] = b;
    if (visiteret !== null) felter[`${p}.visiteret_uge`] = visiteret;
    if (leveret !== null) felter[`${p}.leveret_timer`] = leveret;
    for (const [k, v] of Object.entries(extra ?? {})) felter[`${p}.${k}`] = v;
  });
  medarbejdere.forEach(([m, norm, leveret], i) => {
    const p = `stoettetimer.medarbejdere.${i + 1}`;
    felter[`${p}.medarbejder`] = m;
    felter[`${p}.normtimer`] = norm;
    felter[`${p}.leveret_timer`] = leveret;
  });
  return { kommune: tilbud, pakke: "stoettetimer", skabelon: "stoettetimer", felter } as FelterJson;
}

/** I.4 (synthetic): one week; delivery rates, service levels, committee cases and employee load. */
export function i4(): FelterJson[] {
  return [
    periodForm(
      "Bostøtten Nord",
      "2024-02-12",
      "2024-02-18",
      [
        ["B1", 10, 8.5],
        ["B2", 10, 9.5],
        ["B3", 10, 11.5],
        ["N1", 0.5, 0.5],
        ["N2", 0.75, 0.75],
        ["N3", 2.5, 2.5],
        ["N4", 3, 3],
        ["N5", 4, 4],
        ["N6", 4.25, 4.25],
        ["U1", 7, 7],
        ["U2", 7.5, 7.5],
        ["U3", 11, 11],
      ],
      [
        ["M1", 30, 20],
        ["M2", 30, 25],
        ["M3", 30, 30],
      ]
    ),
  ];
}

/** JSON returns read as any return is: parsed and validated with the pack. */
export function readForms(
  forms: readonly FelterJson[],
  pack: Pack = stoettePack()
): KommuneReturn[] {
  return forms.map((f, i) =>
    validateReturn(rawReturnFromFelter(f, `skema-${i + 1}.json`, undefined, pack), pack)
  );
}
