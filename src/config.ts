import { join } from 'node:path';
import { z } from 'zod';

const DEV_SECRET = 'exchange-ledger-local-development-secret';

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    EVENT_STORE: z.enum(['sqlite', 'eventstoredb']).default('sqlite'),
    EVENTSTORE_CONNECTION_STRING: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    READ_MODEL_FILE: z.string().min(1).optional(),
    READ_MODEL_SNAPSHOT: z.string().min(1).optional(),
    READ_MODEL_SNAPSHOT_EVERY_S: z.coerce.number().int().min(0).max(86_400).default(0),
    KEY_STORE_FILE: z.string().min(1).optional(),
    IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    ON_LOG_MISMATCH: z.enum(['rebuild', 'refuse']).default('rebuild'),
    CONSISTENCY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    READY_MAX_LAG_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
    EVENTSTORE_READ_DEADLINE_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    SQLITE_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    SQLITE_GROUP_COMMIT: z.stringbool().default(true),
    // Loopback unless told otherwise: the development secret is public (it is in the source).
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    AUTH_JWT_SECRET: z.string().min(32, 'AUTH_JWT_SECRET must be at least 32 characters').optional(),
    GRAPHIQL: z.stringbool().optional(),
    INTROSPECTION: z.stringbool().optional(),
    SEED_DEMO: z.stringbool().default(false),
    RESPONSE_CACHE: z.stringbool().default(true),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional(),
    SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/, error: 'CORS_ORIGINS must be http(s) origins, comma-separated' }))),
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' }).optional(),
    MEETING_LINK_TEMPLATE: z
      .url({ protocol: /^https?$/, error: 'MEETING_LINK_TEMPLATE must be an http(s) URL' })
      .refine((template) => template.includes('{meetingId}'), 'MEETING_LINK_TEMPLATE must contain {meetingId}')
      .optional(),
  });

/** Rules across variables, checked even when another variable is malformed. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (env.EVENT_STORE === 'eventstoredb' && !env.EVENTSTORE_CONNECTION_STRING) {
    problems.push('  EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE=eventstoredb');
  }
  if (env.NODE_ENV === 'production' && !env.AUTH_JWT_SECRET) {
    problems.push('  AUTH_JWT_SECRET: required in production');
  } else if (!env.AUTH_JWT_SECRET && env.HOST !== undefined && !isLoopback(env.HOST)) {
    problems.push(
      `  AUTH_JWT_SECRET: required when HOST is not a loopback address (${env.HOST}): anyone can sign tokens with the development secret`,
    );
  }
  return problems;
}

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly eventStore: { readonly kind: 'sqlite' } | { readonly kind: 'eventstoredb'; readonly connectionString: string };
  readonly dataDir: string;
  /** This process's read-model file (one writer per file); `<dataDir>/readmodels.sqlite` by default. */
  readonly readModelFile: string;
  /**
   * A consistent copy of the read models with their checkpoints: a process whose read-model file
   * does not exist yet starts from it and catches up only the tail of the log.
   */
  readonly readModelSnapshot: string | undefined;
  /** How often this process writes that copy (seconds; 0: never). */
  readonly readModelSnapshotEverySeconds: number;
  /** The data subjects' keys (docs/personal-data.md): never beside the log in a backup; `<dataDir>/keys.sqlite` by default. */
  readonly keyStoreFile?: string;
  /** How long idempotency reservations are kept (SQLite sweeps them; EventStoreDB streams get `$maxAge`). */
  readonly idempotencyRetentionDays?: number;
  /** What to do when the read models were built from another log, or from a later state of this one. */
  readonly onLogMismatch: 'rebuild' | 'refuse';
  /** How long a mutation waits for its read models, and a query for the position it asks for. */
  readonly consistencyTimeoutMs: number;
  /** `/ready` answers 503 when the oldest event not yet projected is older than this. */
  readonly readyMaxLagMs: number;
  /** EventStoreDB: longest wait for one page of a read. */
  readonly eventStoreReadDeadlineMs: number;
  /** SQLite: how often a replica looks for events appended by another process on the same log. */
  readonly sqlitePollMs: number;
  /** SQLite: appends made in the same turn of the event loop share one transaction and one fsync. */
  readonly sqliteGroupCommit: boolean;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly jwtSecret: string;
  /** True when no AUTH_JWT_SECRET was set: tokens are signed with the published development secret (loopback only). */
  readonly developmentSecret: boolean;
  /** Origins browsers may call the API from (CORS); none by default. */
  readonly corsOrigins: readonly string[];
  readonly graphiql: boolean;
  readonly introspection: boolean;
  readonly seedDemo: boolean;
  /** Reuse query answers while the read models have not moved (see src/server/http.ts). */
  readonly responseCache: boolean;
  /** Largest request body accepted; larger ones get 413. */
  readonly bodyLimitBytes: number;
  /** Prometheus `/metrics`: its own listener when `port` is set; on the public port only with `token`. */
  readonly metrics: { readonly port?: number; readonly host: string; readonly token?: string };
  /** Requests slower than this get a "slow request" log line. */
  readonly slowRequestMs: number;
  /** Where clients reach the API (links in calendar feeds and exports); defaults to the local address. */
  readonly publicUrl?: string;
  /** A meeting's page in a client app, with `{meetingId}`; calendar events link to it. */
  readonly meetingLinkTemplate?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from the environment; every problem is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    eventStore:
      e.EVENT_STORE === 'eventstoredb'
        ? { kind: 'eventstoredb', connectionString: e.EVENTSTORE_CONNECTION_STRING! }
        : { kind: 'sqlite' },
    dataDir: e.DATA_DIR,
    readModelFile: e.READ_MODEL_FILE ?? join(e.DATA_DIR, 'readmodels.sqlite'),
    readModelSnapshot: e.READ_MODEL_SNAPSHOT,
    readModelSnapshotEverySeconds: e.READ_MODEL_SNAPSHOT_EVERY_S,
    keyStoreFile: e.KEY_STORE_FILE ?? join(e.DATA_DIR, 'keys.sqlite'),
    idempotencyRetentionDays: e.IDEMPOTENCY_RETENTION_DAYS,
    onLogMismatch: e.ON_LOG_MISMATCH,
    consistencyTimeoutMs: e.CONSISTENCY_TIMEOUT_MS,
    readyMaxLagMs: e.READY_MAX_LAG_MS,
    eventStoreReadDeadlineMs: e.EVENTSTORE_READ_DEADLINE_MS,
    sqlitePollMs: e.SQLITE_POLL_MS,
    sqliteGroupCommit: e.SQLITE_GROUP_COMMIT,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    jwtSecret: e.AUTH_JWT_SECRET ?? DEV_SECRET,
    developmentSecret: !e.AUTH_JWT_SECRET,
    corsOrigins: e.CORS_ORIGINS.map((origin) => new URL(origin).origin),
    graphiql: e.GRAPHIQL ?? !production,
    introspection: e.INTROSPECTION ?? !production,
    seedDemo: e.SEED_DEMO,
    responseCache: e.RESPONSE_CACHE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    metrics: {
      host: e.METRICS_HOST,
      ...(e.METRICS_PORT !== undefined ? { port: e.METRICS_PORT } : {}),
      ...(e.METRICS_TOKEN ? { token: e.METRICS_TOKEN } : {}),
    },
    slowRequestMs: e.SLOW_REQUEST_MS,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.MEETING_LINK_TEMPLATE ? { meetingLinkTemplate: e.MEETING_LINK_TEMPLATE } : {}),
  };
}

/** For command-line entry points: the configuration, or its problems on stderr and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
