import type { Row } from './catalog.js';
import { isoOf, utcDateTime } from './orgTime.js';
import type { Random } from './random.js';
import type { KeyPrefixObject } from './salesforceId.js';

/** Lead statuses: the standard four plus the nurture status most orgs add. */
export const LEAD_STATUS = {
  open: 'Open - Not Contacted',
  working: 'Working - Contacted',
  nurturing: 'Nurturing',
  disqualified: 'Closed - Not Converted',
  converted: 'Closed - Converted',
} as const;

const MINUTES_PER_DAY = 1440;
const WORK_START = 8 * 60;
const WORK_END = 18 * 60;

export interface LeadSpec {
  readonly ownerId: string;
  /** The owner's speed (the deal simulator's multiplier of days in a stage): slow reps are slow to call too. */
  readonly ownerSpeed: number;
  readonly source: string;
  /** Org-local minutes since 1970-01-01 00:00 at which the lead arrived. */
  readonly createdMinute: number;
  readonly lastName: string;
  readonly company: string;
  readonly country: string;
  readonly campaignId: string | null;
  /** The deal the lead became: its Id, account, creation day and exact CreatedDate. */
  readonly conversion: {
    readonly opportunityId: string;
    readonly accountId: string;
    readonly day: number;
    readonly createdDate: string;
  } | null;
  /** Last org-local minute anything may happen: the anchor's end, or the owner's last day. */
  readonly endMinute: number;
}

export interface SimulatedLead {
  readonly lead: Row;
  readonly history: Row[];
  readonly tasks: Row[];
  readonly events: Row[];
  readonly member: Row | null;
}

/** The first working minute (Mon–Fri 08:00–18:00 org time) at or after `minute`, plus up to an hour of settling in. */
function workingMinute(minute: number, random: Random): number {
  let day = Math.floor(minute / MINUTES_PER_DAY);
  let time = minute - day * MINUTES_PER_DAY;
  const weekday = (d: number) => (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday(day) !== 0 && weekday(day) !== 6 && time >= WORK_START && time < WORK_END) return minute;
  if (time >= WORK_END) day++;
  while (weekday(day) === 0 || weekday(day) === 6) day++;
  time = WORK_START + random.int(0, 59);
  return day * MINUTES_PER_DAY + time;
}

function stamp(minute: number, random: Random): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const time = minute - day * MINUTES_PER_DAY;
  return utcDateTime(day, Math.floor(time / 60), time % 60, random.int(0, 59));
}

/**
 * One lead from arrival to its status as of the end of the data: the `created` history row; a first touch by the
 * owner after a delay that depends on the owner's speed and waits for working hours (a call or email task, or a
 * meeting event, with the Status change to Working - Contacted; now and then only one of the two); follow-up tasks;
 * then conversion into the given deal, or nurture or disqualification weeks later. A few leads are never touched
 * (disqualified unworked after two months, or still open). Nothing happens after `endMinute`.
 */
export function simulateLead(
  spec: LeadSpec,
  random: Random,
  newId: (object: KeyPrefixObject) => string,
): SimulatedLead {
  const leadId = newId('Lead');
  const history: Row[] = [];
  const tasks: Row[] = [];
  const events: Row[] = [];
  const createdDate = stamp(spec.createdMinute, random);
  const change = (minute: number, field: string, oldValue: string | null, newValue: string | null, at?: string) =>
    history.push({
      Id: newId('LeadHistory'),
      LeadId: leadId,
      Field: field,
      OldValue: oldValue,
      NewValue: newValue,
      CreatedDate: at ?? stamp(minute, random),
    });
  const task = (minute: number) =>
    tasks.push({
      Id: newId('Task'),
      WhoId: leadId,
      WhatId: null,
      OwnerId: spec.ownerId,
      ActivityDate: isoOf(Math.floor(minute / MINUTES_PER_DAY)),
      CreatedDate: stamp(minute, random),
      Status: 'Completed',
      TaskSubtype: random.chance(0.6) ? 'Call' : 'Email',
    });
  change(spec.createdMinute, 'created', null, null, createdDate);

  const conversion = spec.conversion;
  // Conversion happens at the deal's creation: everything before it ends by the morning of that day.
  const lastMinute = conversion ? conversion.day * MINUTES_PER_DAY + 7 * 60 : spec.endMinute;
  let status: string = LEAD_STATUS.open;
  const untouched = conversion ? random.chance(0.03) : random.chance(0.07);
  let touch = workingMinute(spec.createdMinute + Math.round(random.logNormal(150 * spec.ownerSpeed, 1.3)), random);
  if (conversion) touch = Math.min(touch, lastMinute - random.int(1, 120));
  if (!untouched && touch > spec.createdMinute && touch <= lastMinute) {
    const kind = random.next();
    if (kind < 0.7) task(touch);
    else if (kind < 0.8) {
      const meetingDay = Math.min(
        Math.floor(lastMinute / MINUTES_PER_DAY),
        Math.floor(touch / MINUTES_PER_DAY) + random.int(1, 5),
      );
      events.push({
        Id: newId('Event'),
        WhoId: leadId,
        WhatId: null,
        OwnerId: spec.ownerId,
        ActivityDate: isoOf(meetingDay),
        ActivityDateTime: utcDateTime(meetingDay, random.int(9, 16), random.pick([0, 30]), 0),
        DurationInMinutes: random.pick([30, 30, 45, 60]),
        CreatedDate: stamp(touch, random),
      });
    }
    // Most reps set the status as they log the touch; some only set the status, some only log the activity.
    if (kind < 0.92) {
      const at = kind >= 0.8 ? touch : Math.min(lastMinute, touch + random.int(1, 30));
      change(at, 'Status', status, LEAD_STATUS.working);
      status = LEAD_STATUS.working;
    }
    let followUp = touch;
    for (let n = random.int(0, 2); n > 0; n--) {
      followUp = workingMinute(followUp + random.int(1, 10) * MINUTES_PER_DAY, random);
      if (followUp <= lastMinute) task(followUp);
    }
    if (!conversion) {
      const settled = workingMinute(touch + Math.round(random.logNormal(20, 0.7) * MINUTES_PER_DAY), random);
      if (settled <= spec.endMinute) {
        const outcome = random.chance(0.6) ? LEAD_STATUS.disqualified : LEAD_STATUS.nurturing;
        change(settled, 'Status', status, outcome);
        status = outcome;
      }
    }
  } else if (!conversion) {
    const cleanup = workingMinute(spec.createdMinute + random.int(60, 90) * MINUTES_PER_DAY, random);
    if (cleanup <= spec.endMinute) {
      change(cleanup, 'Status', status, LEAD_STATUS.disqualified);
      status = LEAD_STATUS.disqualified;
    }
  }
  if (conversion) {
    change(0, 'Status', status, LEAD_STATUS.converted, conversion.createdDate);
    status = LEAD_STATUS.converted;
  }

  const lead: Row = {
    Id: leadId,
    LastName: spec.lastName,
    Company: spec.company,
    Country: spec.country,
    OwnerId: spec.ownerId,
    LeadSource: spec.source,
    Status: status,
    CreatedDate: createdDate,
    IsConverted: conversion !== null,
    ConvertedDate: conversion ? isoOf(conversion.day) : null,
    ConvertedOpportunityId: conversion?.opportunityId ?? null,
    ConvertedAccountId: conversion?.accountId ?? null,
  };
  const member: Row | null = spec.campaignId
    ? {
        Id: newId('CampaignMember'),
        CampaignId: spec.campaignId,
        LeadId: leadId,
        ContactId: null,
        Status: 'Responded',
        HasResponded: true,
        FirstRespondedDate: isoOf(Math.floor(spec.createdMinute / MINUTES_PER_DAY)),
        CreatedDate: createdDate,
      }
    : null;
  return { lead, history, tasks, events, member };
}
