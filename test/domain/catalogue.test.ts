import { ALL_FIELDS, KOMMUNER, NEDSLAGSPUNKTER, TEMPLATES, fieldsOf, findKommune } from "../../src/domain/catalogue";

describe("catalogue", () => {
  it("has unique, ASCII, lower-case field ids", () => {
    const ids = TEMPLATES.flatMap((t) => fieldsOf(t).map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);
    expect(ALL_FIELDS.size).toBe(ids.length);
  });

  it("holds the ten templates in the report's order", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      "ukn",
      "barometre",
      "normering",
      "tilsyn",
      "kvalitet",
      "parallel",
      "magt_voksen",
      "magt_aeldre",
      "mitid",
      "gdpr",
    ]);
  });

  it("groups them into the report's nine nedslagspunkter with their Danish names", () => {
    expect(NEDSLAGSPUNKTER.map((n) => [n.id, n.name, n.templates])).toEqual([
      ["ukn", "Ungdomskriminalitetsnævnet", ["ukn"]],
      ["barometre", "Børnesagsbarometeret og Handicapsagsbarometeret", ["barometre"]],
      ["normering", "Minimumsnormeringer", ["normering"]],
      ["tilsyn", "Tilsyn med pædagogisk praksis", ["tilsyn"]],
      ["kvalitet", "Kvalitetstilsyn", ["kvalitet"]],
      ["parallel", "Parallelsamfundstilsyn", ["parallel"]],
      ["magt", "Magtanvendelsesregler", ["magt_voksen", "magt_aeldre"]],
      ["mitid", "MitID og pas-regler", ["mitid"]],
      ["gdpr", "Databeskyttelsesloven", ["gdpr"]],
    ]);
    for (const n of NEDSLAGSPUNKTER) expect(n.description?.length ?? 0).toBeGreaterThan(40);
  });

  it("lists Denmark's 98 municipalities with unique names and codes", () => {
    expect(KOMMUNER).toHaveLength(98);
    expect(new Set(KOMMUNER.map((k) => k.navn)).size).toBe(98);
    expect(new Set(KOMMUNER.map((k) => k.kode)).size).toBe(98);
    expect(findKommune("Århus")?.navn).toBe("Aarhus");
    expect(findKommune("aabenraa kommune")?.navn).toBe("Aabenraa");
    expect(findKommune(851)?.navn).toBe("Aalborg");
    expect(findKommune("Atlantis")).toBeUndefined();
  });
});
