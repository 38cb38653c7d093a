import { builtinModules } from "module";
import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";

const DIR = join(__dirname, "..", "..", "src", "xlsx");
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * src/xlsx's TypeScript files, with those in its subfolders (the reader), except src/xlsx/node:
 * as the browser gets them, so `x.browser.ts` where webpack puts it in place of `x.ts`.
 */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? join(dir, e.name) === join(DIR, "node")
        ? []
        : tsFiles(join(dir, e.name))
      : e.name.endsWith(".ts") && !BROWSER_TWIN.has(join(dir, e.name))
        ? [relative(DIR, join(dir, e.name))]
        : []
  );
}

/** Files webpack replaces for the browser (`resolve.alias`), each by its `.browser.ts` twin. */
const BROWSER_TWIN = new Set(
  readdirSync(DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".browser.ts"))
    .map((f) => join(DIR, f.replace(/\.browser\.ts$/, ".ts")))
);

describe("src/xlsx runs in the browser too", () => {
  it.each(tsFiles(DIR))("%s imports no Node module and uses no Node globals", (file) => {
    const text = readFileSync(join(DIR, file), "utf8");
    const imports = [...text.matchAll(/(?:from\s+|require\()\s*["']([^"']+)["']/g)].map(
      (m) => m[1]
    );
    expect(imports.filter((m) => NODE.has(m))).toEqual([]);
    const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(code).not.toMatch(/\b(process\.|__dirname|__filename)|(?<!Array)\bBuffer\./);
  });
});

/** Every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("a file with a .browser.ts twin", () => {
  it("is replaced by its twin in webpack's build, and the twin exports the same names", async () => {
    expect(BROWSER_TWIN.size).toBeGreaterThan(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = await require("../../webpack.config.js")({}, { mode: "production" });
    const alias = config.resolve.alias as Record<string, string>;
    for (const file of BROWSER_TWIN) {
      expect(alias[file.replace(/\.ts$/, "")]).toBe(file.replace(/\.ts$/, ".browser.ts"));
      const exported = (f: string) => {
        const text = readFileSync(f, "utf8");
        return [
          ...[...text.matchAll(/^export (?:const|function|class) (\w+)/gm)].map((m) => m[1]),
          ...[...text.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) =>
            m[1].split(",").map((n) => n.trim())
          ),
        ].sort();
      };
      expect(exported(file).length).toBeGreaterThan(0);
      expect(exported(file.replace(/\.ts$/, ".browser.ts"))).toEqual(exported(file));
    }
  });
});

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
