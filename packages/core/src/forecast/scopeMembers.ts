import type { Opportunity } from '../model/index.js';

/**
 * A scope's membership test. Teams, reps and territories also describe themselves as a set of keys of one
 * partition of the deals (their owners, or their territory), so long lists can be cut by an index built once rather
 * than scanned once per scope: an org with 2,000 teams would otherwise test every deal 2,000 times.
 */
export interface ScopeMember {
  (opportunity: Opportunity): boolean;
  readonly partition?: ScopePartition;
}

export interface ScopePartition {
  /** Names the key function (`owner`, `territory`): lists are indexed once per kind. */
  readonly kind: string;
  /** The deal's key; null when it has none (then it is in no scope of this kind). */
  readonly key: (opportunity: Opportunity) => string | null;
  /** The keys of the scope's deals: a deal is a member exactly when its key is one of them. */
  readonly keys: ReadonlySet<string>;
}

const indexes = new WeakMap<readonly unknown[], Map<string, Map<string, number[]>>>();

/**
 * The items of `items` whose deal is a member, in their order: `items.filter((i) => member(opportunityOf(i)))`,
 * through the partition's index when the member has one (the index of a list is kept while the list lives).
 *
 * @example
 * const open = scopeMembers(deals.open, (d) => d.opportunity, scopeMembership(snapshot, team));
 */
export function scopeMembers<T>(
  items: readonly T[],
  opportunityOf: (item: T) => Opportunity,
  member?: (opportunity: Opportunity) => boolean,
): readonly T[] {
  if (!member) return items;
  const partition = (member as ScopeMember).partition;
  if (!partition) return items.filter((item) => member(opportunityOf(item)));
  let byKind = indexes.get(items);
  if (!byKind) indexes.set(items, (byKind = new Map()));
  let groups = byKind.get(partition.kind);
  if (!groups) {
    groups = new Map();
    for (let i = 0; i < items.length; i++) {
      const key = partition.key(opportunityOf(items[i] as T));
      if (key === null) continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(i);
    }
    byKind.set(partition.kind, groups);
  }
  const picked: number[] = [];
  for (const key of partition.keys) {
    const group = groups.get(key);
    if (group) for (let j = 0; j < group.length; j++) picked.push(group[j] as number);
  }
  if (partition.keys.size > 1) picked.sort((a, b) => a - b);
  return picked.map((i) => items[i] as T);
}
