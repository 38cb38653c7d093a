/**
 * The browser test and the bench reuse the production bundle only while it is the build of the
 * current sources (scripts/web-build.js): a changed source, a changed dependency lock or a
 * bundle rebuilt by hand (e.g. a development build) makes it stale.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isFresh, writeStamp } = require("../../scripts/web-build.js") as {
  isFresh(root: string): boolean;
  writeStamp(root: string): void;
};

describe("the production bundle's stamp", () => {
  let root: string;
  const put = (file: string, text: string) => {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "byrde-web-"));
    put("src/taskpane/index.tsx", "export {};");
    put("webpack.config.js", "module.exports = {};");
    put("package-lock.json", "{}");
    put("manifest.xml", "<x/>");
    put("dist-web/taskpane.html", "<html></html>");
    put("dist-web/taskpane.js", "/* production */");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is missing until a build writes it", () => {
    expect(isFresh(root)).toBe(false);
    writeStamp(root);
    expect(isFresh(root)).toBe(true);
  });

  it.each([
    ["a source file changes", "src/taskpane/index.tsx", "export const x = 1;"],
    ["a source file is added", "src/taskpane/ny.ts", "export {};"],
    ["the dependency lock changes", "package-lock.json", '{"lockfileVersion": 3}'],
    ["the manifest changes", "manifest.xml", "<y/>"],
    ["the bundle is rebuilt by hand", "dist-web/taskpane.js", "/* development */"],
  ])("goes stale when %s", (_what, file, text) => {
    writeStamp(root);
    put(file, text);
    expect(isFresh(root)).toBe(false);
  });
});
