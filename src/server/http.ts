import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import type { App } from '../app.js';
import { readiness } from '../application/ledgerStatus.js';
import { positionFromString, positionToString } from '../eventStore/port.js';
import { TooManySubscriptionsError } from '../projections/appliedEvents.js';
import { ReadModelsBehindError } from '../projections/consistency.js';
import { anonymous, type Actor } from '../auth/actor.js';
import { InvalidTokenError, TokenVerifier } from '../auth/tokens.js';
import { ForbiddenError } from '../commands/errors.js';
import { calendarFeedsPlugin } from './calendar/feeds.js';
import { openDataPlugin } from './export/openData.js';
import { graphiqlOptions, graphiqlPolicyPlugin } from './graphiql.js';
import { ServiceMetrics, startMetricsListener } from './metrics.js';
import { queryCostLimits, queryCostPlugin } from './queryCost.js';
import { ByteBoundedCache } from './responseCacheStore.js';
import type { RequestContext } from './requestContext.js';

interface RequestScope {
  readonly requestId: string;
}

const requestScope = new AsyncLocalStorage<RequestScope>();
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** One scheme, one space, one compact JWT: nothing before or after. */
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

async function authenticate(tokens: TokenVerifier, authorization: string | null): Promise<Actor> {
  if (!authorization) return anonymous;
  const token = BEARER.exec(authorization)?.[1];
  if (!token) {
    throw new GraphQLError('Use "Authorization: Bearer <token>"', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  try {
    return await tokens.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
}

/**
 * Checks the bearer token of every GraphQL request before anything else answers it (the
 * response cache included): a bad or expired token gets 401 even for a query answered before.
 */
function authenticationPlugin(tokens: TokenVerifier, actors: WeakMap<Request, Actor>): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql') return;
      try {
        actors.set(request, await authenticate(tokens, request.headers.get('authorization')));
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED', requestId: requestScope.getStore()?.requestId } }] }),
            { status: 401, headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } },
          ),
        );
      }
    },
  };
}

/**
 * `/ready` answers 200 while this replica should get traffic: the projections' subscription is
 * live (not catching up, resubscribing, failed or refused) and the read models are at most
 * READY_MAX_LAG_MS behind the log. The body says why not, in plain words: errors stay in the log.
 */
function readinessPlugin(app: App): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/ready') return;
      const { ready, status, reason } = await readiness(app, app.config.readyMaxLagMs);
      const body = {
        ready,
        ...(reason ? { reason } : {}),
        ...(status
          ? {
              state: status.state,
              lagMs: status.lagMs,
              maxLagMs: app.config.readyMaxLagMs,
              projectedPosition: status.projectedPosition,
              headPosition: status.headPosition,
            }
          : {}),
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: ready ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}

/** The consistency token a mutation returns (`position`), sent back by a client that wants to read its write. */
const MinPosition = z
  .string()
  .trim()
  .regex(/^\d{1,20}\/\d{1,20}$/, 'must be a position as a mutation returns it, e.g. "1234/1234"')
  .transform((value) => positionFromString(value));

/**
 * Read-your-writes across replicas. A request may carry `x-min-position` (the `position` of a
 * mutation, made on any replica of the same log): it is answered only once this replica's read
 * models have reached that position, or gets READ_MODELS_BEHIND (HTTP 503) after
 * CONSISTENCY_TIMEOUT_MS. It runs before the response cache, whose keys hold the read models'
 * position, so a cached answer older than the token is never served. Every answer says, in
 * `x-projected-position`, the position the read models had reached.
 */
function consistencyPlugin(app: App): Plugin {
  const graphqlError = (fetchAPI: { Response: typeof Response }, status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) =>
    new fetchAPI.Response(JSON.stringify({ errors: [error] }), {
      status,
      headers: { 'content-type': 'application/json', 'x-projected-position': positionToString(app.projections.position), ...headers },
    });
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql') return;
      const header = request.headers.get('x-min-position');
      if (header === null) return;
      const requestId = requestScope.getStore()?.requestId;
      const parsed = MinPosition.safeParse(header);
      if (!parsed.success) {
        endResponse(
          graphqlError(fetchAPI, 400, {
            message: `x-min-position ${parsed.error.issues[0]?.message ?? 'is malformed'}`,
            extensions: { code: 'BAD_REQUEST', requestId },
          }),
        );
        return;
      }
      const timeoutMs = app.config.consistencyTimeoutMs;
      if (await app.projections.waitFor(parsed.data, timeoutMs)) return;
      const behind = new ReadModelsBehindError(parsed.data, app.projections.position, timeoutMs);
      endResponse(
        graphqlError(
          fetchAPI,
          503,
          {
            message: behind.message,
            extensions: {
              code: behind.code,
              minPosition: positionToString(behind.wanted),
              projectedPosition: positionToString(behind.reached),
              requestId,
            },
          },
          { 'retry-after': '1' },
        ),
      );
    },
    onResponse({ response, request }) {
      if (new URL(request.url, 'http://localhost').pathname !== '/graphql') return;
      if (!response.headers.has('x-projected-position')) {
        response.headers.set('x-projected-position', positionToString(app.projections.position));
      }
    },
  };
}

/**
 * Limits on what one operation may ask for, checked before it runs. Generous enough for every
 * query in the docs (the deepest journey query nests 7 levels), tight enough that a hostile
 * query is refused cheaply.
 */
export const operationLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 3000,
  maxDirectives: 20,
  /** The most objects an answer may hold: see queryCost.ts. */
  maxCost: queryCostLimits.maxCost,
  /** The longest list a request's variables may hold (nodes(ids:) takes at most MAX_NODE_IDS). */
  maxVariableListLength: 1000,
} as const;

/** A refused operation in users' words: what limit, how far over, what to do instead. */
const LIMIT_MESSAGES: { pattern: RegExp; code: string; message: (found: string | undefined) => string }[] = [
  {
    pattern: /Query depth limit of \d+ exceeded, found (\d+)/,
    code: 'QUERY_TOO_DEEP',
    message: (found) => `This query nests ${found} levels (at most ${operationLimits.maxDepth}). Fetch the inner objects in a second query, by id.`,
  },
  {
    pattern: /Aliases limit of \d+ exceeded, found (\d+)/,
    code: 'TOO_MANY_ALIASES',
    message: (found) => `This query uses ${found} aliases (at most ${operationLimits.maxAliases}). Split it into several queries.`,
  },
  {
    pattern: /Directives limit of \d+ exceeded, found (\d+)/,
    code: 'TOO_MANY_DIRECTIVES',
    message: (found) => `This query uses ${found} directives (at most ${operationLimits.maxDirectives}). Split it into several queries.`,
  },
  {
    pattern: /Token limit of \d+ exceeded/,
    code: 'QUERY_TOO_LONG',
    message: () => `This query is too long (at most ${operationLimits.maxTokens} tokens). Split it into several queries.`,
  },
];

/** graphql-armor reports its refusals as "Syntax Error: …": say what was refused, why, and a stable code. */
function limitMessagesPlugin(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors) return;
      let changed = false;
      const errors = result.errors.map((error) => {
        for (const limit of LIMIT_MESSAGES) {
          const match = limit.pattern.exec(error.message);
          if (!match) continue;
          changed = true;
          return new GraphQLError(limit.message(match[1]), { extensions: { code: limit.code, requestId: requestScope.getStore()?.requestId } });
        }
        return error;
      });
      if (changed) setResult({ ...result, errors });
    },
  };
}

function longestList(value: unknown, depth = 0): number {
  if (depth > 20 || value === null || typeof value !== 'object') return 0;
  const values = Array.isArray(value) ? value : Object.values(value);
  let longest = Array.isArray(value) ? value.length : 0;
  for (const item of values) longest = Math.max(longest, longestList(item, depth + 1));
  return longest;
}

/** Lists sent as variables are bounded like lists written in the query (which the token limit bounds). */
function variableListsPlugin(): Plugin {
  return {
    onParams({ params, setResult }) {
      const longest = longestList(params.variables);
      if (longest <= operationLimits.maxVariableListLength) return;
      setResult({
        errors: [
          new GraphQLError(
            `A list in the variables has ${longest} items (at most ${operationLimits.maxVariableListLength}). Send it in several requests.`,
            { extensions: { code: 'LIST_TOO_LONG', maxLength: operationLimits.maxVariableListLength } },
          ),
        ],
      });
    },
  };
}

function hardeningPlugins(app: App): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: operationLimits.maxDepth },
    maxAliases: { n: operationLimits.maxAliases },
    maxTokens: { n: operationLimits.maxTokens },
    maxDirectives: { n: operationLimits.maxDirectives },
    // The cost is ours (queryCost.ts): objects the answer may hold, page sizes sent as variables included.
    costLimit: { enabled: false },
    // Suggestions ("did you mean …") help developers and leak the schema: off with introspection.
    blockFieldSuggestion: { enabled: !app.config.introspection },
  });
  return [
    limitMessagesPlugin(),
    variableListsPlugin(),
    queryCostPlugin(),
    ...(armor.protect().plugins as Plugin[]),
    // Browsers cannot send this header cross-site without a preflight, which we do not allow.
    useCSRFPrevention({ requestHeaders: ['x-graphql-csrf', 'x-graphql-yoga-csrf'] }),
    ...(app.config.introspection ? [] : [useDisableIntrospection() as Plugin]),
  ];
}

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

function responseCachePlugins(app: App): Plugin[] {
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

export interface GraphqlHandlerOptions {
  /**
   * The server in front has already bounded the body (`startServer`: a Content-Length at most
   * BODY_LIMIT_BYTES, and none chunked), so yoga need not stream it through its own counter: that
   * pipe, its abort signal and the DOMException it builds at the end were 9 % of a small request.
   */
  readonly bodyLimitedBefore?: boolean;
}

/** The GraphQL API over HTTP for a schema built for `RequestContext` (the entry point passes it in). */
export function createGraphqlHandler(
  app: App,
  schema: GraphQLSchema,
  extraPlugins: Plugin[] = [],
  options: GraphqlHandlerOptions = {},
): YogaServerInstance<object, RequestContext> {
  const logger = app.logger;
  const actors = new WeakMap<Request, Actor>();
  const tokens = new TokenVerifier(app.config.jwtSecret);
  return createYoga<object, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Browsers may call the API only from the configured origins (none by default); bearer
    // tokens are headers, never cookies, so credentials are not allowed.
    cors: app.config.corsOrigins.length > 0 ? { origin: [...app.config.corsOrigins], credentials: false } : false,
    healthCheckEndpoint: '/health',
    landingPage: false,
    maxRequestBodySize: options.bodyLimitedBefore ? false : app.config.bodyLimitBytes,
    ...graphiqlOptions(app),
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ args }, 'yoga'),
    },
    maskedErrors: {
      maskError(error, message) {
        const requestId = requestScope.getStore()?.requestId;
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (error instanceof GraphQLError && !error.originalError) return error;
        if (original instanceof GraphQLError) return original;
        // A read the caller's scopes do not allow, or a subscription over the limits, is an expected failure.
        if (original instanceof ForbiddenError || original instanceof TooManySubscriptionsError) {
          return new GraphQLError(original.message, {
            ...(error instanceof GraphQLError ? { path: error.path } : {}),
            extensions: { code: original.code, requestId },
          });
        }
        logger.error({ err: original, requestId }, 'internal error');
        return new GraphQLError(message, {
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        });
      },
    },
    plugins: [
      authenticationPlugin(tokens, actors),
      readinessPlugin(app),
      consistencyPlugin(app),
      graphiqlPolicyPlugin(),
      openDataPlugin(app),
      calendarFeedsPlugin(app),
      ...hardeningPlugins(app),
      ...(app.config.responseCache ? responseCachePlugins(app) : []),
      ...extraPlugins,
    ],
    context: async ({ request }) => {
      const requestId = requestScope.getStore()?.requestId ?? randomUUID();
      const actor = actors.get(request) ?? (await authenticate(tokens, request.headers.get('authorization')));
      return {
        app,
        actor,
        requestId,
        logger: logger.child({ requestId, actor: actor.subject }),
        readModels: app.readModels,
      };
    },
  });
}

/** Refuses bodies over the limit before reading them; a body must announce its length. */
function bodyRefusal(
  req: import('node:http').IncomingMessage,
  limit: number,
): { status: number; code: string; message: string } | undefined {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return undefined;
  const length = req.headers['content-length'];
  if (length === undefined) {
    if (req.headers['transfer-encoding']) {
      return { status: 411, code: 'LENGTH_REQUIRED', message: 'Send a Content-Length header' };
    }
    return undefined;
  }
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 400, code: 'BAD_REQUEST', message: 'Invalid Content-Length' };
  if (bytes > limit) {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `Request bodies are limited to ${limit} bytes` };
  }
  return undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  /** The private `/metrics` listener's address, when METRICS_PORT is set. */
  readonly metricsUrl?: string;
  close(): Promise<void>;
}

/** Serves the API over HTTP, with a request id on every request and its log lines. */
export async function startServer(
  app: App,
  options: { host: string; port: number; schema: GraphQLSchema },
): Promise<RunningServer> {
  const metrics = new ServiceMetrics(app);
  const yoga = createGraphqlHandler(app, options.schema, metrics.plugins(), { bodyLimitedBefore: true });
  const server = createServer((req, res) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', requestId);
    const refusal = bodyRefusal(req, app.config.bodyLimitBytes);
    if (refusal) {
      res.writeHead(refusal.status, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code, requestId } }] }));
      req.resume();
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => metrics.requestFinished({ requestId, req, res, started }));
    requestScope.run({ requestId }, () => void yoga(req, res));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const metricsListener =
    app.config.metrics.port === undefined ? undefined : await startMetricsListener(metrics, app.config.metrics.host, app.config.metrics.port);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${address.port}`,
    server,
    ...(metricsListener ? { metricsUrl: metricsListener.url } : {}),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      await metricsListener?.close();
    },
  };
}
