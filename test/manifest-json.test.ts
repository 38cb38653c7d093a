/**
 * manifest.json (the unified manifest) and assets/shortcuts.json are generated
 * (scripts/make-manifests.js) from manifest.xml, src/commands/commands.json and the custom
 * functions' metadata. Offline checks: the committed files are exactly what the generator
 * makes from today's sources (so they cannot drift), and the JSON declares the same functions,
 * pane, commands, shortcuts and requirement sets as the XML.
 */
import * as fs from "fs";
import { FILES, buildUnified, generate, readXml } from "../scripts/make-manifests";
import { COMMANDS } from "../src/commands/actions";
import { requiredSets } from "../src/excel/requirements";

type Unified = ReturnType<typeof buildUnified>;

describe("manifest.json and shortcuts.json", () => {
  let g: Awaited<ReturnType<typeof generate>>;
  let json: Unified;

  beforeAll(async () => {
    g = await generate();
    json = JSON.parse(fs.readFileSync(FILES.json, "utf8"));
  });

  test("are what the generator makes from manifest.xml, commands.json and functions.ts (npm run manifests)", () => {
    expect(fs.readFileSync(FILES.json, "utf8")).toBe(g.manifest);
    expect(fs.readFileSync(FILES.shortcuts, "utf8")).toBe(g.shortcuts);
  });

  test("the JSON declares the XML's custom functions: same ids, names, namespace and metadata URL", () => {
    const rt = json.extensions[0].runtimes[0];
    expect(rt.customFunctions.functions.map((f) => [f.id, f.name])).toEqual(
      g.metadata.functions.map((f: { id: string; name: string }) => [f.id, f.name])
    );
    expect(rt.customFunctions.functions).toHaveLength(34);
    expect(rt.customFunctions.namespace).toEqual({ id: g.xml.namespace, name: g.xml.namespace });
    expect(rt.customFunctions.metadataUrl).toBe(g.xml.functionsMetadata);
    expect(rt.code).toEqual({ page: g.xml.taskpaneUrl, script: g.xml.functionsScript });
    // Functions and pane share one runtime, as in the XML.
    expect(json.extensions[0].runtimes).toHaveLength(1);
    expect(rt.lifetime).toBe("long");
  });

  test("the same pane, ribbon buttons, commands and shortcuts as the XML", () => {
    const rt = json.extensions[0].runtimes[0];
    const xmlCommands = g.xml.controls.filter((c) => c.type === "ExecuteFunction").map((c) => c.functionName);
    expect(xmlCommands).toEqual(COMMANDS.map((c) => c.id));
    expect(rt.actions.filter((a) => a.type === "executeFunction").map((a) => a.id)).toEqual(xmlCommands);
    const pane = g.xml.controls.find((c) => c.type === "ShowTaskpane")!;
    expect(rt.actions.find((a) => a.type === "openPage")?.id).toBe(pane.taskpaneId);
    const controls = json.extensions[0].ribbons[0].tabs[0].groups[0].controls;
    expect(controls.map((c) => [c.id, c.actionId, c.label])).toEqual(
      g.xml.controls.map((c) => [c.id, c.functionName ?? c.taskpaneId, c.label])
    );
    expect(json.extensions[0].keyboardShortcuts[0].shortcuts).toEqual(
      COMMANDS.map((c) => ({ key: { default: c.key }, actionId: c.id }))
    );
    const shortcuts = JSON.parse(g.shortcuts);
    expect(shortcuts.shortcuts.map((s: { action: string }) => s.action)).toEqual(xmlCommands);
    expect(g.xml.shortcutsUrl).toMatch(/\/assets\/shortcuts\.json$/);
  });

  test("the same requirement sets (the code's minimum), the XML add-in hidden where both are installed", () => {
    const caps = json.extensions[0].requirements.capabilities;
    expect(Object.fromEntries(caps.map((c) => [c.name, c.minVersion]))).toEqual(
      Object.fromEntries(requiredSets())
    );
    expect(json.extensions[0].alternates[0].hide.customOfficeAddin.officeAddinId).toBe(g.xml.id);
    expect(json.id).not.toBe(g.xml.id);
    expect(json.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json.name.short.length).toBeLessThanOrEqual(30);
  });

  test("the drift check can fail: a changed XML gives a different manifest.json", () => {
    const xml = fs.readFileSync(FILES.xml, "utf8").replace('FunctionName>Valider<', 'FunctionName>ValiderNu<');
    const other = JSON.stringify(buildUnified(readXml(xml), g.commands, g.metadata), null, 2) + "\n";
    expect(other).not.toBe(g.manifest);
  });
});
