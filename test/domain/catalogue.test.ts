import { ALL_FIELDS, KOMMUNER, TEMPLATES, fieldsOf, findKommune } from "../../src/domain/catalogue";

describe("catalogue", () => {
  it("has unique, ASCII, lower-case field ids", () => {
    const ids = TEMPLATES.flatMap((t) => fieldsOf(t).map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);
    expect(ALL_FIELDS.size).toBe(ids.length);
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
