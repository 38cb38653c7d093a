/** Loads examples/ as the engine's inputs (shared by the golden test and others). */
import * as fs from "fs";
import * as path from "path";
import type { KommuneReturn } from "../../../src/domain/model";
import { templatesOfIds as templatesOfFields } from "../../../src/domain/fieldId";
import {
  type FelterJson,
  type Indstillinger,
  type Kommunedata,
  type Landstal,
} from "../../../src/domain/project";

const DIR = path.join(__dirname, "..", "..", "..", "examples");

export function exampleReturns(): KommuneReturn[] {
  const dir = path.join(DIR, "returer");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const j = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as FelterJson;
      return {
        kommune: j.kommune,
        skabeloner: templatesOfFields(Object.keys(j.felter)),
        version: 0,
        values: j.felter,
        findings: [],
        file: f,
      };
    });
}

const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(DIR, name), "utf8")) as T;
export const exampleLandstal = (): Landstal => read("landstal.json");
export const exampleKommunedata = (): Kommunedata => read("kommunedata.json");
export const exampleIndstillinger = (): Indstillinger => read("indstillinger.json");
