/**
 * The installed command: bin/byrde.js runs the compiled CLI (dist/, built by `npm run
 * build:cli`, which `npm install` and `npm test` run) as its own process. The other CLI tests
 * run the commands in-process from the sources (test/helpers/cli.ts).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { TEMPLATES } from "../../src/domain/catalogue";
import { BUILT_CLI, describeWith } from "../helpers/requirements";

const ROOT = join(__dirname, "..", "..");

describeWith(BUILT_CLI, "bin/byrde.js", () => {
  it("runs the compiled CLI: katalog --json lists the templates, exit code 0", () => {
    expect(existsSync(join(ROOT, "dist", "cli", "main.js"))).toBe(true);
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "byrde.js"), "katalog", "--json"], {
      encoding: "utf8",
      cwd: ROOT,
      timeout: 60_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).skabeloner.map((t: { id: string }) => t.id)).toEqual(
      TEMPLATES.map((t) => t.id)
    );
  });

  it("answers a usage error in Danish with exit code 2", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "byrde.js"), "foo"], {
      encoding: "utf8",
      cwd: ROOT,
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("ukendt kommando 'foo'");
  });
});
