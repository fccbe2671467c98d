/**
 * A table's records by id, compared on the id's first 15 characters (case-sensitive, as Salesforce compares ids).
 * An open-addressing hash table of positions in the table's records: a `Map` keyed by each id's 15-character prefix
 * costs a string and an entry per record (a third of a million-deal org's load time and 70 bytes a record); this
 * costs 12 to 24 bytes a record (slots for two to four times the records, and a hash) and no object at all. Each
 * position's hash is kept, so that growing the table and passing other records on a probe read no record: records
 * lie scattered in the heap, and reading `Id` from the records of every table is a megamorphic load.
 */
import { ColumnRecords, type RecordList } from './columnRecords.js';
import type { StoredRecord } from './values.js';

const EMPTY = 0;
const REMOVED = -1; // probing goes on past a removed record's slot
const ID_LENGTH = 15;

export class IdIndex {
  /** Position + 1 in `records`, EMPTY or REMOVED. */
  private slots = new Int32Array(16);
  private used = 0; // slots not EMPTY
  private count = 0;
  /** The hash of the id at each position of `records` that was added. */
  private hashes = new Int32Array(16);

  /** Positions [from, to) added with `addLater`, indexed on the next use of the index. */
  private later = { from: 0, to: 0 };
  /** The Id at a position of the records (read from its column when the records are columns). */
  private readonly idAtPosition: (position: number) => string;

  /** `records`: the table's records, which the index reads (and `reindex` follows after removals). */
  constructor(private readonly records: RecordList) {
    this.idAtPosition =
      records instanceof ColumnRecords
        ? (position) => records.value(position, 'Id') as string
        : (position) => (records.at(position) as StoredRecord)['Id'] as string;
  }

  get size(): number {
    this.catchUp();
    return this.count;
  }

  /**
   * Indexes the record at `position` (the next after those added before) on the next use of the index: a table kept
   * as columns is often only scanned (a count, an export), and indexing 7.5 million ids is a microsecond each, most
   * of it the processor waiting for memory.
   */
  addLater(position: number): void {
    if (this.later.to === this.later.from) this.later = { from: position, to: position + 1 };
    else if (position === this.later.to) this.later.to++;
    else throw new Error(`position ${position} added after ${this.later.to - 1}`);
  }

  private catchUp(): void {
    const { from, to } = this.later;
    if (from === to) return;
    this.later = { from: 0, to: 0 };
    for (let position = from; position < to; position++) this.add(position);
  }

  /** The record whose id starts with the first 15 characters of `id`. */
  get(id: string): StoredRecord | undefined {
    const slot = this.find(id);
    return slot < 0 ? undefined : this.records.at((this.slots[slot] as number) - 1);
  }

  /** The position in the records of the record whose id starts with the first 15 characters of `id`; -1 if none. */
  position(id: string): number {
    const slot = this.find(id);
    return slot < 0 ? -1 : (this.slots[slot] as number) - 1;
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /**
   * Indexes the record at `position` of the records under its Id (`id`, when the caller has it at hand), replacing
   * a record of the same id.
   */
  add(position: number, id = this.idAt(position + 1)): void {
    this.catchUp();
    if ((this.used + 1) * 2 > this.slots.length) this.resize();
    const hash = hashId(id);
    if (position >= this.hashes.length) this.growHashes(position);
    this.hashes[position] = hash;
    const mask = this.slots.length - 1;
    let free = -1;
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const held = this.slots[i] as number;
      if (held === EMPTY) break;
      if (held === REMOVED) free = free < 0 ? i : free;
      else if (this.hashes[held - 1] === hash && sameId(this.idAt(held), id)) {
        this.slots[i] = position + 1;
        return;
      }
    }
    if (free >= 0) this.slots[free] = position + 1;
    else {
      this.slots[i] = position + 1;
      this.used++;
    }
    this.count++;
  }

  /** Removes the record with the id of `id`, if any. */
  delete(id: string): void {
    this.catchUp();
    const slot = this.find(id);
    if (slot < 0) return;
    this.slots[slot] = REMOVED;
    this.count--;
  }

  /** Indexes the records again (after records were removed from the array, moving the ones after them). */
  reindex(): void {
    this.later = { from: 0, to: 0 };
    this.slots = new Int32Array(capacityFor(this.records.length));
    this.used = 0;
    this.count = 0;
    for (let position = 0; position < this.records.length; position++) this.add(position);
  }

  private find(id: string): number {
    this.catchUp();
    const mask = this.slots.length - 1;
    const hash = hashId(id);
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const held = this.slots[i] as number;
      if (held === EMPTY) return -1;
      if (held !== REMOVED && this.hashes[held - 1] === hash && sameId(this.idAt(held), id)) return i;
    }
  }

  private idAt(slot: number): string {
    return this.idAtPosition(slot - 1);
  }

  /**
   * At least twice the slots of the records indexed (REMOVED slots dropped). The ids indexed differ, so each goes
   * to the first empty slot from its hash, unread.
   */
  private resize(): void {
    const old = this.slots;
    const slots = new Int32Array(capacityFor(this.count + 1));
    const mask = slots.length - 1;
    for (const held of old) {
      if (held <= 0) continue;
      let i = (this.hashes[held - 1] as number) & mask;
      while (slots[i] !== EMPTY) i = (i + 1) & mask;
      slots[i] = held;
    }
    this.slots = slots;
    this.used = this.count;
  }

  private growHashes(position: number): void {
    let length = this.hashes.length;
    while (length <= position) length *= 2;
    const hashes = new Int32Array(length);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }
}

/** Slots for at least twice the records: probes stay short (the hashes are compared first) at half the memory. */
function capacityFor(records: number): number {
  let capacity = 16;
  while (capacity < records * 2) capacity *= 2;
  return capacity;
}

/** FNV-1a over the first 15 characters, with a final mix (generated ids differ in their last characters). */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  const n = Math.min(id.length, ID_LENGTH);
  for (let i = 0; i < n; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12); // an int32, as `hashes` holds it
}

function sameId(a: string, b: string): boolean {
  if (a.length < ID_LENGTH || b.length < ID_LENGTH) return a === b;
  for (let i = 0; i < ID_LENGTH; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}
