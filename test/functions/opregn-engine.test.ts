/**
 * BYRDE.OPREGN and BYRDE.OPREGN.TOTRIN on the projection's example data (examples/) give the
 * engine's national figures. The columns are built the way a consultant would lay them out in a
 * sheet: one row per returned municipality, burden = the fields added up (=B2+C2), drivers from
 * Kommunedata or the return, medtag = whether the engine used the municipality.
 */
import { opregn, opregnTotrin } from "../../src/functions/core";
import { project, type NedslagspunktResultat } from "../../src/domain/project";
import type { KommuneReturn } from "../../src/domain/model";
import {
  exampleIndstillinger,
  exampleKommunedata,
  exampleLandstal,
  exampleReturns,
} from "../domain/project/examples";

const returns: KommuneReturn[] = exampleReturns();
const landstal = exampleLandstal() as unknown as Record<string, number | Record<string, number>>;
const kommunedata = exampleKommunedata() as unknown as Record<
  string,
  Record<string, Record<string, number>>
>;
const indstillinger = exampleIndstillinger();
const H = indstillinger.timer_pr_aarsvaerk ?? 1400;

const result = project({
  returns,
  landstal: exampleLandstal(),
  kommunedata: exampleKommunedata(),
  indstillinger,
});
const byId = new Map<string, NedslagspunktResultat>(result.nedslagspunkter.map((n) => [n.id, n]));

type Cell = number | null;
const col = (f: (r: KommuneReturn) => Cell): Cell[][] => returns.map((r) => [f(r)]);
const field = (r: KommuneReturn, id: string): Cell => {
  const v = r.values[id];
  return typeof v === "number" ? v : null;
};
/** =B2+C2+…, empty when every term is empty (as a sheet's SUM would be left blank). */
const added = (r: KommuneReturn, ids: string[]): Cell => {
  const xs = ids.map((id) => field(r, id)).filter((x): x is number => x !== null);
  return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
};
const national = (key: string, year: number): number => {
  const v = landstal[key];
  return typeof v === "number" ? v : v[String(year)];
};
const medtag = (id: string): boolean[][] =>
  returns.map((r) => [byId.get(id)!.kommuner.includes(r.kommune)]);

function expectSame(actual: unknown, engine: number | null) {
  expect(typeof actual).toBe("number");
  expect(engine).not.toBeNull();
  expect(Math.abs((actual as number) - engine!)).toBeLessThan(
    1e-9 * Math.max(1, Math.abs(engine!))
  );
}

/** The years the engine computed (a new nedslagspunkt has no baseline computation). */
function years(id: string): [number, "basis" | "slut"][] {
  const n = byId.get(id)!;
  return n.ny
    ? [[n.slutaar, "slut"]]
    : [
        [n.basisaar, "basis"],
        [n.slutaar, "slut"],
      ];
}

describe("OPREGN gives the engine's figures on the example data", () => {
  it.each(years("gdpr"))("gdpr %i (årsværk pr. ansat, timer_pr_årsværk = 1)", (y, which) => {
    const byrde = col((r) => field(r, `gdpr.indsats.aarsvaerk_i_alt.${y}`));
    const ansatte = col((r) => kommunedata[r.kommune]?.ansatte?.[String(y)] ?? null);
    expectSame(
      opregn(byrde, ansatte, national("ansatte", y), 1, medtag("gdpr")),
      byId.get("gdpr")!.alle[which]
    );
  });

  it.each(years("mitid"))("mitid %i (NemID + MitID + pas timer pr. ansat)", (y, which) => {
    const byrde = col((r) =>
      added(
        r,
        ["nemid", "mitid", "pas"].map((b) => `mitid.${b}.timer_i_alt.${y}`)
      )
    );
    const ansatte = col((r) => kommunedata[r.kommune]?.ansatte?.[String(y)] ?? null);
    expectSame(
      opregn(byrde, ansatte, national("ansatte", y), H, medtag("mitid")),
      byId.get("mitid")!.alle[which]
    );
  });

  it.each(years("normering"))("normering %i (timer pr. dagtilbud)", (y, which) => {
    const byrde = col((r) =>
      added(r, [`normering.forvaltning.timer_i_alt.${y}`, `normering.dagtilbud.timer_i_alt.${y}`])
    );
    const dagtilbud = col(
      (r) =>
        kommunedata[r.kommune]?.dagtilbud?.[String(y)] ??
        field(r, `tilsyn.volumen.antal_dagtilbud.${y}`)
    );
    const value = opregn(byrde, dagtilbud, national("dagtilbud", y), H, medtag("normering"));
    expectSame(value, byId.get("normering")!.alle[which]);
    expect(Math.round(value as number)).toBe(84); // the report's published figure
  });

  it.each(years("ukn"))(
    "ukn %i (timer pr. sag, Holbæk left out with medtag = FALSK)",
    (y, which) => {
      const sager = col((r) =>
        added(r, [`ukn.volumen.hovedsager.${y}`, `ukn.volumen.genindbringelsessager.${y}`])
      );
      const timer = col((r) => {
        const parts: Cell[] = [
          [field(r, `ukn.hovedsager.timer_pr_sag.${y}`), field(r, `ukn.volumen.hovedsager.${y}`)],
          [
            field(r, `ukn.genindbringelse.timer_pr_sag.${y}`),
            field(r, `ukn.volumen.genindbringelsessager.${y}`),
          ],
        ].map(([t, n]) => (t !== null && n !== null ? t * n : n === 0 ? 0 : null));
        const xs = parts.filter((x): x is number => x !== null);
        return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
      });
      const include = medtag("ukn");
      expect(include.flat().filter((x) => !x).length).toBeGreaterThan(0); // the examples leave Holbæk out
      expectSame(
        opregn(timer, sager, national("ukn_sager", y), H, include),
        byId.get("ukn")!.alle[which]
      );
    }
  );
});

describe("OPREGN.TOTRIN gives the engine's figures on the example data", () => {
  it.each(years("tilsyn"))(
    "tilsyn %i (timer pr. tilsyn × tilsyn pr. dagtilbud × dagtilbud på landsplan)",
    (y, which) => {
      const used = (r: KommuneReturn) => byId.get("tilsyn")!.kommuner.includes(r.kommune);
      // Municipalities the engine left out are left blank, as a consultant would clear their rows.
      const perTilsyn = col((r) =>
        used(r)
          ? added(r, [
              `tilsyn.forvaltning.timer_pr_tilsyn.${y}`,
              `tilsyn.dagtilbud.timer_pr_tilsyn.${y}`,
            ])
          : null
      );
      const tilsyn = col((r) => (used(r) ? field(r, `tilsyn.volumen.antal_tilsyn.${y}`) : null));
      const dagtilbud = col((r) =>
        used(r)
          ? (kommunedata[r.kommune]?.dagtilbud?.[String(y)] ??
            field(r, `tilsyn.volumen.antal_dagtilbud.${y}`))
          : null
      );
      expectSame(
        opregnTotrin(perTilsyn, tilsyn, dagtilbud, national("dagtilbud", y), H),
        byId.get("tilsyn")!.alle[which]
      );
    }
  );
});
