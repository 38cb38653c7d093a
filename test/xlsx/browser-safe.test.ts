import { builtinModules } from "module";
import { readFileSync, readdirSync } from "fs";
import { join, relative } from "path";

const DIR = join(__dirname, "..", "..", "src", "xlsx");
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** src/xlsx's TypeScript files, with those in its subfolders (the reader). */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [relative(DIR, join(dir, e.name))]
        : []
  );
}

describe("src/xlsx runs in the browser too", () => {
  it.each(tsFiles(DIR))(
    "%s imports no Node module and uses no Node globals",
    (file) => {
      const text = readFileSync(join(DIR, file), "utf8");
      const imports = [...text.matchAll(/(?:from\s+|require\()\s*["']([^"']+)["']/g)].map(
        (m) => m[1]
      );
      expect(imports.filter((m) => NODE.has(m))).toEqual([]);
      const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      expect(code).not.toMatch(/\b(process\.|__dirname|__filename)|(?<!Array)\bBuffer\./);
    }
  );
});
