/**
 * The deal Ids of a history table's runs as bytes, for the way from the history worker to the main thread: a
 * million Ids posted as strings are a million strings copied into the main thread's heap (about 50 MB and the young
 * generation's copying), while the main thread already holds each of them as its deal's `Id`. Posted as one buffer
 * (transferred, not copied), each run takes the string of the deal it names.
 */
import { sameAscii } from '../csv/sharedTexts.js';

/** Run Ids as bytes: run r's Id is `bytes[ends[r - 1], ends[r])` (from 0 for the first). */
export interface PackedRunIds {
  readonly bytes: Uint8Array;
  readonly ends: Int32Array;
}

/**
 * Packs run Ids into one buffer. Ids are ASCII (the record parser checks them: 15 or 18 letters and digits), so a
 * character is a byte.
 *
 * @example
 * packRunIds(['006000000000001AAA']).bytes.length; // 18
 */
export function packRunIds(ids: readonly string[]): PackedRunIds {
  const ends = new Int32Array(ids.length);
  let length = 0;
  for (let r = 0; r < ids.length; r++) ends[r] = length += (ids[r] as string).length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const id of ids) for (let i = 0; i < id.length; i++) bytes[at++] = id.charCodeAt(i);
  return { bytes, ends };
}

/** Deals a run's Id is looked for among past the deal of the run before it (deals without history in between). */
const LOOK_AHEAD = 8;

/**
 * The run Ids of `packed`, each the `Id` string of the deal among `deals` it names when that deal follows the
 * previous run's (history exports list the deals' rows in the deals' order, some deals without rows), else a string
 * of its own: the same texts either way.
 *
 * @example
 * const deals = [{ Id: '006000000000001AAA' }];
 * unpackRunIds(packRunIds(['006000000000001AAA']), deals)[0] === deals[0].Id; // true, the same string
 */
export function unpackRunIds(packed: PackedRunIds, deals: ReadonlyArray<{ readonly Id: string }>): string[] {
  const { bytes, ends } = packed;
  const ids = new Array<string>(ends.length);
  let next = 0; // the deal after the previous run's
  let start = 0;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r] as number;
    let id: string | undefined;
    for (let d = next; d < next + LOOK_AHEAD && d < deals.length; d++) {
      const candidate = (deals[d] as { readonly Id: string }).Id;
      if (sameAscii(candidate, bytes, start, end)) {
        id = candidate;
        next = d + 1;
        break;
      }
    }
    ids[r] = id ?? String.fromCharCode(...bytes.subarray(start, end));
    start = end;
  }
  return ids;
}
