/**
 * Read your writes through HTTP: a mutation returns the position it wrote; a request carrying it in
 * `x-min-position` is answered once the read models reached it, or gets READ_MODELS_BEHIND after a
 * bounded wait; the response cache never answers with an older position; and a mutation whose
 * read models cannot show it in time says it was recorded, never "success" with nothing to show.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RegisterNetwork } from '../../domain/network/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { allProjections } from '../../projections/index.js';
import type { App } from '../../src/app.js';
import { systemActor } from '../../src/auth/actor.js';
import { positionToString, type Position } from '../../src/eventStore/port.js';
import { appOn, tempDir } from '../projections/support.js';
import { NETWORK_NAMES, REGISTER, namesIn, projectionsFailingOn, registration, serve, type Served } from './support.js';

/** Appends a registration without waiting for the read models (as another replica would). */
async function recordElsewhere(app: App, name: string): Promise<Position> {
  const result = await app.commands.handle(
    networkDecider,
    { create: networkDecider.category },
    { type: 'RegisterNetwork', data: RegisterNetwork.parse(registration(name).input) },
    { actor: systemActor },
  );
  return result.position;
}

describe('consistency tokens', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function start(env: Record<string, string> = {}, projections = allProjections): Promise<{ app: App; http: Served }> {
    const dir = tempDir();
    const app = await appOn(dir.dir, env, { projections });
    const http = await serve(app);
    cleanups.push(dir.cleanup, () => app.close(), () => http.close());
    return { app, http };
  }

  it('returns the position a mutation wrote; sent back, it gets an answer that includes the write', async () => {
    const { app, http } = await start();
    const token = await http.token('secretariat');
    const written = await http.gql(REGISTER, { variables: registration('Token network'), token });
    const position = written.body.data!.registerNetwork.position as string;
    expect(position).toMatch(/^\d+\/\d+$/);
    expect(position).toBe(positionToString(app.projections.position));
    const read = await http.gql(NETWORK_NAMES, { headers: { 'x-min-position': position } });
    expect(namesIn(read)).toContain('Token network');
    expect(read.headers.get('x-projected-position')).toBe(position);
  });

  it('says the projected position on every answer of /graphql, refusals included, and on no other path', async () => {
    const { app, http } = await start();
    const position = positionToString(app.projections.position);
    const read = await http.gql(NETWORK_NAMES);
    const refused = await http.gql(NETWORK_NAMES, { headers: { authorization: 'Bearer not.a.token' } });
    const withQuery = await fetch(`${http.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(refused.status).toBe(401);
    for (const headers of [read.headers, refused.headers, withQuery.headers]) expect(headers.get('x-projected-position')).toBe(position);
    expect((await http.get('/health')).headers.get('x-projected-position')).toBeNull();
  });

  it('waits until the read models reach the position, then answers', async () => {
    const { app, http } = await start();
    await app.projections.stop();
    const position = await recordElsewhere(app, 'Late network');
    const pending = http.gql(NETWORK_NAMES, { headers: { 'x-min-position': positionToString(position) } });
    await new Promise((r) => setTimeout(r, 300));
    app.projections.start();
    const read = await pending;
    expect(read.status).toBe(200);
    expect(namesIn(read)).toContain('Late network');
    expect(read.ms).toBeGreaterThanOrEqual(250);
  });

  it('answers READ_MODELS_BEHIND (503, Retry-After) when they do not reach it in time', async () => {
    const { app, http } = await start({ CONSISTENCY_TIMEOUT_MS: '300' });
    await app.projections.stop();
    const position = positionToString(await recordElsewhere(app, 'Never projected here'));
    const read = await http.gql(NETWORK_NAMES, { headers: { 'x-min-position': position } });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('1');
    expect(read.body.errors?.[0]?.extensions).toMatchObject({ code: 'READ_MODELS_BEHIND', minPosition: position });
    expect(read.body.data).toBeUndefined();
    expect(read.ms).toBeGreaterThanOrEqual(280);
    expect(read.ms).toBeLessThan(5000);
  });

  it('refuses a malformed position with 400', async () => {
    const { http } = await start();
    const read = await http.gql(NETWORK_NAMES, { headers: { 'x-min-position': 'yesterday' } });
    expect(read.status).toBe(400);
    expect(read.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('never serves a cached answer older than the position asked for', async () => {
    const { app, http } = await start({ RESPONSE_CACHE: 'true' });
    await app.projections.stop();
    const position = await recordElsewhere(app, 'Cached too early');
    // Cached while the read models are behind...
    const early = await http.gql(NETWORK_NAMES);
    expect(namesIn(early)).not.toContain('Cached too early');
    expect(await http.gql(NETWORK_NAMES).then(namesIn)).toEqual(namesIn(early));
    // ...a request with the token waits for them, and is not answered from that entry.
    const pending = http.gql(NETWORK_NAMES, { headers: { 'x-min-position': positionToString(position) } });
    await new Promise((r) => setTimeout(r, 100));
    app.projections.start();
    expect(namesIn(await pending)).toContain('Cached too early');
  });

  it('never answers a conditional request 304 from an answer of an older position', async () => {
    const { http } = await start({ RESPONSE_CACHE: 'true' });
    const token = await http.token('secretariat');
    const first = await http.gql(NETWORK_NAMES, { token });
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await http.gql(REGISTER, { variables: registration('Written since'), token });
    const again = await http.gql(NETWORK_NAMES, { token, headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(200);
    expect(namesIn(again)).toContain('Written since');
  });

  it('answers RecordedNotYetReadable with its position when the read models cannot show the write, never success with null', async () => {
    const poisoned = projectionsFailingOn('Unreadable', new Error('read model refuses this row'));
    const { app, http } = await start({ CONSISTENCY_TIMEOUT_MS: '500' }, poisoned);
    const token = await http.token('secretariat');
    const answer = await http.gql(REGISTER, { variables: registration('Unreadable'), token });
    const result = answer.body.data!.registerNetwork;
    expect(result).toMatchObject({ __typename: 'RecordedNotYetReadable', code: 'RECORDED_NOT_YET_READABLE' });
    expect(result.position).toMatch(/^\d+\/\d+$/);
    expect(result.message).toMatch(/x-min-position/);
    // It was recorded: the event is in the log.
    const [recorded] = await app.store.readStream(`network-${result.aggregateId}`);
    expect(recorded).toMatchObject({ type: 'NetworkRegistered', data: { name: 'Unreadable' } });
  });
});
