/* eslint-disable no-undef */
/* global require, module, __dirname, process, console */
/**
 * Generates, from one source each, what must agree with manifest.xml:
 *
 * - manifest.json, the unified manifest for Microsoft 365: the add-in's names, icons, pane,
 *   requirement sets and ribbon are taken from manifest.xml; the commands and keyboard
 *   shortcuts from src/commands/commands.json; the custom functions from the metadata that
 *   CustomFunctionsMetadataPlugin generates from src/functions/functions.ts (the same generator).
 * - assets/shortcuts.json, the keyboard shortcuts manifest.xml points at (ExtendedOverrides).
 *
 *   npm run manifests          # writes both files
 *   npm run manifests -- --check   # exits 1 when a committed file differs from what it should be
 *
 * test/manifest-json.test.ts runs the same functions and compares.
 */
const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const ROOT = path.join(__dirname, "..");
const FILES = {
  xml: path.join(ROOT, "manifest.xml"),
  json: path.join(ROOT, "manifest.json"),
  shortcuts: path.join(ROOT, "assets", "shortcuts.json"),
  commands: path.join(ROOT, "src", "commands", "commands.json"),
  functions: path.join(ROOT, "src", "functions", "functions.ts"),
};

/** The unified manifest's own id (Microsoft asks for a new GUID, linked to the XML one by `alternates`). */
const JSON_ID = "3c1f6b8e-9d2a-4e57-b0c4-7a5e2f91d6a3";
const SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json";

const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** What the generator needs from manifest.xml, read with a real XML parser. */
function readXml(xml) {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const all = (name) => Array.from(doc.getElementsByTagNameNS("*", name));
  const first = (name) => all(name)[0];
  const text = (name) => first(name)?.textContent?.trim();
  const danish = (el) =>
    Array.from(el.getElementsByTagNameNS("*", "Override")).find((o) => o.getAttribute("Locale") === "da-DK")?.getAttribute("Value") ??
    el.getAttribute("DefaultValue");
  const resources = new Map();
  for (const r of [...doc.getElementsByTagNameNS(BT, "Url"), ...doc.getElementsByTagNameNS(BT, "String"), ...doc.getElementsByTagNameNS(BT, "Image")]) {
    if (r.getAttribute("id")) resources.set(r.getAttribute("id"), { value: r.getAttribute("DefaultValue"), da: danish(r) });
  }
  const res = (id) => resources.get(id);
  const controls = all("Control").map((c) => {
    const action = Array.from(c.getElementsByTagNameNS("*", "Action"))[0];
    const type = action.getAttributeNS(XSI, "type");
    const label = Array.from(c.getElementsByTagNameNS("*", "Label"))[0].getAttribute("resid");
    const tip = Array.from(c.getElementsByTagNameNS("*", "Description"))[0].getAttribute("resid");
    return {
      id: c.getAttribute("id"),
      type,
      functionName: type === "ExecuteFunction" ? Array.from(action.getElementsByTagNameNS("*", "FunctionName"))[0].textContent.trim() : undefined,
      taskpaneId: type === "ShowTaskpane" ? Array.from(action.getElementsByTagNameNS("*", "TaskpaneId"))[0].textContent.trim() : undefined,
      label: res(label).da,
      tooltip: res(tip).da,
    };
  });
  const group = first("Group");
  return {
    id: text("Id"),
    version: text("Version"),
    provider: text("ProviderName"),
    name: danish(first("DisplayName")),
    description: danish(first("Description")),
    sets: all("Set").map((s) => ({ name: s.getAttribute("Name"), minVersion: s.getAttribute("MinVersion") })),
    taskpaneUrl: res("Taskpane.Url").value,
    functionsScript: res("Functions.Script.Url").value,
    functionsMetadata: res("Functions.Metadata.Url").value,
    namespace: res(first("Namespace").getAttribute("resid")).value,
    tab: first("OfficeTab").getAttribute("id"),
    group: { id: group.getAttribute("id"), label: res(Array.from(group.getElementsByTagNameNS("*", "Label"))[0].getAttribute("resid")).da },
    controls,
    shortcutsUrl: first("ExtendedOverrides")?.getAttribute("Url"),
  };
}

/** assets/shortcuts.json: the XML manifest's keyboard shortcuts (ExtendedOverrides format). */
function buildShortcuts(commands) {
  return {
    actions: commands.map((c) => ({ id: c.id, type: "ExecuteFunction", name: c.label })),
    shortcuts: commands.map((c) => ({ action: c.id, key: { default: c.key } })),
  };
}

/** The custom functions as the unified manifest declares them (from the generated metadata). */
function unifiedFunctions(metadata) {
  return metadata.functions.map((f) => ({
    id: f.id,
    name: f.name,
    description: f.description,
    ...(f.helpUrl ? { helpUrl: f.helpUrl } : {}),
    parameters: f.parameters.map((p) => ({
      name: p.name,
      description: p.description,
      type: p.type,
      ...(p.dimensionality ? { dimensionality: p.dimensionality } : {}),
      ...(p.optional ? { optional: true } : {}),
    })),
    result: f.result,
    ...(f.options ? { options: f.options } : {}),
  }));
}

function buildUnified(x, commands, metadata) {
  const base = new URL(x.taskpaneUrl);
  const origin = `${base.origin}/`;
  const icon = (size) => ({ size, url: `${origin}assets/icon-${size}.png` });
  const icons = [icon(16), icon(32), icon(80)];
  const pane = x.controls.find((c) => c.type === "ShowTaskpane");
  const version = x.version.split(".").slice(0, 3).join(".");
  return {
    $schema: SCHEMA,
    manifestVersion: "1.24",
    version,
    id: JSON_ID,
    localizationInfo: { defaultLanguageTag: "da-dk" },
    developer: {
      name: x.provider,
      websiteUrl: origin,
      privacyUrl: `${origin}privatliv.html`,
      termsOfUseUrl: `${origin}vilkaar.html`,
    },
    name: { short: x.name, full: x.name },
    description: { short: x.description.slice(0, 250), full: x.description },
    icons: { outline: "assets/icon-32.png", color: "assets/icon-128.png" },
    accentColor: "#1F3864",
    validDomains: [base.host],
    authorization: {
      permissions: { resourceSpecific: [{ name: "Document.ReadWrite.User", type: "Delegated" }] },
    },
    extensions: [
      {
        requirements: {
          scopes: ["workbook"],
          capabilities: x.sets.map((s) => ({ name: s.name, minVersion: s.minVersion })),
        },
        runtimes: [
          {
            id: "SharedRuntime",
            type: "general",
            code: { page: x.taskpaneUrl, script: x.functionsScript },
            lifetime: "long",
            actions: [
              { id: pane.taskpaneId, type: "openPage", view: pane.taskpaneId, pinnable: false },
              ...commands.map((c) => ({ id: c.id, type: "executeFunction", displayName: c.label })),
            ],
            customFunctions: {
              functions: unifiedFunctions(metadata),
              namespace: { id: x.namespace, name: x.namespace },
              metadataUrl: x.functionsMetadata,
              allowCustomDataForDataTypeAny: metadata.allowCustomDataForDataTypeAny === true,
            },
          },
        ],
        ribbons: [
          {
            contexts: ["default"],
            tabs: [
              {
                builtInTabId: x.tab,
                groups: [
                  {
                    id: x.group.id,
                    label: x.group.label,
                    icons,
                    controls: x.controls.map((c) => ({
                      id: c.id,
                      type: "button",
                      label: c.label,
                      icons,
                      supertip: { title: c.label, description: c.tooltip },
                      actionId: c.type === "ShowTaskpane" ? c.taskpaneId : c.functionName,
                    })),
                  },
                ],
              },
            ],
          },
        ],
        keyboardShortcuts: [
          { shortcuts: commands.map((c) => ({ key: { default: c.key }, actionId: c.id })) },
        ],
        alternates: [{ hide: { customOfficeAddin: { officeAddinId: x.id } } }],
      },
    ],
  };
}

const asText = (o) => `${JSON.stringify(o, null, 2)}\n`;

/** Both generated files' expected text, from the current sources. */
async function generate() {
  const x = readXml(fs.readFileSync(FILES.xml, "utf8"));
  const commands = JSON.parse(fs.readFileSync(FILES.commands, "utf8"));
  const r = await generateCustomFunctionsMetadata(FILES.functions);
  if (r.errors.length > 0) throw new Error(r.errors.join("\n"));
  const metadata = JSON.parse(r.metadataJson);
  return {
    xml: x,
    commands,
    metadata,
    manifest: asText(buildUnified(x, commands, metadata)),
    shortcuts: asText(buildShortcuts(commands)),
  };
}

module.exports = { FILES, readXml, buildShortcuts, buildUnified, generate };

if (require.main === module) {
  generate().then((g) => {
    const check = process.argv.includes("--check");
    let stale = 0;
    for (const [file, text] of [
      [FILES.json, g.manifest],
      [FILES.shortcuts, g.shortcuts],
    ]) {
      const now = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
      if (now === text) continue;
      if (check) {
        console.error(`${path.relative(ROOT, file)} er forældet: kør npm run manifests.`);
        stale++;
      } else {
        fs.writeFileSync(file, text);
        console.log(`Skrev ${path.relative(ROOT, file)}`);
      }
    }
    process.exitCode = stale > 0 ? 1 : 0;
  });
}
