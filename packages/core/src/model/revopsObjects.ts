import * as z from 'zod/mini';
import { field } from './field.js';

/**
 * The records the funnel and revenue-operations figures read (salesforce-objects.md "Read": Lead, LeadHistory,
 * Campaign, CampaignMember, Task, Event). Read only by the commands that need them (`funnel`); field names are API
 * names. Dates are `YYYY-MM-DD`, datetimes UTC ISO strings. Only the fields the figures use: a million-deal org has
 * about three million leads, eight million lead history rows and four million tasks, and every field read is a
 * column of the SOQL query, decoded and kept for each of them (docs/revops.md "Reading").
 */

export const Lead = z.object({
  Id: field.id('Lead Id (00Q…)').required(),
  OwnerId: field.reference('Owning rep, or a queue (00G…) before assignment', 'User').required(),
  LeadSource: field.picklist('Where the lead came from: Web, Partner Referral, Trade Show, …').nullable(),
  CreatedDate: field.datetime('When the lead was created (its creation cohort)').required(),
  IsConverted: field.boolean('True once the lead has been converted').required(),
  ConvertedDate: field.date('Day of the conversion').nullable(),
  ConvertedOpportunityId: field
    .reference('Opportunity created by the conversion (null when converted without one)', 'Opportunity')
    .nullable(),
});
export type Lead = z.infer<typeof Lead>;

/** Field history of leads: the first `Status` change is a first touch for speed to lead (the values are not read). */
export const LeadHistory = z.object({
  LeadId: field.reference('The lead that changed', 'Lead').required(),
  Field: field.picklist('Tracked field that changed, e.g. Status, Owner, created').required(),
  CreatedDate: field.datetime('When the change was made').required(),
});
export type LeadHistory = z.infer<typeof LeadHistory>;

export const Campaign = z.object({
  Id: field.id('Campaign Id (701…)').required(),
  Name: field.text('Campaign name').required(),
  Type: field.picklist('Webinar, Email, Conference, Advertisement, …').nullable(),
  StartDate: field.date('First day of the campaign').nullable(),
  EndDate: field.date('Last day of the campaign').nullable(),
  ActualCost: field.number('What the campaign cost, in the corporate currency; null when not recorded').nullable(),
  BudgetedCost: field.number('What the campaign was budgeted to cost').nullable(),
  IsActive: field.boolean('True while the campaign runs').nullable(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignMember = z.object({
  CampaignId: field.reference('The campaign', 'Campaign').required(),
  LeadId: field.reference('The lead, for a lead member (null for a contact member)', 'Lead').nullable(),
});
export type CampaignMember = z.infer<typeof CampaignMember>;

/**
 * Task and Event share the fields speed to lead reads (the subject is never stored); the owner says why a login sees
 * an activity on a lead it does not own. `WhatId` (empty on a lead's activities, so nearly free) stays: a file's
 * header check would otherwise take the column for a misspelt `WhoId`.
 */
const activityFields = () => ({
  WhoId: field.reference('The lead (00Q…) or contact the activity is with', 'Lead').nullable(),
  WhatId: field.reference('The account, opportunity or other record the activity is about', 'Account').nullable(),
  OwnerId: field.reference('Who did the activity', 'User').nullable(),
  CreatedDate: field.datetime('When the activity was logged').required(),
});

export const Task = z.object(activityFields());
export type Task = z.infer<typeof Task>;

export const Event = z.object(activityFields());
export type Event = z.infer<typeof Event>;
