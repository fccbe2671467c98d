/**
 * `GET /query?q=` and `/queryAll?q=`: the first page (2,000 records, or `Sforce-Query-Options: batchSize`) with a
 * `nextRecordsUrl` while more remain, `GET /query/01g…-N` for the next pages, `columns=true` for column metadata.
 */
import { HttpError, sendJson } from '../http/httpUtil.js';
import { queryContext, type RequestContext } from '../http/requestContext.js';
import type { Cursor, QueryCursors } from '../queryCursors.js';
import { executeQuery } from '../soql/executeQuery.js';

const PAGE_SIZE = 2000;

export function queryResource(ctx: RequestContext, all: boolean): void {
  const { org, res, url, version } = ctx;
  const userId = String(ctx.session.user['Id']);
  const locator = ctx.parts[0];
  if (locator) {
    const m = /^(.+)-(\d+)$/.exec(locator);
    const cursor = m ? org.cursors.get(m[1] as string) : undefined;
    if (!m || !cursor || cursor.userId !== userId) {
      throw new HttpError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    sendJson(res, 200, page(org.cursors, m[1] as string, cursor, Number(m[2]), version));
    return;
  }
  const soql = url.searchParams.get('q');
  if (!soql) throw new HttpError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const result = executeQuery(soql, queryContext(ctx), all);
  if (url.searchParams.get('columns') === 'true') {
    sendJson(res, 200, {
      columnMetadata: result.columnMetadata,
      entityName: result.objectName,
      groupBy: result.aggregate,
      idSelected: result.columns.some((c) => c.header === 'Id'),
      keyPrefix: org.store.schema.get(result.objectName)?.schema.keyPrefix ?? null,
    });
    return;
  }
  if (result.countOnly) {
    sendJson(res, 200, { totalSize: result.totalSize, done: true, records: [] });
    return;
  }
  const options = String(ctx.req.headers['sforce-query-options'] ?? '');
  const batch = /batchSize=(\d+)/i.exec(options);
  const pageSize = batch ? Math.min(PAGE_SIZE, Math.max(200, Number(batch[1]))) : PAGE_SIZE;
  const cursor: Cursor = { result, userId, pageSize };
  const id = !result.aggregate && result.rows.length > pageSize ? org.cursors.open(cursor) : '';
  const limit = result.aggregate ? result.rows.length : pageSize;
  sendJson(res, 200, page(org.cursors, id, { ...cursor, pageSize: limit }, 0, version));
}

/** One page: `{ totalSize, done, nextRecordsUrl?, records }`; the last page closes the cursor. */
function page(
  cursors: QueryCursors,
  id: string,
  cursor: Cursor,
  from: number,
  version: string,
): Record<string, unknown> {
  const rows = cursor.result.rows.slice(from, from + cursor.pageSize);
  const next = from + rows.length;
  const done = next >= cursor.result.rows.length;
  const body: Record<string, unknown> = { totalSize: cursor.result.totalSize, done };
  if (!done) body['nextRecordsUrl'] = `/services/data/${version}/query/${id}-${next}`;
  body['records'] = rows.map((r) => cursor.result.render(r));
  if (done && id) cursors.close(id);
  return body;
}
