import { resultSchemas } from '@salesops/core';

/** The package's custom objects (results, runs, and the quota object for orgs without forecasting quotas). */
export const CUSTOM_OBJECT_NAMES: readonly string[] = [...Object.keys(resultSchemas), 'SalesOps_Quota__c'];
