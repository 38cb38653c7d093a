/** Runs `byrde` in-process (from the sources) with captured output. */
import { main } from "../../src/cli/main";

export async function runByrde(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "byrde", ...args], {
    out: (t) => (out += t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => (err += t.endsWith("\n") ? t : `${t}\n`),
  });
  return { code, out, err };
}
