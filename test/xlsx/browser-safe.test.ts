import { builtinModules } from "module";
import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";

const DIR = join(__dirname, "..", "..", "src", "xlsx");
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** src/xlsx's TypeScript files, with those in its subfolders (the reader), except src/xlsx/node. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? join(dir, e.name) === join(DIR, "node")
        ? []
        : tsFiles(join(dir, e.name))
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

/** Every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("src/xlsx/node is for Node only", () => {
  // The streaming writer (ExcelJS's Node build) and the per-respondent templates (zlib).
  it("is imported by nothing the browser loads (task pane, Excel adapter, functions)", () => {
    const browser = ["taskpane", "excel", "functions"].flatMap((d) =>
      sources(join(__dirname, "..", "..", "src", d))
    );
    const importers = browser.filter((f) =>
      /["'][^"']*xlsx\/node[^"']*["']/.test(readFileSync(f, "utf8"))
    );
    expect(importers).toEqual([]);
    expect(readFileSync(join(DIR, "index.ts"), "utf8")).not.toMatch(/\.\/node/);
  });
});
