/**
 * manifest.xml, checked offline (`office-addin-manifest validate` needs the internet): parsed
 * with a real XML parser; element order per the add-in-only manifest schema; every resid
 * defined; the shared runtime wired to one page; https URLs; URLs matching webpack's output.
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser, MIME_TYPE } from "@xmldom/xmldom";
import { API_USES, requiredSets } from "../src/excel/requirements";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/**
 * The order the schema (OfficeAppManifestV1_1 / TaskPaneAppVersionOverridesV1_0 /
 * OfficeAppBasicTypesV1_0 .xsd) requires among an element's children, keyed by the element's
 * local name plus ":" + its xsi:type where it has one. Children must appear in this order
 * (each may be absent or, where the schema allows, repeated); the second list names those
 * that must be present. Every element that has children must be listed here.
 */
const ORDER: Record<string, [string[], string[]]> = {
  "OfficeApp:TaskPaneApp": [
    [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ],
    [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "DefaultSettings",
      "Permissions",
    ],
  ],
  DisplayName: [["Override"], []],
  Description: [["Override"], []],
  IconUrl: [["Override"], []],
  HighResolutionIconUrl: [["Override"], []],
  Hosts: [["Host"], ["Host"]],
  Requirements: [["Sets", "Methods"], []],
  Sets: [["Set"], ["Set"]],
  DefaultSettings: [["SourceLocation", "RequestedWidth", "RequestedHeight"], ["SourceLocation"]],
  SourceLocation: [["Override"], []],
  "VersionOverrides:VersionOverridesV1_0": [
    ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
    ["Hosts", "Resources"],
  ],
  "Host:Workbook": [["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"], []],
  Runtimes: [["Runtime"], ["Runtime"]],
  Runtime: [["Override"], []],
  AllFormFactors: [["ExtensionPoint"], []],
  "ExtensionPoint:CustomFunctions": [
    ["Script", "Page", "Metadata", "Namespace"],
    ["Script", "Page", "Metadata", "Namespace"],
  ],
  Script: [["SourceLocation"], ["SourceLocation"]],
  Page: [["SourceLocation"], ["SourceLocation"]],
  Metadata: [["SourceLocation"], ["SourceLocation"]],
  DesktopFormFactor: [["GetStarted", "FunctionFile", "ExtensionPoint"], ["FunctionFile"]],
  GetStarted: [
    ["Title", "Description", "LearnMoreUrl"],
    ["Title", "Description"],
  ],
  "ExtensionPoint:PrimaryCommandSurface": [["CustomTab", "OfficeTab"], []],
  OfficeTab: [["Group"], []],
  Group: [
    ["Label", "Icon", "Control"],
    ["Label", "Icon"],
  ],
  "Control:Button": [
    ["Label", "Supertip", "Icon", "Action", "Enabled"],
    ["Label", "Supertip", "Icon", "Action"],
  ],
  Supertip: [
    ["Title", "Description"],
    ["Title", "Description"],
  ],
  Icon: [["Image"], ["Image"]],
  "Action:ExecuteFunction": [["FunctionName"], ["FunctionName"]],
  "Action:ShowTaskpane": [
    ["TaskpaneId", "SourceLocation", "Title", "SupportsPinning"],
    ["SourceLocation"],
  ],
  Resources: [["Images", "Urls", "ShortStrings", "LongStrings"], []],
  Images: [["Image"], []],
  Urls: [["Url"], []],
  ShortStrings: [["String"], []],
  LongStrings: [["String"], []],
  Image: [["Override"], []],
  Url: [["Override"], []],
  String: [["Override"], []],
};

function parse(xml: string): { doc: Document; problems: string[] } {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => problems.push(`${level}: ${message}`),
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(xml, MIME_TYPE.XML_TEXT) as unknown as Document;
  } catch (e) {
    problems.push(String(e));
    doc = undefined as unknown as Document;
  }
  return { doc, problems };
}

const { doc, problems } = parse(fs.readFileSync(MANIFEST, "utf8"));

function children(e: globalThis.Element): globalThis.Element[] {
  return Array.from(e.childNodes).filter((n): n is globalThis.Element => n.nodeType === 1);
}

function all(e: globalThis.Element): globalThis.Element[] {
  return [e, ...children(e).flatMap(all)];
}

function key(e: globalThis.Element): string {
  const type = e.getAttributeNS(XSI, "type");
  return type ? `${e.localName}:${type}` : e.localName;
}

/** The problems with one element's children against ORDER, as readable strings. */
function orderProblems(e: globalThis.Element): string[] {
  const kids = children(e);
  if (kids.length === 0) return [];
  const rule = ORDER[key(e)];
  if (!rule) return [`<${key(e)}> has children but no ordering rule`];
  const [order, required] = rule;
  const out: string[] = [];
  let last = -1;
  for (const k of kids) {
    const i = order.indexOf(k.localName);
    if (i < 0) out.push(`<${k.localName}> is not allowed in <${key(e)}>`);
    else if (i < last) out.push(`<${k.localName}> comes after <${order[last]}> in <${key(e)}>`);
    else last = i;
  }
  for (const r of required)
    if (!kids.some((k) => k.localName === r)) out.push(`<${key(e)}> lacks <${r}>`);
  return out;
}

const root = () => doc.documentElement;
const elements = () => all(root());
const byName = (name: string) => elements().filter((e) => e.localName === name);

/** Resource id → [group, DefaultValue]. */
function resources(): Map<string, [string, string]> {
  const m = new Map<string, [string, string]>();
  for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const g of byName(group)) {
      for (const r of children(g)) {
        const id = r.getAttribute("id")!;
        expect(m.has(id)).toBe(false); // ids are unique
        m.set(id, [group, r.getAttribute("DefaultValue")!]);
      }
    }
  }
  return m;
}

function urlOf(resid: string): string {
  const r = resources().get(resid);
  if (!r || r[0] !== "Urls") throw new Error(`${resid} is not a bt:Url`);
  return r[1];
}

async function webpackConfig(mode: "development" | "production") {
  const factory = require(path.join(ROOT, "webpack.config.js"));
  return factory({}, { mode });
}

describe("manifest.xml", () => {
  it("is well-formed XML with the add-in-only manifest's root", () => {
    expect(problems).toEqual([]);
    expect(root().localName).toBe("OfficeApp");
    expect(root().namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root().getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
  });

  it("the well-formedness check catches a broken manifest (the check can fail)", () => {
    expect(parse("<OfficeApp><Id></OfficeApp>").problems.length).toBeGreaterThan(0);
  });

  it("has its elements in the order the schema requires, with the required ones present", () => {
    expect(elements().flatMap(orderProblems)).toEqual([]);
  });

  it("the order check flags a swapped pair and a missing required element", () => {
    const { doc: bad } = parse(
      `<OfficeApp xmlns:xsi="${XSI}" xsi:type="TaskPaneApp"><Version/><Id/><ProviderName/><DefaultLocale/><DisplayName/><Description/><DefaultSettings><SourceLocation/></DefaultSettings></OfficeApp>`
    );
    expect(orderProblems(bad.documentElement)).toEqual([
      "<Id> comes after <Version> in <OfficeApp:TaskPaneApp>",
      "<OfficeApp:TaskPaneApp> lacks <Permissions>",
    ]);
  });

  it("defines every resid, of the right kind, and uses every resource it defines", () => {
    const res = resources();
    const kind: Record<string, string> = {
      SourceLocation: "Urls",
      Runtime: "Urls",
      FunctionFile: "Urls",
      LearnMoreUrl: "Urls",
      Image: "Images",
      Label: "ShortStrings",
      Title: "ShortStrings",
      Namespace: "ShortStrings",
      Description: "LongStrings",
    };
    const used = new Set<string>();
    for (const e of elements().filter((x) => x.hasAttribute("resid"))) {
      const id = e.getAttribute("resid")!;
      used.add(id);
      expect([e.localName, id, res.get(id)?.[0]]).toEqual([e.localName, id, kind[e.localName]]);
    }
    expect([...res.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("runs task pane and custom functions in one shared runtime (Runtime, Page and FunctionFile on the same URL id)", () => {
    const runtime = byName("Runtime");
    expect(runtime).toHaveLength(1);
    expect(runtime[0].getAttribute("lifetime")).toBe("long");
    const id = runtime[0].getAttribute("resid");
    const page = byName("Page")[0];
    expect(children(page)[0].getAttribute("resid")).toBe(id);
    expect(byName("FunctionFile")[0].getAttribute("resid")).toBe(id);
    const action = byName("Action").find((a) => a.getAttributeNS(XSI, "type") === "ShowTaskpane")!;
    expect(
      children(action)
        .find((c) => c.localName === "SourceLocation")!
        .getAttribute("resid")
    ).toBe(id);
    expect(
      byName("DefaultSettings")[0]
        .getElementsByTagName("SourceLocation")[0]
        .getAttribute("DefaultValue")
    ).toBe(urlOf(id!));
  });

  it("asks for exactly the requirement sets the code needs unconditionally (derived from src/excel/requirements.ts)", () => {
    const sets = new Map(
      byName("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])
    );
    expect(Object.fromEntries(sets)).toEqual(Object.fromEntries(requiredSets()));
    // Custom functions are not required: the task pane must install where they are unsupported.
    expect(sets.has("CustomFunctionsRuntime")).toBe(false);
    // The rule can fail: a table needing a newer set asks for more than the manifest says.
    const higher = requiredSets([
      ...API_USES,
      { member: "x", set: "ExcelApi", version: "1.12", use: "x" },
    ]);
    expect(higher.get("ExcelApi")).toBe("1.12");
    expect(higher.get("ExcelApi")).not.toBe(sets.get("ExcelApi"));
  });

  it("asks for ReadWriteDocument only", () => {
    expect(byName("Permissions").map((p) => p.textContent)).toEqual(["ReadWriteDocument"]);
  });

  it("names the add-in in English and Danish, and the functions' namespace BYRDE", () => {
    const name = byName("DisplayName")[0];
    expect(name.getAttribute("DefaultValue")).toBe("Burden Calculator");
    expect(children(name).map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])).toEqual([
      ["da-DK", "Byrdeberegner"],
    ]);
    const ns = byName("Namespace")[0].getAttribute("resid")!;
    expect(resources().get(ns)).toEqual(["ShortStrings", "BYRDE"]);
    // Every user-visible string has a Danish override, except the namespace (the same in every language).
    for (const s of elements().filter((e) => e.localName === "String" && e.namespaceURI === BT)) {
      if (s.getAttribute("id") === ns) continue;
      expect([s.getAttribute("id"), children(s).map((o) => o.getAttribute("Locale"))]).toEqual([
        s.getAttribute("id"),
        ["da-DK"],
      ]);
    }
  });

  it("uses https for every URL", () => {
    const urls = elements()
      .filter((e) =>
        [
          "IconUrl",
          "HighResolutionIconUrl",
          "SupportUrl",
          "SourceLocation",
          "Image",
          "Url",
        ].includes(e.localName)
      )
      .map((e) => e.getAttribute("DefaultValue"))
      .filter((u): u is string => !!u);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\/[^/]+\//);
  });

  it("points at icons that exist in assets/ as PNGs of the declared size", () => {
    const icons: [string, number | null][] = [
      [byName("IconUrl")[0].getAttribute("DefaultValue")!, 32],
      [byName("HighResolutionIconUrl")[0].getAttribute("DefaultValue")!, 64],
      ...byName("Images").flatMap((g) =>
        children(g).map((i): [string, number | null] => [i.getAttribute("DefaultValue")!, null])
      ),
    ];
    for (const [url, size] of icons) {
      const file = path.join(ROOT, new URL(url).pathname);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const width = png.readUInt32BE(16);
      const expected = size ?? Number(/icon-(\d+)\.png$/.exec(url)![1]);
      expect([url, width, png.readUInt32BE(20)]).toEqual([url, expected, expected]);
    }
  });

  describe("against webpack.config.js", () => {
    it("loads the metadata and script webpack emits (functions.json, functions.js)", async () => {
      const config = await webpackConfig("production");
      const plugin = config.plugins.find(
        (p: object) => p.constructor.name === "CustomFunctionsMetadataPlugin"
      );
      expect(new URL(urlOf("Functions.Metadata.Url")).pathname).toBe("/" + plugin.options.output);
      expect(path.resolve(ROOT, plugin.options.input)).toBe(
        path.join(ROOT, "src/functions/functions.ts")
      );
      expect(Object.keys(config.entry)).toContain("functions");
      expect(new URL(urlOf("Functions.Script.Url")).pathname).toBe(
        "/" + config.output.filename.replace("[name]", "functions")
      );
    });

    it("hosts the shared runtime on the page webpack builds with the functions chunk loaded", async () => {
      const config = await webpackConfig("production");
      const html = config.plugins.find(
        (p: { constructor: { name: string }; userOptions?: { filename?: string } }) =>
          p.constructor.name === "HtmlWebpackPlugin" &&
          "/" + p.userOptions?.filename === new URL(urlOf("Taskpane.Url")).pathname
      );
      expect(html).toBeDefined();
      expect(html.userOptions.chunks).toEqual(expect.arrayContaining(["functions", "taskpane"]));
    });

    it("copies assets/ and rewrites every dev URL for production", async () => {
      const config = await webpackConfig("production");
      const copy = config.plugins.find((p: object) => p.constructor.name === "CopyPlugin");
      const patterns: { from: string; transform?: (c: Buffer) => string }[] = copy.patterns;
      expect(patterns.map((p) => p.from)).toEqual(
        expect.arrayContaining(["assets/*", "manifest*.xml"])
      );
      const transform = patterns.find((p) => p.from === "manifest*.xml")!.transform!;
      const prod = transform(fs.readFileSync(MANIFEST));
      expect(prod).not.toContain("localhost");
      expect(parse(prod).problems).toEqual([]);
    });
  });
});
