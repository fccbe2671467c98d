/**
 * The funnel's standard objects (Lead, LeadHistory, Campaign, CampaignMember, Task, Event) with the fields the
 * sample generator writes, as the Salesforce Object Reference describes them. Sharing as an org's defaults usually
 * are: Lead private (owner and managers up the role hierarchy), Campaign public read, history and campaign members
 * follow their lead, activities follow the record they are about (What, else Who) and are visible to their owner.
 */
import { field, type ObjectSchema } from './objectSchema.js';
import { object, OWNER, ref, ro } from './standardObjectBuilder.js';

const activityFields = () => [
  field('WhoId', 'reference', { referenceTo: ['Lead', 'Contact'], relationshipName: 'Who' }),
  field('WhatId', 'reference', { referenceTo: ['Account', 'Opportunity', 'Campaign'], relationshipName: 'What' }),
  OWNER,
  field('Subject', 'string', { length: 255 }),
  field('ActivityDate', 'date'),
];
const ACTIVITY_SHARING = { sharingModel: 'ControlledByParent', sharingParentField: ['WhatId', 'WhoId'] } as const;

export function revopsObjects(): ObjectSchema[] {
  return [
    object('Lead', '00Q', { sharingModel: 'Private' }, [
      field('FirstName', 'string', { length: 40 }),
      field('LastName', 'string', { length: 80, nillable: false }),
      field('Company', 'string', { length: 255, nillable: false }),
      field('Country', 'string', { length: 80 }),
      OWNER,
      field('LeadSource', 'picklist', { length: 255 }),
      field('Status', 'picklist', { length: 255, nillable: false, defaultedOnCreate: true }),
      ro('IsConverted', 'boolean'),
      ro('ConvertedDate', 'date'),
      ref('ConvertedOpportunityId', 'Opportunity', { createable: false, updateable: false }),
      ref('ConvertedAccountId', 'Account', { createable: false, updateable: false }),
    ]),
    object(
      'LeadHistory',
      '017',
      {
        writable: false,
        history: true,
        label: 'Lead History',
        labelPlural: 'Lead History',
        sharingModel: 'ControlledByParent',
        sharingParentField: 'LeadId',
      },
      [
        ref('LeadId', 'Lead', { nillable: false }),
        field('Field', 'picklist', { length: 255 }),
        field('OldValue', 'string', { length: 255 }),
        field('NewValue', 'string', { length: 255 }),
      ],
    ),
    object('Campaign', '701', { sharingModel: 'Read' }, [
      field('Name', 'string', { length: 80, nillable: false, nameField: true }),
      field('Type', 'picklist', { length: 255 }),
      field('Status', 'picklist', { length: 255 }),
      field('StartDate', 'date'),
      field('EndDate', 'date'),
      field('BudgetedCost', 'currency', { precision: 18, scale: 0 }),
      field('ActualCost', 'currency', { precision: 18, scale: 0 }),
      field('IsActive', 'boolean'),
      OWNER,
    ]),
    object(
      'CampaignMember',
      '00v',
      { label: 'Campaign Member', sharingModel: 'ControlledByParent', sharingParentField: 'LeadId' },
      [
        ref('CampaignId', 'Campaign', { nillable: false, updateable: false }),
        ref('LeadId', 'Lead', { updateable: false }),
        field('ContactId', 'reference', { referenceTo: ['Contact'], updateable: false }),
        field('Status', 'picklist', { length: 40 }),
        ro('HasResponded', 'boolean'),
        ro('FirstRespondedDate', 'date'),
      ],
    ),
    object('Task', '00T', ACTIVITY_SHARING, [
      ...activityFields(),
      field('Status', 'picklist', { length: 40, nillable: false, defaultedOnCreate: true }),
      field('TaskSubtype', 'picklist', { length: 40 }),
    ]),
    object('Event', '00U', ACTIVITY_SHARING, [
      ...activityFields(),
      field('ActivityDateTime', 'datetime'),
      field('DurationInMinutes', 'int', { precision: 8 }),
    ]),
  ];
}
