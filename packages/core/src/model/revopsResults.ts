import * as z from 'zod/mini';
import { field, KEY_FIELD, type SalesforceFieldType } from './field.js';

/**
 * The result records of the funnel and retention commands (salesforce-objects.md "Write", same common fields as
 * results.ts). Ratios are fractions in Number(9,4); hours in Number(9,2).
 */

const money: SalesforceFieldType = { type: 'Currency', precision: 16, scale: 2 };
const ratio: SalesforceFieldType = { type: 'Number', precision: 9, scale: 4 };
const count: SalesforceFieldType = { type: 'Number', precision: 9, scale: 0 };
const text = (length: number): SalesforceFieldType => ({ type: 'Text', length });

const common = {
  Key__c: field
    .text('Deterministic external ID, e.g. funnel|FY2026-Q4|rep|005…; upserts match on it', KEY_FIELD)
    .required(),
  Run_Id__c: field.text('Id of the run that wrote the record', text(64)).required(),
  Period_Label__c: field.text('Fiscal period label, e.g. FY2026-Q4', text(40)).required(),
  Period_Start__c: field.date('First day of the period').required(),
  Period_End__c: field.date('Last day of the period').required(),
  As_Of__c: field.date('Date the figures were computed as of').required(),
};

export const FunnelRecord = z.object({
  ...common,
  Dimension__c: field.text('Rep, Source, Campaign, Cohort or Org', text(20)).required(),
  Dimension_Key__c: field
    .text('The owner or campaign Id, lead source or cohort start; empty for none and for the org', text(255))
    .nullable(),
  Dimension_Name__c: field.text('Name of the rep, source, campaign or cohort', text(255)).nullable(),
  Rep__c: field.reference('The rep, on rep rows owned by a user', 'User').nullable(),
  Leads__c: field.number('Leads created in the period', count).required(),
  Converted__c: field.number('Leads converted in the period', count).required(),
  Cohort_Converted__c: field.number("Of the period's leads, converted by the as-of date", count).required(),
  Opportunities__c: field.number("Of the period's leads, converted into an opportunity", count).required(),
  Won__c: field.number('Of those opportunities, won', count).required(),
  Lost__c: field.number('Of those opportunities, lost', count).required(),
  Won_Amount__c: field.number('Won amount of those opportunities', money).required(),
  Lead_To_Opp__c: field.number('Cohort converted / leads', ratio).nullable(),
  Opp_To_Win__c: field.number('Won / (won + lost)', ratio).nullable(),
  Speed_To_Lead_Hours__c: field
    .number('Median hours to the first touch (rep and org rows)', { type: 'Number', precision: 9, scale: 2 })
    .nullable(),
});
export type FunnelRecord = z.infer<typeof FunnelRecord>;

export const RetentionRecord = z.object({
  ...common,
  Segment_Field__c: field.text('What the segments are: industry or size', text(20)).required(),
  Segment__c: field.text('The segment; empty for accounts without one and for the org row', text(255)).nullable(),
  Is_Total__c: field.boolean('True for the row over every account').required(),
  Base_Period_Label__c: field.text('The same period a year before', text(40)).required(),
  Base_Accounts__c: field.number('Accounts with recurring bookings in the base period', count).required(),
  Prior_Bookings__c: field.number('Their recurring bookings then', money).required(),
  Renewed__c: field.number('Their won renewals in the period', money).required(),
  Expansion__c: field.number('Their won upgrades and new business in the period', money).required(),
  GRR__c: field.number('Gross revenue retention', ratio).nullable(),
  NRR__c: field.number('Net revenue retention', ratio).nullable(),
  Churned_Accounts__c: field.number('Base accounts with no recurring booking in the period', count).required(),
  Churned_Bookings__c: field.number('Their bookings in the base period', money).required(),
  Contracted_Accounts__c: field.number('Base accounts that booked less than a year before', count).required(),
  Contraction__c: field.number('What they booked less', money).required(),
  CLV__c: field.number('Customer lifetime value', money).nullable(),
});
export type RetentionRecord = z.infer<typeof RetentionRecord>;
