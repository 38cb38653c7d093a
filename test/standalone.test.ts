/**
 * The repository stands on its own: no tracked text file points into the folder of working
 * material beside it (specifications, reviews, seed reports) that a clone does not have.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..");
const OUTSIDE = [["..", "shared"].join("/"), ["", "work", "shared"].join("/")];

it("no tracked file names the working-material folder outside the repository", () => {
  const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((f) => f && !/\.(png|xlsx|pdf|ico|woff2?)$/.test(f) && f !== "package-lock.json");
  expect(files.length).toBeGreaterThan(100);
  const hits = files.filter((f) => {
    let text: string;
    try {
      text = readFileSync(join(ROOT, f), "utf8");
    } catch {
      return false; // listed but absent (a deletion not yet committed)
    }
    return OUTSIDE.some((o) => text.includes(o));
  });
  expect(hits).toEqual([]);
});
