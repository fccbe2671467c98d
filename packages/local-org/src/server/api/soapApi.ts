/**
 * The two SOAP API calls the REST API lacks (`POST /services/Soap/u/XX.X`, as jsforce's `conn.soap` sends them):
 * `undelete()`, how clients restore records from the recycle bin, and `getServerTimestamp()`, the org's clock (a sync's
 * high-water mark). Any other call answers a fault. The session comes from the envelope's `SessionHeader`, failures as
 * SOAP faults (`sf:INVALID_SESSION_ID`, HTTP 500) as Salesforce sends them.
 * (SOAP API Developer Guide, "undelete()", "getServerTimestamp()".)
 */
import type { ServerResponse } from 'node:http';
import { HttpError } from '../http/httpUtil.js';
import { writeContext, type RequestContext } from '../http/requestContext.js';
import { undeleteRecord } from '../recycleBin.js';
import { rollback, type SaveOutcome } from '../writes.js';

const ENVELOPE_START =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"' +
  ' xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>';
const ENVELOPE_END = '</soapenv:Body></soapenv:Envelope>';

/** The session id of an envelope's `SessionHeader`, as a `Bearer` header for the session check. */
export function soapSession(envelope: string): string | undefined {
  const m = /<(?:\w+:)?sessionId>([^<]*)<\/(?:\w+:)?sessionId>/.exec(envelope);
  return m ? `Bearer ${xmlText(m[1] as string)}` : undefined;
}

/** Runs the envelope's call as the request's user. */
export function soapCall(ctx: Omit<RequestContext, 'parts'>, envelope: string): void {
  const body = /<(?:\w+:)?Body[^>]*>([\s\S]*)<\/(?:\w+:)?Body>/.exec(envelope)?.[1] ?? '';
  const call = /<(?:\w+:)?(\w+)[\s>/]/.exec(body.trim())?.[1];
  if (call === 'getServerTimestamp') {
    const timestamp = ctx.org.now().toISOString();
    sendXml(
      ctx.res,
      200,
      `<getServerTimestampResponse><result><timestamp>${timestamp}</timestamp></result></getServerTimestampResponse>`,
    );
    return;
  }
  if (call !== 'undelete') {
    throw new HttpError(500, 'INVALID_OPERATION', `No operation available for request ${call ?? '(none)'}`);
  }
  const ids = [...body.matchAll(/<(?:\w+:)?ids>([^<]*)<\/(?:\w+:)?ids>/g)].map((m) => xmlText(m[1] as string).trim());
  if (ids.length > 200) {
    throw new HttpError(
      500,
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 200 records into this call',
    );
  }
  const context = writeContext({ ...ctx, parts: [] });
  const outcomes: SaveOutcome[] = ids.map((id) => undeleteRecord(context, id));
  if (outcomes.some((o) => !o.success) && /<(?:\w+:)?AllOrNoneHeader>[\s\S]*true/.test(envelope)) rollback(context);
  sendXml(ctx.res, 200, `<undeleteResponse>${outcomes.map(resultXml).join('')}</undeleteResponse>`);
}

/** A SOAP fault for an error of the call (500, as Salesforce answers every fault). */
export function sendSoapFault(res: ServerResponse, error: HttpError): void {
  const fault =
    `<soapenv:Fault><faultcode>sf:${escapeXml(error.errorCode)}</faultcode>` +
    `<faultstring>${escapeXml(`${error.errorCode}: ${error.message}`)}</faultstring></soapenv:Fault>`;
  sendXml(res, 500, fault);
}

function resultXml(o: SaveOutcome): string {
  const errors = o.errors
    .map(
      (e) =>
        `<errors>${e.fields.map((f) => `<fields>${escapeXml(f)}</fields>`).join('')}` +
        `<message>${escapeXml(e.message)}</message><statusCode>${escapeXml(e.statusCode)}</statusCode></errors>`,
    )
    .join('');
  const id = o.success && o.id ? `<id>${escapeXml(o.id)}</id>` : '<id xsi:nil="true"/>';
  return `<result>${errors}${id}<success>${String(o.success)}</success></result>`;
}

function sendXml(res: ServerResponse, status: number, body: string): void {
  const text = ENVELOPE_START + body + ENVELOPE_END;
  res.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
