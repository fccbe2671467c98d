import type { OrgSnapshot } from '../snapshot/index.js';
import { territoryAssignment, type TerritoryAssignment } from './territoryAssignment.js';

/** Where a territory sits in its model: parents roll up their children (metrics.md "Hierarchy and roll-ups"). */
export interface TerritoryTree {
  /** The parent territory's id; null for a top-level territory (and for every Account-field territory). */
  parentOf(territoryId: string): string | null;
  /** 1 for a top-level territory, its parent's depth + 1 below. */
  depthOf(territoryId: string): number;
  /** The territory and every territory below it. */
  subtree(territoryId: string): ReadonlySet<string>;
  /** The territories without a parent: they partition the attributed deals and accounts. */
  readonly roots: readonly string[];
  /** Every territory, parents before their children, siblings by name. */
  readonly ordered: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

const cache = new WeakMap<OrgSnapshot, Map<string, TerritoryTree>>();

/**
 * The territory tree of an org's territories (the active model, or `field` of Account: see `territoryAssignment`).
 *
 * @example
 * territoryTree(snapshot).subtree(emeaId); // EMEA, EMEA 1, EMEA 2
 */
export function territoryTree(snapshot: OrgSnapshot, field?: string): TerritoryTree {
  let byField = cache.get(snapshot);
  if (!byField) cache.set(snapshot, (byField = new Map()));
  let tree = byField.get(field ?? '');
  if (!tree) {
    tree = buildTerritoryTree(
      territoryAssignment(snapshot, field),
      (id) => snapshot.territoriesById.get(id)?.ParentTerritory2Id ?? null,
    );
    byField.set(field ?? '', tree);
  }
  return tree;
}

/**
 * The territory tree of an assignment. With Enterprise Territory Management it is the active model's
 * `ParentTerritory2Id` tree (a parent outside the model, or a cycle, makes a territory top-level); Account-field
 * territories are flat.
 *
 * @example
 * buildTerritoryTree(assignment, (id) => snapshot.territoriesById.get(id)?.ParentTerritory2Id ?? null).roots;
 */
export function buildTerritoryTree(
  assignment: TerritoryAssignment,
  parentIdOf: (territoryId: string) => string | null,
): TerritoryTree {
  const known = new Set(assignment.territories.map((t) => t.id));
  const parent = new Map<string, string | null>();
  for (const { id } of assignment.territories) {
    const p = assignment.mode === 'territory-management' ? parentIdOf(id) : null;
    parent.set(id, p !== null && known.has(p) ? p : null);
  }
  // A cycle in bad data: the first territory met on it becomes top-level.
  for (const { id } of assignment.territories) {
    const seen = new Set<string>([id]);
    for (let p = parent.get(id) ?? null; p !== null; p = parent.get(p) ?? null) {
      if (seen.has(p)) {
        parent.set(id, null);
        break;
      }
      seen.add(p);
    }
  }
  const children = new Map<string, string[]>();
  for (const { id } of assignment.territories) {
    const p = parent.get(id) ?? null;
    if (p !== null) children.set(p, [...(children.get(p) ?? []), id]);
  }
  const subtrees = new Map<string, Set<string>>();
  const subtree = (id: string): Set<string> => {
    let set = subtrees.get(id);
    if (!set) {
      set = new Set([id]);
      for (const c of children.get(id) ?? []) for (const d of subtree(c)) set.add(d);
      subtrees.set(id, set);
    }
    return set;
  };
  const depths = new Map<string, number>();
  const depthOf = (id: string): number => {
    let d = depths.get(id);
    if (d === undefined) {
      const p = parent.get(id) ?? null;
      d = p === null ? 1 : depthOf(p) + 1;
      depths.set(id, d);
    }
    return d;
  };
  // assignment.territories is sorted by name, so children keep that order.
  const ordered: Array<{ id: string; name: string }> = [];
  const byId = new Map(assignment.territories.map((t) => [t.id, t]));
  const roots = assignment.territories.filter((t) => (parent.get(t.id) ?? null) === null).map((t) => t.id);
  const walk = (id: string) => {
    const t = byId.get(id);
    if (t) ordered.push({ id: t.id, name: t.name });
    for (const c of children.get(id) ?? []) walk(c);
  };
  for (const r of roots) walk(r);
  return {
    parentOf: (id) => parent.get(id) ?? null,
    depthOf: (id) => (known.has(id) ? depthOf(id) : 1),
    subtree: (id) => (known.has(id) ? subtree(id) : new Set([id])),
    roots,
    ordered,
  };
}
