/**
 * `npm start` (scripts/sideload.js): serves dist-web over https at the manifest's address and
 * prints the sideload steps. What can be tested without Excel: the address agrees with the
 * manifest, webpack and package.json; the server serves the add-in's files over https with a
 * certificate from office-addin-dev-certs, refuses paths outside its folder; the steps are Danish.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { request } from "https";
import { tmpdir } from "os";
import { join } from "path";
import type { AddressInfo } from "net";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sideload = require("../scripts/sideload.js") as {
  createStaticServer: (root: string, tls?: object) => import("https").Server;
  manifestOrigin: () => URL;
  sideloadSteps: (origin: string) => string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCertificates } = require("office-addin-dev-certs/lib/generate") as {
  generateCertificates: (ca: string, cert: string, key: string, days?: number, domains?: string[]) => Promise<void>;
};

const ROOT = join(__dirname, "..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-sideload-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function get(port: number, path: string, ca: Buffer): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "localhost", port, path, ca, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("npm start: sideload", () => {
  it("npm start runs the sideload script; its address is the manifest's, webpack's and package.json's", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.start).toBe("node scripts/sideload.js");
    const origin = sideload.manifestOrigin();
    expect(origin.protocol).toBe("https:");
    expect(origin.hostname).toBe("localhost");
    expect(Number(origin.port)).toBe(pkg.config.dev_server_port);
    expect(readFileSync(join(ROOT, "webpack.config.js"), "utf8")).toContain(`const urlDev = "${origin.origin}/";`);
  });

  it("serves the built files over https with a local certificate, and nothing outside its folder", async () => {
    const certs = join(dir, "certs");
    const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(certs, f));
    await generateCertificates(ca, cert, key, 1, ["localhost", "127.0.0.1"]);
    const web = join(dir, "dist-web");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "taskpane.html"), "<!doctype html><title>Byrdeberegner</title>");
    writeFileSync(join(web, "functions.json"), "{}");
    writeFileSync(join(dir, "hemmelig.txt"), "ikke til nettet");
    const server = sideload.createStaticServer(web, { key: readFileSync(key), cert: readFileSync(cert) });
    await new Promise<void>((r) => server.listen(0, "localhost", () => r()));
    const port = (server.address() as AddressInfo).port;
    const caPem = readFileSync(ca);
    try {
      const page = await get(port, "/taskpane.html", caPem);
      expect([page.status, page.type, page.body]).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>Byrdeberegner</title>"]);
      expect((await get(port, "/", caPem)).status).toBe(200);
      expect((await get(port, "/functions.json", caPem)).type).toBe("application/json; charset=utf-8");
      expect((await get(port, "/findes-ikke.js", caPem)).status).toBe(404);
      expect((await get(port, "/%2e%2e/hemmelig.txt", caPem)).status).toBe(404); // the URL resolves ".." itself
      expect((await get(port, "/..%2fhemmelig.txt", caPem)).status).toBe(403);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 60_000);

  it("prints the sideload steps for Excel on the web, Windows and Mac, in Danish", () => {
    const text = sideload.sideloadSteps("https://localhost:3000");
    expect(text).toContain("Byrdeberegner kører på https://localhost:3000/");
    expect(text).toContain(join(ROOT, "manifest.xml"));
    for (const h of ["Excel på nettet:", "Excel til Windows:", "Excel til Mac:", "Upload mit tilføjelsesprogram", "wef"])
      expect(text).toContain(h);
    expect(text).not.toMatch(/\b(the|and|click|select|upload your)\b/i);
  });
});
