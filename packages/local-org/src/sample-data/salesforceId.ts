/**
 * 18-character Salesforce record ids: key prefix (3) + instance (2) + reserved (1) + base-62 sequence (9),
 * followed by the case-safe suffix Salesforce appends (one character per 5-character block, encoding which
 * characters of the block are upper case).
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The real key prefixes of the objects the sample org holds. */
export const keyPrefixes = {
  Organization: '00D',
  User: '005',
  UserRole: '00E',
  Account: '001',
  Opportunity: '006',
  OpportunityHistory: '008',
  OpportunityLineItem: '00k',
  OpportunityStage: '01J',
  Product2: '01t',
  Period: '026',
  FiscalYearSettings: '022',
  ForecastingType: '0Db',
  ForecastingQuota: '0J9',
  Territory2Model: '0MA',
  Territory2: '0MI',
  Territory2Type: '0M5',
  UserTerritory2Association: '0R0',
  ObjectTerritory2Association: '0R1',
  CurrencyType: '02B',
  DatedConversionRate: '04w',
  SalesOps_Quota__c: 'a01',
  Lead: '00Q',
  LeadHistory: '017',
  Campaign: '701',
  CampaignMember: '00v',
  Task: '00T',
  Event: '00U',
} as const;
export type KeyPrefixObject = keyof typeof keyPrefixes;

/** Appends the 3-character case-safe suffix to a 15-character id. */
export function toCaseSafeId(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charCodeAt(block * 5 + i);
      if (ch >= 65 && ch <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX[bits];
  }
  return id15 + suffix;
}

/**
 * The one id generator: an 18-character id from a key prefix (`006`), a 2-character instance (`5e`) and a sequence
 * number (its last 9 base-62 digits).
 *
 * @example salesforceId('006', '5e', 1) // '0065e0000000001AAA'
 */
export function salesforceId(keyPrefix: string, instance: string, sequence: number): string {
  let digits = '';
  for (let rest = sequence, i = 0; i < 9; i++, rest = Math.floor(rest / 62)) digits = BASE62[rest % 62] + digits;
  return toCaseSafeId(`${keyPrefix}${instance}0${digits}`);
}

/** Sequential ids per object, as one org would issue them. */
export function createIdFactory(instance = '5e'): (object: KeyPrefixObject) => string {
  const counters = new Map<string, number>();
  return (object) => {
    const n = (counters.get(object) ?? 0) + 1;
    counters.set(object, n);
    return salesforceId(keyPrefixes[object], instance, n);
  };
}
