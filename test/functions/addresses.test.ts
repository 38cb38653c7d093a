/**
 * @requiresParameterAddresses and @helpurl: the range functions name the real cell in their
 * error messages, and every function links to its entry on the help page.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import { afviger, aarsvaerkRange, cellInRange, isCellError, timerRange } from "../../src/functions/core";

describe("error messages name the cell Excel gave", () => {
  test("cellInRange: offsets from the range's top-left cell, with the sheet", () => {
    expect(cellInRange("Ark1!B2:B9", 5, 0)).toBe("Ark1!B7");
    expect(cellInRange("'UKN Data'!$Y$10:$AA$12", 2, 2)).toBe("'UKN Data'!AA12");
    expect(cellInRange("C3", 0, 0)).toBe("C3");
    expect(cellInRange(undefined, 1, 1)).toBeUndefined();
  });

  test("ÅRSVÆRK and TIMER: the bad cell's address in its #VALUE! message, else its position", () => {
    const m = aarsvaerkRange([[2800], ["n/a"], [700]], undefined, "Ark1!B2:B4") as unknown[][];
    expect(isCellError(m[1][0]) && (m[1][0] as { message: string }).message).toBe(
      'timer (Ark1!B3) indeholder teksten "n/a", hvor der skal stå et tal.'
    );
    const t = timerRange([[1], [-2]], undefined, "Ark1!D5:D6") as unknown[][];
    expect((t[1][0] as { message: string }).message).toMatch(/^årsværk \(Ark1!D6\) er negativ/);
    const without = aarsvaerkRange([[2800], ["n/a"]]) as unknown[][];
    expect((without[1][0] as { message: string }).message).toMatch(/^timer \(celle 2\)/);
  });

  test("AFVIGER names the first text cell", () => {
    const r = afviger([[1, 2], [3, "x"]], undefined, "Ark2!C4:D5");
    expect(isCellError(r) && r.message).toBe('værdier (Ark2!D5) indeholder teksten "x", hvor der skal stå et tal.');
  });

  test("the metadata asks Excel for parameter addresses on the range functions, and every function has a help link", async () => {
    const r = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
    const fns = JSON.parse(r.metadataJson).functions as {
      id: string;
      helpUrl?: string;
      options?: { requiresParameterAddresses?: boolean };
      parameters: { name: string }[];
      result: { dimensionality?: string };
    }[];
    const withAddresses = fns.filter((f) => f.options?.requiresParameterAddresses).map((f) => f.id);
    expect(withAddresses).toEqual(["AARSVAERK", "TIMER", "AFVIGER", "HELAARSBRUGERE", "UNIKKE.BRUGERE", "BRUGERE.ULTIMO"]);
    for (const f of fns.filter((x) => withAddresses.includes(x.id))) expect(f.result.dimensionality).toBe("matrix");
    for (const f of fns) expect(f.helpUrl).toBe(`https://localhost:3000/funktioner.html#${f.id}`);
    // The invocation parameter is Excel's, not one the user types.
    expect(fns.find((f) => f.id === "AARSVAERK")!.parameters.map((p) => p.name)).toEqual(["timer", "timer_pr_årsværk"]);
  });
});
