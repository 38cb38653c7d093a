/**
 * Streaming XML over one zip part: inflated chunk by chunk (./zip.ts), decoded and fed to
 * saxes, with element names reduced to their local part (`x:c` is `c`). A DOCTYPE (and so any
 * entity declaration) is refused: no Excel file has one. Malformed XML becomes one Danish
 * refusal naming the part and line; saxes' own (English) message never reaches the user.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { XlsxRejected } from "./limits";
import type { ZipArchive, ZipEntry } from "./zip";

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by its local name (`r:id`, `ns1:id`, or `id`). */
export function attr(
  attributes: Readonly<Record<string, string>>,
  local: string
): string | undefined {
  const direct = attributes[local];
  if (direct !== undefined) return direct;
  for (const key of Object.keys(attributes)) if (localName(key) === local) return attributes[key];
  return undefined;
}

interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

function decoderFor(first: Uint8Array): Decoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/** Parses one part of the archive, streaming; throws XlsxRejected on anything unsafe or broken. */
export function parsePart(zip: ZipArchive, entry: ZipEntry, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new XlsxRejected(
      "xml_doctype",
      `Filen indeholder en DOCTYPE-erklæring (i delen ${entry.name}), som en Excel-fil aldrig har; den kan erklære entiteter, der bruges til angreb, så filen læses ikke. Gem den igen fra Excel, og send den på ny.`
    );
  });
  const { open, text, close } = handlers;
  if (open) parser.on("opentag", (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  if (text) parser.on("text", text);
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  let decoder: Decoder | undefined;
  try {
    zip.inflate(entry, (chunk) => {
      decoder ??= decoderFor(chunk);
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    if (decoder) parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof XlsxRejected) throw e;
    throw new XlsxRejected(
      "fil_beskadiget",
      `Filen er beskadiget: delen ${entry.name} er ikke gyldig XML. Gem den igen fra Excel, og send den på ny.`
    );
  }
}
