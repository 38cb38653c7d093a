/** The validation guide's rules table (docs/validering.md) names every rule id the code can report. */
import { readFileSync } from "fs";
import { join } from "path";
import { TEMPLATES } from "../../../src/domain/catalogue";
import { PARSE_RULES } from "../../../src/domain/parse";
import { CPR_RULE, FELTER_MANGLER, GENERIC_RULES, META_RULES } from "../../../src/domain/validate";
import { BAD_FILE_RULES } from "../../../src/xlsx/guard";
import { LOCATE_RULES } from "../../../src/xlsx/locate";
import { READER_RULES } from "../../../src/xlsx/read";

const readme = readFileSync(join(__dirname, "..", "..", "..", "docs", "validering.md"), "utf8");

describe("docs/validering.md rules table", () => {
  it("lists every rule id", () => {
    const ids = [
      ...Object.values(PARSE_RULES),
      ...Object.values(GENERIC_RULES),
      ...Object.values(META_RULES),
      FELTER_MANGLER,
      CPR_RULE,
      ...Object.values(LOCATE_RULES),
      ...TEMPLATES.flatMap((t) => t.rules.map((r) => r.id)),
      ...BAD_FILE_RULES,
      ...Object.values(READER_RULES),
    ];
    expect(ids.filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});
