import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error answered in the REST API's shape: `[{ message, errorCode, fields? }]`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (): HttpError => new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');

const MAX_BODY = 150 * 1024 * 1024;

/** The request body as text; 413 REQUEST_ENTITY_TOO_LARGE past `maxBytes` (at most 150 MB). */
export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY): Promise<string> {
  const limit = Math.min(maxBytes, MAX_BODY);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new HttpError(
        413,
        'REQUEST_ENTITY_TOO_LARGE',
        `The request body is too large: more than ${Math.max(0, limit)} bytes`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(
      400,
      'JSON_PARSER_ERROR',
      `Unexpected character in the request body: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

export function sendCsv(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/csv',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const item: Record<string, unknown> = { message: error.message, errorCode: error.errorCode };
  if (error.fields) item['fields'] = error.fields;
  sendJson(res, error.status, [item]);
}

/** One CSV field, always quoted (as Bulk API 2.0 writes results). */
export function csvQuoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
