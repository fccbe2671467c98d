import { Messages } from '@salesforce/core';
import { RevOpsPlanError, type RevOpsPlan } from '@salesops/core';
import { readRevOpsPlan } from '@salesops/org';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'shared');

/**
 * The revenue-operations plan of `--plan` (funnel, revenue retention), or undefined without the flag. A plan that
 * does not validate is a user error naming its file, line and field (exit 1).
 */
export async function readPlanFlag(path: string | undefined): Promise<RevOpsPlan | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readRevOpsPlan(path);
  } catch (e) {
    if (e instanceof RevOpsPlanError) throw messages.createError('error.BadRevOpsPlan', [e.message]);
    throw e;
  }
}

/** The error of a plan the org's calendar cannot place (an unknown period, overlapping entries). */
export function badPlanError(path: string, problem: string): Error {
  return messages.createError('error.BadRevOpsPlan', [`${path}: ${problem}`]);
}
