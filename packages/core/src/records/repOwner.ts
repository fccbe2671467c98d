/**
 * The records with `OwnerId` set to their rep (`Rep__c`) when the rep is an active user: a rep's scorecard and
 * forecast are owned by the rep, so under the Private sharing model the rep reads their own and the managers above
 * them read their team's through the role hierarchy (salesforce-objects.md "Sharing"). Records of inactive reps (who
 * cannot own records) and of teams, territories and the org keep the writing user as owner; sharing rules in
 * force-app make those readable.
 *
 * @example
 * ownedByRep(scorecards, new Set(activeUserIds));
 */
export function ownedByRep<R extends { readonly Rep__c?: string | null }>(
  records: readonly R[],
  activeUsers: ReadonlySet<string>,
): Array<R & { OwnerId?: string }> {
  return records.map((r) => (r.Rep__c && activeUsers.has(r.Rep__c) ? { ...r, OwnerId: r.Rep__c } : r));
}

/** The Ids of the active users (who may own records). */
export function activeUserIds(users: ReadonlyArray<{ readonly Id: string; readonly IsActive?: boolean | null }>) {
  return new Set(users.filter((u) => u.IsActive === true).map((u) => u.Id));
}
