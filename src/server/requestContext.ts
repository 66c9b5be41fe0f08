import type { Logger } from 'pino';
import type { ReadModelStore } from '../../projections/types.js';
import type { App } from '../app.js';
import type { Actor } from '../auth/actor.js';

/** What the HTTP server hands every GraphQL operation: who calls, in which request, and the app. */
export interface RequestContext {
  readonly app: App;
  readonly actor: Actor;
  readonly requestId: string;
  readonly logger: Logger;
  /** The live read models; "as of" queries use `app.timeTravel` instead. */
  readonly readModels: ReadModelStore;
}
