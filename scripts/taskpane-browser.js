/* global require, module, __dirname, Buffer */
/**
 * The task pane in headless Chromium, as the browser test and the bench open it: the production
 * bundle (scripts/web-build.js) served on 127.0.0.1, Debian's Chromium driven by playwright-core,
 * a fake Office/Excel (test/e2e/fakeOffice.js) injected before the page loads, and the office.js
 * CDN request answered locally (there is no internet); any other outside request is refused.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { DIST } = require("./web-build");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** A tiny static server for `dir` on 127.0.0.1 (random port). */
async function serve(dir = DIST) {
  const server = http.createServer((req, res) => {
    const rel =
      decodeURIComponent((req.url || "/").split("?")[0]).replace(/^\/+/, "") || "taskpane.html";
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Launches Chromium and returns `newPane({ width, query })`, which opens taskpane.html (with an
 * optional query such as "?tema=moerk") in a fresh page over a fresh fake workbook and resolves
 * once the pane's heading shows; `close()` ends browser and server. Console errors and page
 * errors of every page are collected in `consoleErrors`.
 */
async function launchTaskpane({ executablePath, width: defaultWidth = 350, height = 900 }) {
  const { chromium } = require("playwright-core");
  const server = await serve();
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const consoleErrors = [];
  const newPane = async ({ width = defaultWidth, query = "" } = {}) => {
    const page = await browser.newPage({ viewport: { width, height }, locale: "da-DK" });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (url.includes("appsforoffice.microsoft.com")) {
        return route.fulfill({
          status: 200,
          contentType: "text/javascript",
          body: Buffer.from("/* office.js: fake injected by the test */"),
        });
      }
      return route.abort();
    });
    await page.addInitScript({ path: path.join(__dirname, "..", "test", "e2e", "fakeOffice.js") });
    await page.goto(`${server.url}taskpane.html${query}`);
    await page.getByRole("heading", { name: "Byrdeberegner" }).waitFor();
    return page;
  };
  return {
    newPane,
    consoleErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

module.exports = { serve, launchTaskpane };
