/** The API versions the org serves and the resource list of each (`GET /services/data`, `GET /services/data/vXX.X`). */
import type { OrgServices } from '../http/requestContext.js';

export const OLDEST_API_VERSION = 31;

/** `Winter '25` for 62.0: three releases a year since Winter '11 (20.0). */
function releaseLabel(version: number): string {
  const index = version - 20;
  const season = ['Winter', 'Spring', 'Summer'][((index % 3) + 3) % 3] as string;
  return `${season} '${String(11 + Math.floor(index / 3)).padStart(2, '0')}`;
}

/** `GET /services/data`: every version from 31.0 to the newest served. */
export function versions(org: OrgServices): { label: string; url: string; version: string }[] {
  const out = [];
  for (let v = OLDEST_API_VERSION; v <= Math.floor(org.latestVersion); v++) {
    out.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return out;
}

/** `GET /services/data/vXX.X`: the resources of a version. */
export function resources(org: OrgServices, version: string): Record<string, string> {
  const base = `/services/data/${version}`;
  const resources: Record<string, string> = {};
  for (const name of [
    'tooling',
    'metadata',
    'eclair',
    'folders',
    'prechatForms',
    'chatter',
    'tabs',
    'appMenu',
    'quickActions',
    'queryAll',
    'commerce',
    'wave',
    'iot',
    'analytics',
    'search',
    'identity',
    'composite',
    'parameterizedSearch',
    'fingerprint',
    'theme',
    'nouns',
    'domino',
    'event',
    'serviceTemplates',
    'recent',
    'connect',
    'licensing',
    'limits',
    'process',
    'async-queries',
    'query',
    'jobs',
    'match',
    'emailConnect',
    'compactLayouts',
    'knowledgeManagement',
    'sobjects',
    'actions',
    'support',
  ]) {
    resources[name] = `${base}/${name}`;
  }
  resources['identity'] = `${org.url}/id/${String(org.organization['Id'])}/${String(org.admin['Id'])}`;
  return resources;
}
