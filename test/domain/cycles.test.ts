/**
 * src/domain has no import cycles among its modules (type-only imports aside, which TypeScript
 * erases): each module can be read, tested and loaded on its own, in the order of its imports.
 */
import { readFileSync, readdirSync, statSync, existsSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const DOMAIN = join(__dirname, "..", "..", "src", "domain");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) ? [p] : [];
  });
}

function target(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p));
}

/** Value imports and re-exports (not `import type`/`export type`) of one module. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.[^"]+)"/gms)) {
    const t = target(file, m[1]);
    if (t) out.push(t);
  }
  return out;
}

it("src/domain has no import cycles", () => {
  const graph = new Map(files(DOMAIN).map((f) => [f, valueImports(f)]));
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === "open")
        cycles.push(
          [...stack.slice(stack.indexOf(g)), g].map((x) => relative(DOMAIN, x)).join(" → ")
        );
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  expect(graph.size).toBeGreaterThan(50);
  expect(cycles).toEqual([]);
});
