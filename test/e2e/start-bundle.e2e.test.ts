/**
 * What Excel loads at start with the custom functions (functions.js, in the production bundle)
 * does not carry rammeaftale_li or its loader: the four rate functions load the pack on their
 * first call (src/functions/functions.ts), in a chunk of its own.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { describeBrowser } from "./harness";

describeBrowser("the custom functions' start bundle", () => {
  it("leaves the rate functions' pack to a chunk loaded on their first call", async () => {
    const { DIST, ensureBuild } = await import("./server");
    ensureBuild();
    const functions = readFileSync(join(DIST, "functions.js"));
    // A phrase of the pack's tables, and one of zod's own messages.
    expect(functions.includes("Socialtilsyn Midt")).toBe(false);
    expect(functions.includes("Invalid input")).toBe(false);
    expect(gzipSync(functions).length).toBeLessThan(25 * 1024);
    const chunks = readdirSync(DIST).filter((f) => /^\d+\.[0-9a-f]+\.js$/.test(f));
    expect(chunks.some((f) => readFileSync(join(DIST, f)).includes("Socialtilsyn Midt"))).toBe(
      true
    );
  }, 900_000);
});
