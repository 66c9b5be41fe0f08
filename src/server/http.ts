import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
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
import { compiledExecutionPlugin } from './compiledExecution.js';
import { openDataPlugin } from './export/openData.js';
import { graphiqlOptions, graphiqlPolicyPlugin } from './graphiql.js';
import { ServiceMetrics, startMetricsListener } from './metrics.js';
import { hardeningPlugins } from './operationLimits.js';
import { responseCachePlugins } from './responseCache.js';
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
      if (pathnameOf(request) !== '/graphql') return;
      if (!response.headers.has('x-projected-position')) {
        response.headers.set('x-projected-position', positionToString(app.projections.position));
      }
    },
  };
}

/**
 * The path of a request as yoga routed it: the server adapter's requests keep the URL they parsed
 * (`parsedUrl`), so parsing it again for every response (1 % of a small read) is only the fallback.
 */
function pathnameOf(request: Request): string {
  const parsed = (request as Request & { parsedUrl?: URL }).parsedUrl;
  return (parsed ?? new URL(request.url, 'http://localhost')).pathname;
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
      ...hardeningPlugins(app, () => requestScope.getStore()?.requestId),
      // Before the response cache, which wraps whatever executes.
      compiledExecutionPlugin(),
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
