/** Salesforce's limit of a Text(255) external ID such as `Key__c`. */
export const KEY_MAX_LENGTH = 255;

/**
 * The deterministic external ID of a result record (`Key__c`): kind, period label and scope, joined by `|`
 * (e.g. `scorecard|FY2026-Q4|005…`). Upserting on it makes a rerun update, never duplicate. A key longer than
 * `Key__c` holds (a territory named by a long Account field value) keeps its first 238 characters and ends with `#`
 * and 16 hex digits of a hash of the whole key, so it stays unique and the same on every run.
 *
 * @example
 * resultKey('scorecard', 'FY2026-Q4', '005000000000001AAA'); // 'scorecard|FY2026-Q4|005000000000001AAA'
 */
export function resultKey(kind: string, periodLabel: string, ...scope: string[]): string {
  const key = [kind, periodLabel, ...scope].join('|');
  if (key.length <= KEY_MAX_LENGTH) return key;
  return `${key.slice(0, KEY_MAX_LENGTH - 17)}#${fnv1a64(key)}`;
}

/** FNV-1a 64-bit of a string's UTF-16 code units, as 16 hex digits. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
