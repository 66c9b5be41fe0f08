import { createHash } from 'node:crypto';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { App } from '../app.js';
import { positionToString } from '../eventStore/port.js';
import { ByteBoundedCache } from './responseCacheStore.js';

/**
 * Caches query answers per caller, keyed by the read models' position (and generation: an erasure
 * replays them in place): an answer is reused only
 * while nothing new has been projected, so it is never stale and a client still reads its own
 * writes (a mutation answers after the position moved; a token in `x-min-position` is waited for
 * before the key is made). Mutations and subscriptions bypass it. Conditional requests
 * (If-None-Match) are answered in full: an ETag names an answer at one position, and the plugin
 * would answer 304 while the entry lives, even after the read models moved.
 */
export const responseCacheLimits = { maxBytes: 32 * 1024 * 1024, maxEntryBytes: 1024 * 1024 } as const;

export function responseCachePlugins(app: App): Plugin[] {
  // Mutations skip the cache plugin altogether: its keys hold the read models' position, which
  // every write moves, so the entity walk it does to invalidate entries after a mutation (2.7 %
  // of a write under load) has nothing to invalidate.
  const mutations = new WeakSet<object>();
  const markMutations: Plugin = {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') mutations.add(args.contextValue);
    },
  };
  return [markMutations, useResponseCache({
    session: (request) => request.headers.get('authorization'),
    enabled: (request, context) => !request.headers.has('if-none-match') && !(context && mutations.has(context)),
    cache: new ByteBoundedCache(responseCacheLimits.maxBytes, responseCacheLimits.maxEntryBytes),
    ttl: 60_000,
    // Also what keeps mutations out of the cache: without it the plugin would cache them like queries.
    invalidateViaMutation: true,
    includeExtensionMetadata: false,
    buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId }) =>
      createHash('sha256')
        .update(
          JSON.stringify([positionToString(app.projections.position), app.readModelsGeneration, sessionId, operationName, documentString, variableValues]),
        )
        .digest('hex'),
  }) as Plugin];
}
