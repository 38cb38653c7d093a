/**
 * The first hour (issue 11 part 7), what can be checked offline: the committed lock agrees
 * with package.json (what npm ci requires), lists every optional package it refers to (their
 * absence made npm install rewrite the lock), and .ci/run installs with npm ci and fails when
 * an install changed the lock.
 */
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));

describe("the lock and the CI script", () => {
  it("the lock's root entry has exactly package.json's dependencies (npm ci refuses otherwise)", () => {
    const root = lock.packages[""];
    expect(lock.name).toBe(pkg.name);
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)])
      expect(lock.packages[`node_modules/${name}`]).toBeDefined();
  });

  it("every optional dependency a locked package names is in the lock", () => {
    const missing: string[] = [];
    for (const [at, entry] of Object.entries(lock.packages as Record<string, { optionalDependencies?: Record<string, string> }>)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        // Node's lookup: the package's own node_modules, then each parent's, then the top.
        const parts = at.split("/node_modules/");
        let found = false;
        for (let i = parts.length; i >= 0 && !found; i--) {
          const base = parts.slice(0, i).join("/node_modules/");
          found = lock.packages[`${base ? `${base}/` : ""}node_modules/${dep}`] !== undefined;
        }
        if (!found) missing.push(`${at || "(rod)"} → ${dep}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it(".ci/run installs with npm ci, never plain npm install, and fails on a changed lock", () => {
    const run = readFileSync(join(ROOT, ".ci", "run"), "utf8");
    const commands = run.split("\n").filter((l) => !l.trim().startsWith("#"));
    expect(commands).toContain("npm ci");
    expect(commands.filter((l) => /^\s*npm install\b/.test(l))).toEqual([
      "npm install --package-lock-only --ignore-scripts --no-audit --no-fund",
    ]);
    expect(run).toContain("git diff --exit-code --stat -- package-lock.json");
    expect(commands.indexOf("npm test")).toBeGreaterThan(commands.indexOf("npm ci"));
  });
});
