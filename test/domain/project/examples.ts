/** Loads examples/ as the engine's inputs (shared by the golden test and others). */
import * as fs from "fs";
import * as path from "path";
import type { KommuneReturn } from "../../../src/domain/model";
import { templatesOfIds as templatesOfFields } from "../../../src/domain/fieldId";
import type { WorkbookPlan } from "../../../src/domain/layout/types";
import {
  type FelterJson,
  type Indstillinger,
  type Kommunedata,
  type Landstal,
  project,
} from "../../../src/domain/project";
import { buildReport } from "../../../src/domain/report";

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

/** The kl2024 report of the example returns, as `byrde opregn` plans it. */
export function exampleReport(): WorkbookPlan {
  const returns = exampleReturns();
  const landstal = exampleLandstal();
  const kommunedata = exampleKommunedata();
  const result = project({ returns, landstal, kommunedata, indstillinger: exampleIndstillinger() });
  return buildReport({ result, returns, landstal, kommunedata });
}
