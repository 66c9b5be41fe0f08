import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperationAST, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { App } from '../app.js';

/**
 * Prometheus metrics (prom-client) and the request log lines. Label values are bounded (routes
 * and operation types we name, error codes we know), so a client cannot create series at will.
 * `/metrics` is served on its own listener (METRICS_PORT, meant for the private network) and, only
 * when METRICS_TOKEN is set, on the public port behind that bearer token.
 */

export const METRICS_PATH = '/metrics';

/** The error codes this API gives; anything else is counted as OTHER. */
const KNOWN_ERROR_CODES = new Set([
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'INVALID_INPUT',
]);

/** The path with secrets taken out: a private calendar feed's path is its token. */
export function loggablePath(url: string | undefined): string {
  return (url ?? '').replace(/^\/calendar\/private\/[^/?#]*/, '/calendar/private/[redacted]');
}

/** A small, fixed set of route labels. */
export function routeOf(url: string | undefined): string {
  const path = (url ?? '').split('?')[0]!;
  if (['/graphql', '/health', '/ready', METRICS_PATH].includes(path)) return path;
  if (path.startsWith('/export/')) return '/export';
  const calendar = /^\/calendar\/(networks|cities|meetings|private)\//.exec(path);
  if (calendar) return `/calendar/${calendar[1]}`;
  return 'other';
}

interface OperationSeen {
  readonly type: string;
  readonly name: string | undefined;
}

export interface FinishedRequest {
  readonly requestId: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** process.hrtime.bigint() when the request arrived. */
  readonly started: bigint;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new WeakMap<IncomingMessage, OperationSeen>();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly durations: Histogram<'method' | 'route'>;
  private readonly graphqlOperations: Counter<'type'>;
  private readonly graphqlErrors: Counter<'code'>;
  private readonly subscriptionsOpen: Gauge;
  private readonly slowRequests: Counter<'route'>;

  constructor(private readonly app: App) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.durations = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to finishing its response.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.slowRequests = new Counter({
      name: 'http_slow_requests_total',
      help: 'Requests slower than SLOW_REQUEST_MS (each also logged as "slow request").',
      labelNames: ['route'],
      registers,
    });
    this.graphqlOperations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations executed, by type (query, mutation, subscription).',
      labelNames: ['type'],
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses, by code (typed mutation errors are data, not counted here).',
      labelNames: ['code'],
      registers,
    });
    this.subscriptionsOpen = new Gauge({
      name: 'graphql_subscriptions_open',
      help: 'Subscriptions (server-sent event streams) currently open.',
      registers,
    });
    const positions = async () => ({
      head: (await app.store.headPosition()).commit,
      projected: app.projections.position.commit,
    });
    new Gauge({
      name: 'ledger_log_head_position',
      help: 'Commit position of the last event in the log (SQLite: its row number).',
      registers,
      async collect() {
        this.set(Number((await positions()).head));
      },
    });
    new Gauge({
      name: 'ledger_projected_position',
      help: 'Commit position the read models have reached.',
      registers,
      collect() {
        this.set(Number(app.projections.position.commit));
      },
    });
    new Gauge({
      name: 'ledger_projection_lag_positions',
      help: 'Head minus projected position: events not yet in the read models (SQLite: a count of events; EventStoreDB: bytes of log).',
      registers,
      async collect() {
        const { head, projected } = await positions();
        this.set(head > projected ? Number(head - projected) : 0);
      },
    });
    new Gauge({
      name: 'ledger_projections_caught_up',
      help: '1 when the read models have caught up with the log (what /ready reports), else 0.',
      registers,
      collect() {
        this.set(app.projections.status().caughtUp ? 1 : 0);
      },
    });
  }

  /** The exposition text for a scrape. */
  async exposition(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }

  /** Counts the request, logs it (and once more at warn level when slow). */
  requestFinished({ requestId, req, res, started }: FinishedRequest): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf(req.url);
    const method = req.method ?? 'GET';
    this.requests.inc({ method, route, status: String(res.statusCode) });
    this.durations.observe({ method, route }, seconds);
    const operation = this.operations.get(req);
    const line = {
      requestId,
      method,
      url: loggablePath(req.url),
      status: res.statusCode,
      ms: Math.round(seconds * 1e6) / 1e3,
      ...(operation ? { operationType: operation.type, ...(operation.name ? { operationName: operation.name } : {}) } : {}),
    };
    this.app.logger.info(line, 'request');
    if (line.ms >= this.app.config.slowRequestMs) {
      this.slowRequests.inc({ route });
      this.app.logger.warn({ ...line, route, thresholdMs: this.app.config.slowRequestMs }, 'slow request');
    }
  }

  /** Yoga plugins: operations by type, errors by code, subscriptions open, `/metrics` on the public port. */
  plugins(): Plugin[] {
    const seen = (args: ExecutionArgs) => {
      const type = getOperationAST(args.document, args.operationName)?.operation ?? 'unknown';
      this.graphqlOperations.inc({ type });
      const req = (args.contextValue as { req?: IncomingMessage }).req;
      const name = args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value;
      if (req) this.operations.set(req, { type, name: name?.slice(0, 100) });
    };
    const countErrors = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => {
      for (const error of errors ?? []) {
        const code = String(error.extensions?.code ?? 'OTHER');
        this.graphqlErrors.inc({ code: KNOWN_ERROR_CODES.has(code) ? code : 'OTHER' });
      }
    };
    const metricsOnPublicPort: Plugin = {
      onRequest: async ({ url, request, endResponse, fetchAPI }) => {
        if (url.pathname !== METRICS_PATH) return;
        const token = this.app.config.metrics.token;
        // Without a token, the public port has no /metrics at all.
        if (!token) return endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        if (!bearerMatches(request.headers.get('authorization'), token)) {
          return endResponse(
            new fetchAPI.Response('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>', {
              status: 401,
              headers: { 'www-authenticate': 'Bearer realm="metrics"' },
            }),
          );
        }
        const { body, contentType } = await this.exposition();
        endResponse(new fetchAPI.Response(body, { status: 200, headers: { 'content-type': contentType } }));
      },
    };
    return [
      metricsOnPublicPort,
      {
        onExecute: ({ args }) => seen(args),
        onSubscribe: ({ args }) => {
          seen(args);
          return {
            onSubscribeResult: () => {
              this.subscriptionsOpen.inc();
              let open = true;
              return {
                onEnd: () => {
                  if (open) this.subscriptionsOpen.dec();
                  open = false;
                },
              };
            },
          };
        },
        onResultProcess: ({ result }) => {
          const results = Array.isArray(result) ? result : [result];
          for (const one of results) {
            if (one && typeof one === 'object' && 'errors' in one) countErrors(one.errors);
          }
        },
      },
    ];
  }
}

/** Compares without leaking the token's length or prefix through timing. */
function bearerMatches(authorization: string | null, token: string): boolean {
  const [scheme, given] = (authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

export interface MetricsListener {
  readonly url: string;
  close(): Promise<void>;
}

/** `/metrics` alone on its own port, for the private network Prometheus scrapes from. */
export async function startMetricsListener(metrics: ServiceMetrics, host: string, port: number): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== METRICS_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: scrape /metrics');
      return;
    }
    metrics.exposition().then(
      ({ body, contentType }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown === '0.0.0.0' || shown === '[::]' ? 'localhost' : shown}:${address.port}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
