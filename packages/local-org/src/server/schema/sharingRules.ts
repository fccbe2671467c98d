/**
 * Criteria-based sharing rules from Salesforce DX source (`force-app/main/default/sharingRules/<Object>.sharingRules-
 * meta.xml`, the Metadata API's SharingRules type): the local org grants what they grant. Supported: rules shared
 * with all internal users, criteria joined by AND (no `booleanFilter`), operations equals, notEqual and startsWith.
 * A rule it cannot evaluate is refused at start rather than silently ignored.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface CriteriaSharingRule {
  readonly name: string;
  readonly accessLevel: 'Read' | 'Edit';
  readonly criteria: ReadonlyArray<{
    readonly field: string;
    readonly operation: 'equals' | 'notEqual' | 'startsWith';
    readonly value: string;
  }>;
}

type Xml = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const OPERATIONS = new Set(['equals', 'notEqual', 'startsWith']);

/** The criteria-based rules of each object, by object name; a missing folder has none. */
export async function loadSharingRules(dir: string): Promise<Map<string, CriteriaSharingRule[]>> {
  const rules = new Map<string, CriteriaSharingRule[]>();
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.sharingRules-meta.xml')).sort();
  } catch {
    return rules;
  }
  for (const file of files) {
    const object = file.replace(/\.sharingRules-meta\.xml$/, '');
    const root = (parser.parse(await readFile(join(dir, file), 'utf8')) as Xml)['SharingRules'] as Xml | undefined;
    for (const rule of list(root?.['sharingCriteriaRules'] as Xml | Xml[] | undefined)) {
      const name = String(rule['fullName']);
      const sharedTo = rule['sharedTo'] as Xml | undefined;
      if (!sharedTo || !('allInternalUsers' in sharedTo) || rule['booleanFilter'] !== undefined) {
        throw new Error(`${file}: rule ${name}: the local org supports rules shared with allInternalUsers only`);
      }
      const criteria = list(rule['criteriaItems'] as Xml | Xml[] | undefined).map((c) => {
        const operation = String(c['operation']);
        if (!OPERATIONS.has(operation)) throw new Error(`${file}: rule ${name}: operation ${operation} unsupported`);
        return {
          field: String(c['field']),
          operation: operation as 'equals' | 'notEqual' | 'startsWith',
          value: typeof c['value'] === 'string' ? c['value'] : '',
        };
      });
      const accessLevel = rule['accessLevel'] === 'Edit' ? 'Edit' : 'Read';
      rules.set(object, [...(rules.get(object) ?? []), { name, accessLevel, criteria }]);
    }
  }
  return rules;
}

/** Whether a record meets every criterion of a rule (text compared case-insensitively, as Salesforce does). */
export function ruleMatches(rule: CriteriaSharingRule, record: Readonly<Record<string, unknown>>): boolean {
  return rule.criteria.every(({ field, operation, value }) => {
    const raw = record[field];
    const actual = raw === null || raw === undefined ? '' : String(raw).toLowerCase();
    const wanted = value.toLowerCase();
    if (operation === 'equals') return actual === wanted;
    if (operation === 'notEqual') return actual !== wanted;
    return actual.startsWith(wanted);
  });
}
