/**
 * src/domain is pure TypeScript: no Office, DOM, Node or ExcelJS. Two checks:
 * every import is relative or on a short allow-list of pure libraries, and the code compiles
 * with no DOM or Node types (tsconfig.domain.json: lib ES2022, types []).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const DOMAIN = path.join(ROOT, "src", "domain");

/** Pure computational libraries the domain may use. */
const ALLOWED = new Set(["@stdlib/stats-base-dists-t-quantile", "simple-statistics", "zod"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function importSpecifiers(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (let m = re.exec(source); m; m = re.exec(source)) specs.push(m[1]);
  return specs;
}

describe("src/domain purity", () => {
  const files = sourceFiles(DOMAIN);

  it("finds the domain sources", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("imports only relative modules and allow-listed pure libraries", () => {
    const offending = files.flatMap((f) =>
      importSpecifiers(fs.readFileSync(f, "utf8"))
        .filter((s) => !s.startsWith(".") && !ALLOWED.has(s))
        .map((s) => `${path.relative(ROOT, f)}: ${s}`)
    );
    expect(offending).toEqual([]);
  });

  it("detects a forbidden import (self-check of the scanner)", () => {
    expect(importSpecifiers('import ExcelJS from "exceljs";\nconst fs = require("fs");')).toEqual(["exceljs", "fs"]);
  });

  it("compiles without DOM, Node or Office types", () => {
    const tsc = require.resolve("typescript/bin/tsc");
    expect(() =>
      execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.domain.json")], { stdio: "pipe" })
    ).not.toThrow();
  });
});
