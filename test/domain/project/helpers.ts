import type { Finding, KommuneReturn } from "../../../src/domain/model";
import { templatesOfIds as templatesOfFields } from "../../../src/domain/fieldId";

/** A return from field values (templates taken from the ids). */
export function ret(
  kommune: string,
  values: Record<string, number | string | null>,
  findings: Finding[] = []
): KommuneReturn {
  return {
    kommune,
    skabeloner: templatesOfFields(Object.keys(values)),
    version: 0,
    values,
    findings,
  };
}
