import { SfCommand } from '@salesforce/sf-plugins-core';

/**
 * The base of every `sf salesops` command: an SfCommand whose `--json` envelope is plain JSON whenever stdout is
 * not a terminal. The Salesforce CLI colours JSON when colour is forced (FORCE_COLOR, as many CI systems set it),
 * which breaks `sf … --json | jq` and files; on a terminal it keeps sf's colours.
 */
export abstract class SalesopsCommand<T> extends SfCommand<T> {
  public override logJson(json: unknown): void {
    if (process.stdout.isTTY) super.logJson(json);
    else process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
}
