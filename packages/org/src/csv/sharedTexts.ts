/** Turns byte ranges of CSV chunks into strings. */
export interface ByteText {
  /** The text of the UTF-8 bytes `bytes[start, end)`. */
  utf8(bytes: Uint8Array, start: number, end: number): string;
  /** The text of the ASCII bytes `bytes[start, end)` (ids, dates, datetimes: most of the fields kept). */
  ascii(bytes: Uint8Array, start: number, end: number): string;
}

const decoder = new TextDecoder();
const decode = (bytes: Uint8Array, start: number, end: number): string => decoder.decode(bytes.subarray(start, end));

/** `TextDecoder` decoding, for any bytes in any runtime (Bulk API 2.0 result pages, the browser). */
export const webText: ByteText = { utf8: decode, ascii: decode };

/**
 * One copy of each distinct text, found by its content or straight by its UTF-8 bytes: a hash of the characters
 * picks the candidate and a comparison confirms it, so a text seen before costs neither decoding nor a new string.
 * ASCII texts are kept by hash (for them a byte is a character); other texts, and the rare ASCII text whose hash
 * another already holds, by their content.
 *
 * @example
 * const texts = new SharedTexts();
 * texts.of('Prospecting') === texts.fromBytes(new TextEncoder().encode('Prospecting'), 0, 11); // true
 */
export class SharedTexts {
  private readonly byHash = new Map<number, string>();
  private readonly others = new Map<string, string>();

  /** `text`: how bytes become strings, for these texts and for the decoders that share them. */
  constructor(readonly text: ByteText = webText) {}

  /** The copy of `text`. */
  of(text: string): string {
    let hash = FNV_OFFSET;
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) ascii = false;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (!ascii) return this.other(text);
    const candidate = this.byHash.get(hash);
    if (candidate === undefined) {
      this.byHash.set(hash, text);
      return text;
    }
    return candidate === text ? candidate : this.other(text);
  }

  /** The copy of the text whose UTF-8 bytes are `bytes[start, end)`. */
  fromBytes(bytes: Uint8Array, start: number, end: number): string {
    const hash = asciiHash(bytes, start, end);
    if (hash === NOT_ASCII) return this.other(this.text.utf8(bytes, start, end));
    return this.fromAscii(hash, bytes, start, end);
  }

  /** `fromBytes` for ASCII bytes whose `asciiHash` the caller has. */
  fromAscii(hash: number, bytes: Uint8Array, start: number, end: number): string {
    const candidate = this.byHash.get(hash);
    if (candidate !== undefined && sameAscii(candidate, bytes, start, end)) return candidate;
    const text = this.text.ascii(bytes, start, end);
    if (candidate !== undefined) return this.other(text);
    this.byHash.set(hash, text);
    return text;
  }

  private other(text: string): string {
    const copy = this.others.get(text);
    if (copy !== undefined) return copy;
    this.others.set(text, text);
    return text;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** What `asciiHash` gives for bytes that are not all ASCII (no 32-bit hash is that). */
export const NOT_ASCII = 2 ** 32;

/** The FNV-1a hash of ASCII bytes `bytes[start, end)` (as `SharedTexts` hashes them), or `NOT_ASCII`. */
export function asciiHash(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) ascii = false;
    hash = Math.imul(hash ^ b, FNV_PRIME);
  }
  return ascii ? hash : NOT_ASCII;
}

/**
 * True when the ASCII `text` is the bytes `bytes[start, end)`. Compared from the end: Ids of one org share their
 * first ten or so characters (key prefix, instance, zeros) and differ in their last.
 */
export function sameAscii(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = text.length - 1; i >= 0; i--) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

/**
 * Texts decoded and never kept: for a read that shares its texts with no other (the history worker's, whose strings
 * cannot be the main thread's anyway). Each column's own table of recent values still keeps one copy of a repeated
 * picklist value or date; only the deal Ids, one per run of a deal's rows, are no longer held in a table of a
 * million (about 2 s of CPU and 40 MB for a million deals' history).
 *
 * @example
 * readCsvObject(file, 'opportunityHistory', 'OpportunityHistory', new UnkeptTexts(bufferText), false);
 */
export class UnkeptTexts extends SharedTexts {
  override of(text: string): string {
    return text;
  }

  override fromBytes(bytes: Uint8Array, start: number, end: number): string {
    return this.text.utf8(bytes, start, end);
  }

  override fromAscii(_hash: number, bytes: Uint8Array, start: number, end: number): string {
    return this.text.ascii(bytes, start, end);
  }
}
