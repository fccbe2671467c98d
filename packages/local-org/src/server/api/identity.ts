/**
 * Who the token belongs to: OpenID Connect userinfo (`/services/oauth2/userinfo`) and the identity URL
 * (`/id/{orgId}/{userId}`), as `sf org login access-token` and `@salesforce/core` read them.
 */
import { valueToJson, type Value } from '../data/values.js';
import type { OrgServices } from '../http/requestContext.js';
import type { Session } from '../sessions.js';
import { localDate } from '../soql/dateLiterals.js';

function urls(org: OrgServices, session: Session): Record<string, string> {
  const orgId = String(org.organization['Id']);
  const base = org.url;
  return {
    enterprise: `${base}/services/Soap/c/{version}/${orgId}`,
    metadata: `${base}/services/Soap/m/{version}/${orgId}`,
    partner: `${base}/services/Soap/u/{version}/${orgId}`,
    rest: `${base}/services/data/v{version}/`,
    sobjects: `${base}/services/data/v{version}/sobjects/`,
    search: `${base}/services/data/v{version}/search/`,
    query: `${base}/services/data/v{version}/query/`,
    recent: `${base}/services/data/v{version}/recent/`,
    tooling_soap: `${base}/services/Soap/T/{version}/${orgId}`,
    tooling_rest: `${base}/services/data/v{version}/tooling/`,
    profile: `${base}/${String(session.user['Id'])}`,
    feeds: `${base}/services/data/v{version}/chatter/feeds`,
    groups: `${base}/services/data/v{version}/chatter/groups`,
    users: `${base}/services/data/v{version}/chatter/users`,
    feed_items: `${base}/services/data/v{version}/chatter/feed-items`,
    feed_elements: `${base}/services/data/v{version}/chatter/feed-elements`,
    custom_domain: base,
  };
}

/** The org time zone's offset from UTC now, in milliseconds. */
function utcOffset(org: OrgServices): number {
  const now = org.now();
  const local = localDate(now, org.timeZone);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: org.timeZone,
    hour: 'numeric',
    hourCycle: 'h23',
    minute: 'numeric',
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  const localMs = Date.parse(
    `${local}T${String(parts['hour']).padStart(2, '0')}:${String(parts['minute']).padStart(2, '0')}:00Z`,
  );
  const utcMs = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
    now.getUTCHours(),
    now.getUTCMinutes(),
  );
  return Math.round((localMs - utcMs) / 60_000) * 60_000;
}

/** OpenID Connect userinfo (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_userinfo_endpoint.htm). */
export function userInfo(org: OrgServices, session: Session): Record<string, unknown> {
  const u = session.user;
  const name = String(u['Name'] ?? '');
  const [first, ...last] = name.split(' ');
  const userId = String(u['Id']);
  const orgId = String(org.organization['Id']);
  return {
    sub: `${org.url}/id/${orgId}/${userId}`,
    user_id: userId,
    organization_id: orgId,
    preferred_username: u['Username'],
    nickname: String(u['Username'] ?? '').split('@')[0],
    name,
    email: u['Email'] ?? u['Username'],
    email_verified: true,
    given_name: u['FirstName'] ?? first ?? '',
    family_name: u['LastName'] ?? last.join(' '),
    zoneinfo: u['TimeZoneSidKey'] ?? org.timeZone,
    photos: {
      picture: `${org.url}/img/userprofile/default_profile_200_v2.png`,
      thumbnail: `${org.url}/img/userprofile/default_profile_45_v2.png`,
    },
    profile: `${org.url}/${userId}`,
    picture: `${org.url}/img/userprofile/default_profile_200_v2.png`,
    address: {},
    is_salesforce_integration_user: false,
    urls: urls(org, session),
    active: u['IsActive'] !== false,
    user_type: 'STANDARD',
    language: u['LanguageLocaleKey'] ?? 'en_US',
    locale: u['LocaleSidKey'] ?? 'en_US',
    utcOffset: utcOffset(org),
    updated_at: valueToJson((u['LastModifiedDate'] ?? u['CreatedDate'] ?? null) as Value, undefined) ?? null,
    is_app_installed: true,
  };
}

/** The identity URL's response (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm). */
export function identity(org: OrgServices, session: Session): Record<string, unknown> {
  const info = userInfo(org, session);
  return {
    id: info['sub'],
    asserted_user: true,
    user_id: info['user_id'],
    organization_id: info['organization_id'],
    username: info['preferred_username'],
    nick_name: info['nickname'],
    display_name: info['name'],
    email: info['email'],
    email_verified: true,
    first_name: info['given_name'],
    last_name: info['family_name'],
    timezone: info['zoneinfo'],
    photos: info['photos'],
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: info['urls'],
    active: info['active'],
    user_type: 'STANDARD',
    language: info['language'],
    locale: info['locale'],
    utcOffset: info['utcOffset'],
    last_modified_date: info['updated_at'],
    is_app_installed: true,
  };
}
