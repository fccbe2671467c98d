import { teamHierarchy } from '../hierarchy/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

/** Who a rep is compared with (metrics.md "Rep comparison"; the CLI's `--peer-group`). */
export type PeerGroupType = 'role' | 'territory' | 'all';

export const PEER_GROUP_TYPES: readonly PeerGroupType[] = ['role', 'territory', 'all'];

export interface PeerGroupKey {
  readonly type: PeerGroupType;
  readonly key: string;
  readonly name: string;
}

/**
 * The peer group a rep belongs to: reps sharing the parent role of their role (the default), reps sharing their
 * first active territory of the active model (by territory name), or everyone. A parent role that is a team level
 * (`teamHierarchy`) is named as its team is everywhere else: `Dana Ruiz (EMEA Sales Manager)`.
 *
 * @example
 * peerGroupOf(snapshot, '005…', 'role'); // { type: 'role', key: '00E…', name: 'Manager East' }
 */
export function peerGroupOf(snapshot: OrgSnapshot, repId: string, type: PeerGroupType): PeerGroupKey {
  if (type === 'all') return { type, key: 'all', name: 'All reps' };
  if (type === 'role') {
    const roleId = snapshot.usersById.get(repId)?.UserRoleId ?? null;
    const parentId = roleId === null ? null : (snapshot.rolesById.get(roleId)?.ParentRoleId ?? null);
    if (parentId === null) return { type, key: 'none', name: 'No parent role' };
    const name = teamHierarchy(snapshot).teamsById.get(parentId)?.name ?? snapshot.rolesById.get(parentId)?.Name;
    return { type, key: parentId, name: name ?? parentId };
  }
  const territories = (snapshot.userTerritoriesByUser.get(repId) ?? [])
    .filter((a) => a.IsActive)
    .map((a) => snapshot.territoriesById.get(a.Territory2Id))
    .filter((t) => t !== undefined)
    .sort((a, b) => a.Name.localeCompare(b.Name));
  const first = territories[0];
  return first ? { type, key: first.Id, name: first.Name } : { type, key: 'none', name: 'No territory' };
}
