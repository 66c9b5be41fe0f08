import type { RequestContext } from '../src/server/requestContext.js';

/** What every resolver gets: the caller, the request and the live read models. */
export type Context = RequestContext;
