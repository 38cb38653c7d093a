#!/usr/bin/env node
/* global require, module, process, console, __dirname */
/**
 * `npm start`: the add-in built, served over https at the manifest's address, and the steps to
 * sideload it in Excel on the web, Windows and Mac. (office-addin-debugging, the template's
 * `npm start`, needs keytar, which does not build everywhere; this needs nothing beyond the
 * project's own devDependencies.)
 *
 *   node scripts/sideload.js               build dist-web, then serve it
 *   node scripts/sideload.js --uden-build  serve the dist-web already built
 *
 * The certificate comes from office-addin-dev-certs: on first use it makes a local CA and asks
 * the system to trust it (it may ask for a password). If the CA cannot be installed, the
 * certificates are still made in ~/.office-addin-dev-certs and the script says how to trust the
 * CA by hand. Stop with Ctrl+C.
 */
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist-web");
const MANIFEST = path.join(ROOT, "manifest.xml");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The address the manifest loads the task pane from (one source: manifest.xml). */
function manifestOrigin(manifestPath = MANIFEST) {
  const xml = fs.readFileSync(manifestPath, "utf8");
  const m = /<SourceLocation DefaultValue="(https:\/\/[^/"]+)\//.exec(xml);
  if (!m) throw new Error(`${manifestPath} har ingen SourceLocation med en https-adresse.`);
  return new URL(m[1]);
}

/**
 * A static file server for `root` (GET and HEAD only; nothing outside `root`; no caching, so a
 * rebuilt add-in is what Excel gets). https with `tls` ({ key, cert }), else http (tests).
 */
function createStaticServer(root, tls) {
  const base = path.resolve(root);
  const handler = (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "https://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith("/")) rel += "taskpane.html";
    const file = path.resolve(base, `.${rel}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Findes ikke.\n");
        return;
      }
      res.writeHead(200, {
        "Content-Type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Cache-Control": "no-store",
        "Access-Control-Allow-Origin": "*",
      });
      res.end(req.method === "HEAD" ? undefined : data);
    });
  };
  return tls ? https.createServer(tls, handler) : http.createServer(handler);
}

/** What to do in Excel, in Danish, for the add-in served at `origin`. */
function sideloadSteps(origin, manifestPath = MANIFEST) {
  const manifest = path.resolve(manifestPath);
  return [
    `Byrdeberegner kører på ${origin}/ (mappen dist-web). Stop med Ctrl+C.`,
    "",
    "Excel på nettet:",
    "  1. Åbn en projektmappe i Excel på nettet (office.com).",
    "  2. Vælg Hjem → Tilføjelsesprogrammer → Flere tilføjelsesprogrammer → Mine tilføjelsesprogrammer → Upload mit tilføjelsesprogram.",
    `  3. Vælg ${manifest}, og tryk Upload. Byrdeberegner står nu under fanen Hjem.`,
    "",
    "Excel til Windows:",
    `  1. Del mappen ${path.dirname(manifest)} på netværket (fx som \\\\computernavn\\byrde).`,
    "  2. Filer → Indstillinger → Sikkerhedscenter → Indstillinger for Sikkerhedscenter → Kataloger over betroede tilføjelsesprogrammer: skriv netværksstien, tryk Tilføj katalog, sæt flueben i Vis i menu, og genstart Excel.",
    "  3. Hjem → Tilføjelsesprogrammer → Flere tilføjelsesprogrammer → Delt mappe → Byrdeberegner.",
    "",
    "Excel til Mac:",
    `  1. Kopiér ${manifest} til ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (opret mappen wef, hvis den mangler).`,
    "  2. Genstart Excel, åbn en projektmappe, og vælg Hjem → Tilføjelsesprogrammer → Byrdeberegner.",
    "",
    `Excel henter alt fra ${origin}; siden skal være betroet (certifikatet herunder), ellers viser ruden en fejl.`,
  ].join("\n");
}

/** https options from office-addin-dev-certs, or undefined with Danish lines saying why. */
async function certificates(log) {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    log(
      "office-addin-dev-certs er ikke installeret (kør npm ci); siden kan ikke serveres med https."
    );
    return undefined;
  }
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { key: o.key, cert: o.cert, ca: o.ca };
  } catch {
    // The CA could not be installed (no rights, or no certificate store): make the files anyway.
    try {
      const defaults = require("office-addin-dev-certs/lib/defaults");
      if (!fs.existsSync(defaults.localhostCertificatePath))
        await require("office-addin-dev-certs/lib/generate").generateCertificates();
      log(
        `Certifikatet kunne ikke installeres automatisk. Stol på ${defaults.caCertificatePath} i dit system eller din browser (fx med npx office-addin-dev-certs install).`
      );
      return {
        key: fs.readFileSync(defaults.localhostKeyPath),
        cert: fs.readFileSync(defaults.localhostCertificatePath),
      };
    } catch {
      log(
        "Der kunne ikke laves et certifikat til https://localhost; prøv npx office-addin-dev-certs install."
      );
      return undefined;
    }
  }
}

async function main(argv = process.argv.slice(2), log = (s) => console.log(s)) {
  const build = !argv.includes("--uden-build");
  if (build || !fs.existsSync(path.join(DIST, "taskpane.html"))) {
    log("Bygger tilføjelsesprogrammet (npm run build) …");
    const b = spawnSync("npm", ["run", "build"], {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (b.status !== 0) {
      log("Byggeriet fejlede; se meddelelserne ovenfor.");
      return 1;
    }
  }
  const origin = manifestOrigin();
  const tls = await certificates(log);
  if (!tls) return 2;
  const server = createStaticServer(DIST, tls);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(origin.port || 443), "localhost", resolve);
  }).catch((e) => {
    log(
      e && e.code === "EADDRINUSE"
        ? `Port ${origin.port} er optaget (kører npm run dev-server eller en anden npm start?). Stop den, og prøv igen.`
        : `Serveren kunne ikke starte (${(e && e.code) || "ukendt fejl"}).`
    );
    process.exit(2);
  });
  log(sideloadSteps(origin.origin));
  return undefined;
}

module.exports = { createStaticServer, manifestOrigin, sideloadSteps, main, MIME };

if (require.main === module) {
  main().then((code) => {
    if (code !== undefined) process.exitCode = code;
  });
}
