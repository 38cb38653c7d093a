/** Types for make-manifests.js (used by test/manifest-json.test.ts). */
export interface XmlControl {
  id: string;
  type: string;
  functionName?: string;
  taskpaneId?: string;
  label: string;
  tooltip: string;
}
export interface XmlInfo {
  id: string;
  version: string;
  provider: string;
  name: string;
  description: string;
  sets: { name: string; minVersion: string }[];
  taskpaneUrl: string;
  functionsScript: string;
  functionsMetadata: string;
  namespace: string;
  tab: string;
  group: { id: string; label: string };
  controls: XmlControl[];
  shortcutsUrl?: string;
}
export interface Command {
  id: string;
  view: string;
  run: boolean;
  label: string;
  labelEn: string;
  tooltip: string;
  tooltipEn: string;
  key: string;
}
export interface Unified {
  id: string;
  version: string;
  name: { short: string; full: string };
  extensions: {
    requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
    runtimes: {
      id: string;
      lifetime: string;
      code: { page: string; script: string };
      actions: { id: string; type: string }[];
      customFunctions: {
        functions: { id: string; name: string }[];
        namespace: { id: string; name: string };
        metadataUrl: string;
      };
    }[];
    ribbons: { tabs: { groups: { controls: { id: string; actionId: string; label: string }[] }[] }[] }[];
    keyboardShortcuts: { shortcuts: { key: { default: string }; actionId: string }[] }[];
    alternates: { hide: { customOfficeAddin: { officeAddinId: string } } }[];
  }[];
}
export const FILES: Record<"xml" | "json" | "shortcuts" | "commands" | "functions", string>;
export function readXml(xml: string): XmlInfo;
export function buildShortcuts(commands: Command[]): unknown;
export function buildUnified(x: XmlInfo, commands: Command[], metadata: unknown): Unified;
export function generate(): Promise<{
  xml: XmlInfo;
  commands: Command[];
  metadata: { functions: { id: string; name: string }[] };
  manifest: string;
  shortcuts: string;
}>;
