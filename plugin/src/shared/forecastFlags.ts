import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { FORECAST_SCOPE_TYPES, type ForecastScopeType } from '@salesops/core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.forecast');

/** `--group-by`: the scope of each forecast row. */
export const groupByFlag = Flags.option({
  options: FORECAST_SCOPE_TYPES,
  default: 'org' as ForecastScopeType,
  summary: messages.getMessage('flags.group-by.summary'),
})();
