/* eslint-disable no-undef */
/* global require, module, process, __dirname */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const swc = require("./scripts/swc");

const urlDev = "https://localhost:3000/";
const urlProd = "https://www.contoso.com/"; // CHANGE THIS TO YOUR PRODUCTION DEPLOYMENT LOCATION

const escapeHtml = (t) =>
  String(t ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/**
 * The custom functions' help page (each function's @helpurl points at its entry), built from
 * the metadata CustomFunctionsMetadataPlugin generated, so the page and the functions cannot
 * disagree. Also rewrites the development address in functions.json for production.
 */
class FunctionHelpPlugin {
  constructor(dev) {
    this.dev = dev;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionHelpPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionHelpPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          let json = asset.source.source().toString();
          if (!this.dev) {
            json = json.replaceAll(urlDev, urlProd);
            compilation.updateAsset("functions.json", new sources.RawSource(json));
          }
          const { functions } = JSON.parse(json);
          const items = functions
            .map(
              (f) => `<section id="${escapeHtml(f.id)}"><h2>BYRDE.${escapeHtml(f.name)}(${f.parameters
                .map((p) => escapeHtml(p.optional ? `[${p.name}]` : p.name))
                .join("; ")})</h2><p>${escapeHtml(f.description)}</p><dl>${f.parameters
                .map((p) => `<dt>${escapeHtml(p.name)}</dt><dd>${escapeHtml(p.description)}</dd>`)
                .join("")}</dl></section>`
            )
            .join("\n");
          const html = `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>BYRDE-funktioner</title><style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46em;margin:1em auto;padding:0 1em;line-height:1.45}h2{font-size:1.05em;margin-top:1.6em}dt{font-weight:600}dd{margin:0 0 .4em 1em}</style></head><body><h1>BYRDE-funktioner</h1><p>Byrdeberegners regnearksfunktioner. I dansk Excel adskilles argumenter med semikolon og decimaler med komma.</p>\n${items}\n</body></html>\n`;
          compilation.emitAsset("funktioner.html", new sources.RawSource(html));
        }
      );
    });
  }
}

async function getHttpsOptions() {
  // Loaded lazily: only `npm run dev-server` needs development certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist-web"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Files with a browser twin (test/xlsx/browser-safe.test.ts).
      alias: {
        // The reader's one-step inflater: Node's zlib in Node, fflate in the browser.
        [path.resolve(__dirname, "src/xlsx/reader/inflateRaw")]: path.resolve(__dirname, "src/xlsx/reader/inflateRaw.browser.ts"),
        // ExcelJS's Workbook: its module alone in Node, the package's browser bundle in the browser.
        [path.resolve(__dirname, "src/xlsx/excelWorkbook")]: path.resolve(__dirname, "src/xlsx/excelWorkbook.browser.ts"),
      },
      fallback: { fs: false, path: false, stream: false, crypto: false, buffer: false, os: false, util: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: { ...swc, sourceMaps: dev },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: { hints: false },
    // swc minifies as small as terser did (143 KB gzipped task pane) in a third of the time.
    optimization: {
      minimizer: [
        new MinimizerPlugin({
          minify: MinimizerPlugin.swcMinify,
          minimizerOptions: { compress: { passes: 2 }, mangle: true },
        }),
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new FunctionHelpPlugin(dev),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]", noErrorOnMissing: true },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            noErrorOnMissing: true,
            transform(content) {
              return dev ? content : content.toString().replaceAll(urlDev, urlProd);
            },
          },
          {
            // The unified manifest (generated by `npm run manifests`), same address rewrite.
            from: "manifest.json",
            to: "[name][ext]",
            noErrorOnMissing: true,
            transform(content) {
              return dev
                ? content
                : content.toString().replaceAll(urlDev, urlProd).replaceAll(new URL(urlDev).host, new URL(urlProd).host);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await getHttpsOptions() : undefined },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
