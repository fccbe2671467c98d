/**
 * Query errors in Salesforce's shape: HTTP 400 with `[{ message, errorCode }]`, where the message quotes the
 * query row, puts a caret under the offending token and names the position, e.g.
 *
 * ```
 * \nSELECT Id, Foo FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Account'. …
 * ```
 *
 * (REST API Developer Guide, "Status Codes and Error Responses":
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm)
 */
export class SoqlError extends Error {
  constructor(
    readonly errorCode:
      'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'INVALID_QUERY_FILTER_OPERATOR' | 'QUERY_TIMEOUT',
    message: string,
  ) {
    super(message);
    this.name = 'SoqlError';
  }
}

/** Row and column (1-based) of a character offset in the query. */
export function positionOf(soql: string, offset: number): { row: number; column: number } {
  const before = soql.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { row: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** Offset of `token` (a whole word, case-insensitive) in the query at or after `from`; 0 when absent. */
export function offsetOf(soql: string, token: string, from = 0): number {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[^A-Za-z0-9_.])(${escaped})(?![A-Za-z0-9_])`, 'gi');
  re.lastIndex = from;
  const m = re.exec(soql);
  return m ? m.index + (m[1] ?? '').length : 0;
}

/** A SoqlError whose message points at `offset` in the query, as Salesforce words it. */
export function soqlErrorAt(
  errorCode: SoqlError['errorCode'],
  soql: string,
  offset: number,
  detail: string,
): SoqlError {
  const { row, column } = positionOf(soql, offset);
  const line = soql.split('\n')[row - 1] ?? '';
  return new SoqlError(
    errorCode,
    `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${detail}`,
  );
}

export function noSuchColumn(soql: string, token: string, objectName: string, from = 0): SoqlError {
  const name = token.includes('.') ? (token.split('.').pop() as string) : token;
  return soqlErrorAt(
    'INVALID_FIELD',
    soql,
    offsetOf(soql, token, from),
    `No such column '${name}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function noSuchRelationship(soql: string, token: string, relationship: string, from = 0): SoqlError {
  return soqlErrorAt(
    'INVALID_FIELD',
    soql,
    offsetOf(soql, token, from),
    `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function noSuchObject(soql: string, objectName: string): SoqlError {
  const from = Math.max(0, soql.search(/\bfrom\b/i));
  return soqlErrorAt(
    'INVALID_TYPE',
    soql,
    offsetOf(soql, objectName, from),
    `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/** MALFORMED_QUERY for what the parser refused, pointing at the token it named (or the end of the query). */
export function malformedQuery(soql: string, error: unknown): SoqlError {
  const message = error instanceof Error ? error.message : String(error);
  const lexing = /at offset: (\d+)/.exec(message);
  if (lexing) {
    const offset = Number(lexing[1]);
    return soqlErrorAt('MALFORMED_QUERY', soql, offset, `unexpected token: '${soql.charAt(offset)}'`);
  }
  const found = /found --> '(.*)' <--/.exec(message) ?? /but found: '(.*)'/.exec(message);
  const token = found?.[1] ?? '';
  if (token === '') {
    return soqlErrorAt('MALFORMED_QUERY', soql, soql.trimEnd().length, `unexpected token: '<EOF>'`);
  }
  const offset = Math.max(0, soql.toLowerCase().indexOf(token.toLowerCase()));
  return soqlErrorAt('MALFORMED_QUERY', soql, offset, `unexpected token: '${token}'`);
}

/** What Salesforce answers when a query runs out of time (or, here, out of rows to scan). */
export function queryTimeout(): SoqlError {
  return new SoqlError('QUERY_TIMEOUT', 'Your query request was running for too long.');
}
