/**
 * The projection as JSON: the CLI's `--json` contract and the packs' `tabeller` format.
 */
import type { ProjectionResult } from "./result";

/** The CLI's `--json` contract: only the contract's fields. */
export function toJsonContract(r: ProjectionResult): unknown {
  return {
    nedslagspunkter: r.nedslagspunkter.map((n) => ({
      id: n.id,
      basisaar: n.basisaar,
      slutaar: n.slutaar,
      undersoegte: n.undersoegte,
      alle: n.alle,
      spaend: n.spaend,
      kommuner: n.kommuner,
      udeladt: n.udeladt,
      kan_ikke_beregnes: n.kan_ikke_beregnes,
    })),
  };
}

/**
 * The projection as a report table in the packs' `tabeller` format: a row per nedslagspunkt
 * (id = its id) with the studied and national figures, the increase and the span; a figure that
 * cannot be computed is null with the reason under `grunde`.
 */
export function projectionTableJson(r: ProjectionResult): Record<string, unknown> {
  const kolonner = [
    "basisaar",
    "slutaar",
    "undersoegte_basis",
    "undersoegte_slut",
    "alle_basis",
    "alle_slut",
    "stigning",
    "spaend_lav",
    "spaend_hoej",
  ];
  return {
    opregning: {
      titel: "Øget administrativ belastning (årsværk)",
      kolonner,
      raekker: r.nedslagspunkter.map((n) => {
        const values: Record<string, number | null> = {
          basisaar: n.basisaar,
          slutaar: n.slutaar,
          undersoegte_basis: n.undersoegte.basis,
          undersoegte_slut: n.undersoegte.slut,
          alle_basis: n.alle.basis,
          alle_slut: n.alle.slut,
          stigning: n.alle.stigning,
          spaend_lav: n.spaend?.lav ?? null,
          spaend_hoej: n.spaend?.hoej ?? null,
        };
        const grunde = n.kan_ikke_beregnes
          ? Object.fromEntries(
              Object.entries(values)
                .filter(([, v]) => v === null)
                .map(([k]) => [k, n.kan_ikke_beregnes!])
            )
          : undefined;
        return { id: n.id, ...values, ...(grunde ? { grunde } : {}) };
      }),
    },
  };
}
