import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { FORECAST_SCOPE_TYPES, forecastScopes, scopeMembership } from './forecastScope.js';
import { scopeMembers, type ScopeMember } from './scopeMembers.js';

const data = smallOrg();
// A deal of an owner who is not a user, and one without an owner: members of no team, rep or territory.
const stranger = { ...(data.opportunities[0] as Opportunity), Id: '006000000000999AAA', OwnerId: '005000000000999AAA' };
const snapshot = createOrgSnapshot({ ...data, opportunities: [...data.opportunities, stranger] });

describe('scopeMembers', () => {
  const scopes = forecastScopes(snapshot, FORECAST_SCOPE_TYPES);
  // A list with repeats and out of creation order, as the per-date deal lists are.
  const list = [...snapshot.data.opportunities].reverse().flatMap((o, i) => (i % 3 === 0 ? [o, o] : [o]));

  it('cuts every scope by its partition index to exactly the filtered list, in order', () => {
    expect(scopes.map((s) => s.type)).toEqual(expect.arrayContaining(['org', 'team', 'territory', 'rep']));
    for (const scope of scopes) {
      const member = scopeMembership(snapshot, scope);
      if (scope.type !== 'org') expect((member as ScopeMember).partition).toBeDefined();
      expect(scopeMembers(list, (o) => o, member)).toEqual(list.filter(member));
      // Twice: the second call reads the index built by the first.
      expect(scopeMembers(list, (o) => o, member)).toEqual(list.filter(member));
    }
  });

  it('filters with a plain membership function', () => {
    const member = (o: Opportunity) => o.Amount !== null && o.Amount > 10_000;
    expect(scopeMembers(list, (o) => o, member)).toEqual(list.filter(member));
    expect(scopeMembers(list, (o) => o)).toBe(list);
  });
});
