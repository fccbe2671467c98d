/** Opportunity `Type` values of the sample org (the standard picklist's customer types, with a renewal value). */
export const OPPORTUNITY_TYPES = {
  newBusiness: 'New Business',
  renewal: 'Existing Customer - Renewal',
  upgrade: 'Existing Customer - Upgrade',
  downgrade: 'Existing Customer - Downgrade',
} as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[keyof typeof OPPORTUNITY_TYPES];
