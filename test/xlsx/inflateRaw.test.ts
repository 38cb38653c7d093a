/**
 * The reader's one-step inflater has two builds: Node's zlib (./inflateRaw.ts, what Node and
 * these tests use) and fflate (./inflateRaw.browser.ts, what webpack puts in the task pane).
 * They must answer alike, or a file would read differently in the pane than in the CLI.
 */
import { deflateRawSync } from "zlib";
import * as node from "../../src/xlsx/reader/inflateRaw";
import * as browser from "../../src/xlsx/reader/inflateRaw.browser";

const text = Buffer.from(
  "<sheetData>" + "<row><c><v>1,5</v></c></row>".repeat(5000) + "</sheetData>"
);
const packed = new Uint8Array(deflateRawSync(text));

describe.each([
  ["Node (zlib)", node],
  ["browser (fflate)", browser],
])("inflateRawBounded, %s", (_, impl) => {
  it("gives the bytes back when they fit the bound, exactly or with room", () => {
    expect(Buffer.from(impl.inflateRawBounded(packed, text.length)!).equals(text)).toBe(true);
    expect(Buffer.from(impl.inflateRawBounded(packed, text.length + 10)!).equals(text)).toBe(true);
    expect(impl.inflateRawBounded(new Uint8Array(deflateRawSync(Buffer.alloc(0))), 0)).toEqual(
      new Uint8Array(0)
    );
  });

  it("gives nothing when the bytes come out larger than the bound (a part lying about its size)", () => {
    expect(impl.inflateRawBounded(packed, text.length - 1)).toBeUndefined();
    expect(impl.inflateRawBounded(packed, 0)).toBeUndefined();
  });

  it("gives nothing for damaged or cut-off data", () => {
    expect(
      impl.inflateRawBounded(packed.subarray(0, packed.length >> 1), text.length)
    ).toBeUndefined();
    expect(impl.inflateRawBounded(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toBeUndefined();
  });
});
