/**
 * The Jest runtime of test/helpers/runtime.js: modules see the test context's own built-ins, a
 * module may declare a built-in's name itself, import() goes to Jest, and errors keep their lines.
 */
import { join } from "path";

const mod = require(join(__dirname, "fixtures", "runtime", "builtins.js"));

describe("the code-caching runtime", () => {
  it("runs under Jest's config", () => {
    expect(require(join(__dirname, "..", "jest.config.js")).runtime).toBe(
      "<rootDir>/test/helpers/runtime.js"
    );
  });

  it("gives a module the test context's built-ins (instanceof holds across the two)", () => {
    expect(mod.list()).toBeInstanceOf(Array);
    expect(mod.isArray([])).toBe(true);
    expect(mod.isArray({ length: 0 })).toBe(false);
  });

  it("lets a module declare a built-in's name itself", () => {
    expect(mod.max()).toBe(42);
    expect(Math.max(1, 2)).toBe(2);
  });

  it("hands import() to jest-runtime's handler, as its own compile does", async () => {
    // Without a handler Node says "A dynamic import callback was not specified"; with Jest's,
    // outside --experimental-vm-modules, it says this.
    await expect(mod.load("path")).rejects.toThrow("--experimental-vm-modules");
  });

  it("reads an installed package's source once per worker, the project's own for each test file", () => {
    const { PackageSourceCache } = require(join(__dirname, "helpers", "packageSources.js"));
    const pkg = join(__dirname, "..", "node_modules", "x", "index.js");
    const own = join(__dirname, "..", "src", "x.ts");
    const first = new PackageSourceCache(new Map([[own, "egen"]]));
    first.set(pkg, "pakke");
    expect(first.get(own)).toBe("egen");
    const second = new PackageSourceCache(new Map());
    expect(second.get(pkg)).toBe("pakke");
    expect(second.get(own)).toBeUndefined();
  });

  it("keeps the line of a thrown error", () => {
    expect(() => mod.fail()).toThrow("linje 7");
    try {
      mod.fail();
    } catch (e) {
      expect((e as Error).stack).toMatch(/builtins\.js:7:/);
    }
  });
});
