import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp, type App } from '../../src/app.js';
import type { Actor } from '../../src/auth/actor.js';
import { mintToken } from '../../src/auth/tokens.js';
import { loadConfig, type Config } from '../../src/config.js';
import { START, type Position, type RecordedEvent } from '../../src/eventStore/port.js';
import { eventSchemas, mapPersonalData } from '../../src/personalData/inventory.js';
import { startServer, type RunningServer } from '../../src/server/http.js';
import { buildSchema } from '../../schema/index.js';

/** A server whose log lines (debug and up) are kept, to search them. */
export interface LoggedApp {
  readonly app: App;
  readonly server: RunningServer;
  readonly config: Config;
  readonly dataDir: string;
  readonly logLines: string[];
  token(actor: Partial<Actor> & Pick<Actor, 'role'>): Promise<string>;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: any; errors?: any[]; text: string }>;
  get(path: string, token?: string): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export async function startLoggedApp(): Promise<LoggedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-gdpr-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'debug', PORT: '0', HOST: '127.0.0.1' });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = await createApp(config, { logger: pino({ level: 'debug' }, sink) });
  const server = await startServer(app, { host: config.host, port: config.port, schema: buildSchema() });
  return {
    app,
    server,
    config,
    dataDir,
    logLines,
    token: (actor) => mintToken({ subject: `${actor.role}:test`, cityIds: [], ...actor }, config.jwtSecret, '1h'),
    async gql(query, variables, token) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { ...(JSON.parse(text) as { data?: unknown; errors?: unknown[] }), text } as { data?: any; errors?: any[]; text: string };
    },
    async get(path, token) {
      const response = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: response.status, text: await response.text() };
    },
    async close() {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function allEvents(app: App): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let from: Position = START;
  for (;;) {
    const page = await app.store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
    from = page.at(-1)!.position;
  }
}

/**
 * The events' text without their personal values: a value found there (an organisation named as a
 * stakeholder and in a plan) is no secret of any person, so searches leave it out.
 */
export function textWithoutPersonalData(events: readonly RecordedEvent[]): string {
  return events
    .map((event) => {
      const schema = eventSchemas[event.type];
      const data = schema
        ? mapPersonalData(schema, event.data, {
            person: (value, mark) => Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark.fields.includes(k) ? '' : v])),
            ref: () => '',
          })
        : event.data;
      return JSON.stringify(data);
    })
    .join('\n');
}
