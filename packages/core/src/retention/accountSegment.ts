import type { Account } from '../model/index.js';

export type SegmentField = 'industry' | 'size';

/**
 * Size bands by `NumberOfEmployees` (the usual SMB / mid-market / enterprise split); an account without a head count
 * is in no band (null).
 */
export function sizeBand(employees: number | null): string | null {
  if (employees === null) return null;
  if (employees < 200) return 'SMB (1-199)';
  if (employees < 1000) return 'Mid-Market (200-999)';
  return 'Enterprise (1000+)';
}

/** An account's segment by `field`; null when the account (or its field) is unknown. */
export function accountSegment(account: Account | undefined, field: SegmentField): string | null {
  if (!account) return null;
  return field === 'industry' ? account.Industry : sizeBand(account.NumberOfEmployees);
}
