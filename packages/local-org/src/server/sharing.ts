/**
 * The sharing model the local org enforces: a user sees records of a Private object that they own or that users in
 * roles below theirs own (the role hierarchy); Read and ReadWrite objects are visible to all; ControlledByParent
 * objects (OpportunityHistory, OpportunityLineItem, master-detail children, activities) follow their parent record
 * (an activity: the record it is about, else the person it is with) and are visible to their owner when they have one. A
 * Private record that a criteria-based sharing rule matches (force-app's sharingRules, shared with all internal users)
 * is readable by all, editable by all only with an Edit rule. The admin (View All Data) sees and edits everything.
 */
import type { OrgStore, Table } from './data/orgStore.js';
import type { StoredRecord } from './data/values.js';
import { ruleMatches } from './schema/sharingRules.js';

export interface Viewer {
  readonly userId: string;
  readonly viewAll: boolean;
}

export class SharingModel {
  private readonly ownersCache = new Map<string, ReadonlySet<string>>();

  constructor(private readonly store: OrgStore) {}

  /** The user and every user in a role below the user's role (15-character ids). */
  visibleOwners(userId: string): ReadonlySet<string> {
    const cached = this.ownersCache.get(userId);
    if (cached) return cached;
    const users = this.store.table('User')?.records ?? [];
    const roles = this.store.table('UserRole')?.records ?? [];
    const childrenOf = new Map<string, string[]>();
    for (const role of roles) {
      const parent = role['ParentRoleId'];
      if (typeof parent !== 'string') continue;
      const list = childrenOf.get(parent.slice(0, 15)) ?? [];
      list.push(String(role['Id']).slice(0, 15));
      childrenOf.set(parent.slice(0, 15), list);
    }
    const me = users.find((u) => String(u['Id']).slice(0, 15) === userId.slice(0, 15));
    const below = new Set<string>();
    const myRole = me?.['UserRoleId'];
    if (typeof myRole === 'string') {
      const stack = [...(childrenOf.get(myRole.slice(0, 15)) ?? [])];
      while (stack.length > 0) {
        const role = stack.pop() as string;
        if (below.has(role)) continue;
        below.add(role);
        stack.push(...(childrenOf.get(role) ?? []));
      }
    }
    const owners = new Set<string>([userId.slice(0, 15)]);
    for (const u of users) {
      const role = u['UserRoleId'];
      if (typeof role === 'string' && below.has(role.slice(0, 15))) owners.add(String(u['Id']).slice(0, 15));
    }
    this.ownersCache.set(userId, owners);
    return owners;
  }

  /** Forget cached hierarchies (after users or roles change). */
  reset(): void {
    this.ownersCache.clear();
  }

  canSee(viewer: Viewer, table: Table, record: StoredRecord, depth = 0): boolean {
    if (viewer.viewAll) return true;
    const schema = table.entry.schema;
    switch (schema.sharingModel) {
      case 'Read':
      case 'ReadWrite':
        return true;
      case 'Private':
        return this.owns(viewer, record) || this.shared(table, record, 'Read');
      case 'ControlledByParent':
        return (
          this.owns(viewer, record) ||
          this.parentAllows(viewer, table, record, depth, (t, r) => this.canSee(viewer, t, r, depth + 1))
        );
    }
  }

  canEdit(viewer: Viewer, table: Table, record: StoredRecord, depth = 0): boolean {
    if (viewer.viewAll) return true;
    const schema = table.entry.schema;
    switch (schema.sharingModel) {
      case 'ReadWrite':
        return true;
      case 'Read':
        return this.owns(viewer, record);
      case 'Private':
        return this.owns(viewer, record) || this.shared(table, record, 'Edit');
      case 'ControlledByParent':
        return this.parentAllows(viewer, table, record, depth, (t, r) => this.canEdit(viewer, t, r, depth + 1));
    }
  }

  /** A sharing rule of the object grants `level` (Read: any rule; Edit: an Edit rule) on the record. */
  private shared(table: Table, record: StoredRecord, level: 'Read' | 'Edit'): boolean {
    return (table.entry.schema.sharingRules ?? []).some(
      (rule) => (level === 'Read' || rule.accessLevel === 'Edit') && ruleMatches(rule, record),
    );
  }

  private owns(viewer: Viewer, record: StoredRecord): boolean {
    const owner = record['OwnerId'];
    return typeof owner === 'string' && this.visibleOwners(viewer.userId).has(owner.slice(0, 15));
  }

  private parentAllows(
    viewer: Viewer,
    table: Table,
    record: StoredRecord,
    depth: number,
    check: (table: Table, record: StoredRecord) => boolean,
  ): boolean {
    const parentFields = table.entry.schema.sharingParentField;
    if (!parentFields || depth > 5) return viewer.viewAll;
    const parentField = [parentFields].flat().find((f) => typeof record[f] === 'string');
    const parentId = parentField === undefined ? undefined : record[parentField];
    if (typeof parentId !== 'string') return false;
    const parent = this.store.findById(parentId);
    return parent !== undefined && check(parent.table, parent.record);
  }
}
