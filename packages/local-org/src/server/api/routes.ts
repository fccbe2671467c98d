/**
 * The route table of the versioned REST API (`/services/data/vXX.X/…`): each resource family by its leading path
 * segments and methods. A handler gets the segments after its prefix in `ctx.parts`.
 */
import { notFound, sendJson } from '../http/httpUtil.js';
import type { RequestContext } from '../http/requestContext.js';
import { collectionsResource } from './collections.js';
import { limitsResource } from './limitsResource.js';
import { queryResource } from './queryResource.js';
import { sobjectsResource } from './sobjects.js';
import { resources } from './versions.js';

export type Handler = (ctx: RequestContext) => void | Promise<void>;

interface Route {
  readonly prefix: readonly string[];
  /** Only these methods (any when absent). */
  readonly methods?: readonly string[];
  /** The path is the prefix, nothing after it. */
  readonly exact?: boolean;
  readonly handler: Handler;
}

const ROUTES: readonly Route[] = [
  { prefix: [], exact: true, handler: (ctx) => sendJson(ctx.res, 200, resources(ctx.org, ctx.version)) },
  { prefix: ['limits'], handler: limitsResource },
  { prefix: ['query'], methods: ['GET'], handler: (ctx) => queryResource(ctx, false) },
  { prefix: ['queryAll'], methods: ['GET'], handler: (ctx) => queryResource(ctx, true) },
  { prefix: ['sobjects'], handler: sobjectsResource },
  { prefix: ['composite', 'sobjects'], handler: collectionsResource },
  { prefix: ['jobs'], handler: (ctx) => ctx.org.bulk.handle(ctx) },
];

/** Runs the route of `parts` (the decoded segments after the version); 404 NOT_FOUND when none matches. */
export async function routeApi(ctx: Omit<RequestContext, 'parts'>, parts: readonly string[]): Promise<void> {
  for (const route of ROUTES) {
    const { prefix } = route;
    if (parts.length < prefix.length || prefix.some((p, i) => parts[i] !== p)) continue;
    if (route.exact && parts.length !== prefix.length) continue;
    if (route.methods && !route.methods.includes(ctx.method)) continue;
    await route.handler({ ...ctx, parts: parts.slice(prefix.length) });
    return;
  }
  throw notFound();
}
