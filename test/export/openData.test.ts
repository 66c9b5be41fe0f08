import { readFileSync } from 'node:fs';
import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import { datasets } from '../../src/server/export/datasets.js';
import { renderDataDictionary } from '../../src/server/export/dictionary.js';
import { mutate, SET_UP_AT, setUpNetwork, type NetworkSetup } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

/** A small RFC 4180 reader (quoted cells, doubled quotes, CRLF), to check what a CSV tool would read. */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  const [header, ...records] = rows;
  return records.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

describe('open-data exports', () => {
  let t: TestApp;
  let n: NetworkSetup;
  let meetingId: string;
  const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const json = async (path: string, token?: string) => {
    const response = await get(path, token);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as { dataset: string; dictionary: string; fields: string[]; records: Record<string, unknown>[] };
  };
  const csv = async (path: string, token?: string) => {
    const response = await get(path, token);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return { text: await response.clone().text(), rows: readCsv(await response.text()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    n = await setUpNetwork(t);
    meetingId = (
      await mutate(
        t,
        'scheduleMeeting',
        { networkId: n.networkId, kind: 'transnationalMeeting', title: '=HYPERLINK("evil"), "quoted"', hostCityId: 'gdansk-pl', startDate: '2015-11-08', endDate: '2015-11-10', themes: ['Social innovation', 'Impact finance'] },
        n.expert,
      )
    ).aggregateId;
    await mutate(t, 'markMeetingHeld', { meetingId }, n.expert);
    await mutate(t, 'recordAttendance', { meetingId, attendees: [{ name: 'Marco Rossi', cityId: 'torino-it' }, { name: 'Anna Nowak', cityId: 'gdansk-pl' }] }, n.expert);
    const practice = { cityId: 'torino-it', cityName: 'Torino', networkId: n.networkId, summary: 'Pacts of collaboration.', topics: ['urban commons'], contact: { name: 'Ufficio Beni Comuni', email: 'beni.comuni@example.org', role: 'office' } };
    await mutate(t, 'proposePractice', { ...practice, title: 'Co-City' }, n.torino);
    const withdrawn = await mutate(t, 'proposePractice', { ...practice, title: 'Old practice' }, n.torino);
    await mutate(t, 'withdrawPractice', { practiceId: withdrawn.aggregateId, reason: 'replaced' }, n.torino);
    const plan = await mutate(t, 'draftActionPlan', { networkId: n.networkId, cityId: 'torino-it', title: 'Torino Social Impact', clusters: [{ key: 'finance', title: 'Finance' }] }, n.secretariat);
    await mutate(t, 'addPlanAction', { planId: plan.aggregateId, title: 'Social Impact Fund', clusterKey: 'finance', phase: 'design', budget: '1500000.50' }, n.secretariat);
  });
  afterAll(async () => t?.close());

  it('serve networks, partners, meetings and practices as CSV and JSON with the GraphQL names', async () => {
    const networks = await json('/export/networks.json');
    expect(networks.records).toEqual([
      { networkId: n.networkId, name: 'BoostInno', kind: 'actionPlanning', theme: 'Boosting social innovation', topics: ['social innovation'], startDate: '2015-09-01', endDate: '2018-05-31', status: 'open' },
    ]);
    expect(networks.dictionary).toBe(`${t.url}/export/datapackage.json`);
    const partners = await csv('/export/partners.csv');
    expect(partners.rows.map((p) => [p.cityId, p.role, p.active])).toEqual([
      ['torino-it', 'leadPartner', 'true'],
      ['barcelona-es', 'partner', 'true'],
      ['gdansk-pl', 'partner', 'true'],
    ]);
    const meetings = await csv('/export/meetings.csv');
    expect(meetings.rows).toHaveLength(1);
    expect(meetings.rows[0]).toMatchObject({ meetingId, hostCityId: 'gdansk-pl', themes: 'Social innovation; Impact finance', status: 'held', startDate: '2015-11-08' });
    const practices = await json('/export/practices.json');
    expect(practices.records.map((p) => p.title)).toEqual(['Co-City']);
    expect(practices.records[0]).toMatchObject({ cityId: 'torino-it', topics: ['urban commons'], labelled: false, labelYear: null });
  });

  it('give the public only public data: no attendance, no withdrawn practices, no contacts, no plans or outcome records', async () => {
    const meetings = await csv('/export/meetings.csv');
    expect(Object.keys(meetings.rows[0]!)).not.toContain('attendeeCount');
    const practices = await get('/export/practices.csv');
    const text = await practices.text();
    expect(text).not.toMatch(/Old practice|beni\.comuni|Ufficio/);
    expect(text.split('\r\n')[0]).not.toContain('withdrawn');
    expect(practices.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await get('/export/actions.csv')).status).toBe(401);
    expect((await get('/export/outcomes.json')).status).toBe(401);
    expect((await get('/export/actions.json', n.expert)).status).toBe(403);
    expect((await get('/export/outcomes.csv', n.torino)).status).toBe(403);
    const asCoordinator = await json('/export/meetings.json', n.torino);
    expect(asCoordinator.fields).not.toContain('attendeeCount');
    const dictionary = (await (await get('/export/datapackage.json')).json()) as { resources: { name: string; schema: { fields: { name: string }[] } }[] };
    expect(dictionary.resources.map((r) => r.name).sort()).toEqual(['meetings', 'networks', 'partners', 'practices', 'publicoutcomes']);
    expect(JSON.stringify(dictionary)).not.toContain('attendeeCount');
  });

  it('give the secretariat every dataset and field', async () => {
    const meetings = await json('/export/meetings.json', n.secretariat);
    expect(meetings.records[0]).toMatchObject({ attendeeCount: 2, attendingCityCount: 2 });
    const practices = await json('/export/practices.json', n.secretariat);
    expect(practices.records.map((p) => [p.title, p.withdrawn])).toEqual([['Co-City', false], ['Old practice', true]]);
    expect(JSON.stringify(practices)).not.toContain('beni.comuni');
    const actions = await csv('/export/actions.csv', n.secretariat);
    expect(actions.rows).toEqual([expect.objectContaining({ title: 'Social Impact Fund', cityId: 'torino-it', phase: 'design', status: 'planned', budget: '1500000.50', securedFunding: '0.00' })]);
    const response = await get('/export/actions.json', n.secretariat);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(((await response.json()) as { records: { budget: unknown }[] }).records[0]!.budget).toBe('1500000.50');
    const dictionary = (await (await get('/export/datapackage.json', n.secretariat)).json()) as { resources: { name: string }[] };
    expect(dictionary.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['actions', 'outcomes']));
  });

  it('export public headline outcomes to anyone and every outcome figure to the secretariat', async () => {
    const headline = await csv('/export/publicOutcomes.csv');
    expect(headline.rows).toEqual(expect.arrayContaining([{ figure: 'meetingsHeld', breakdown: 'total', key: 'all', value: '1', unit: 'count' }]));
    expect(headline.rows.map((r) => r.figure)).not.toContain('localGroups');
    const all = await json('/export/outcomes.json', n.secretariat);
    expect(all.records).toEqual(expect.arrayContaining([{ figure: 'actions', breakdown: 'total', key: 'all', value: '1', unit: 'count' }]));
  });

  it('keep CSV cells intact for CSV readers and inert in spreadsheets', async () => {
    const { text, rows } = await csv('/export/meetings.csv');
    expect(text).toContain(`"'=HYPERLINK(""evil""), ""quoted"""`);
    expect(rows[0]!.title).toBe(`'=HYPERLINK("evil"), "quoted"`);
    const exact = await json('/export/meetings.json');
    expect(exact.records[0]!.title).toBe('=HYPERLINK("evil"), "quoted"');
  });

  it('answer as of a moment, and refuse bad parameters and unknown exports', async () => {
    const past = await json('/export/networks.json?asOf=2015-01-01T00:00:00Z');
    expect(past.records).toEqual([]);
    const bad = await get('/export/meetings.csv?asOf=yesterday');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('INVALID_INPUT');
    expect((await get('/export/people.csv')).status).toBe(404);
    expect((await get('/export/networks.xml')).status).toBe(404);
    expect((await get('/export/networks.csv', 'forged')).status).toBe(401);
  });

  it('read a date-only asOf as the end of that day in UTC, like the GraphQL asOf', async () => {
    const day = SET_UP_AT.slice(0, 10);
    const byDate = await csv(`/export/networks.csv?asOf=${day}`);
    const byEndOfDay = await csv(`/export/networks.csv?asOf=${day}T23:59:59.999Z`);
    expect(byDate.rows.length).toBeGreaterThan(0);
    expect(byDate.text).toBe(byEndOfDay.text);
  });

  it('read a date-only asOf in the outcomes export too, as the end of that day in UTC', async () => {
    const day = SET_UP_AT.slice(0, 10);
    const byDate = await csv(`/export/outcomes.csv?asOf=${day}`, n.secretariat);
    const byEndOfDay = await csv(`/export/outcomes.csv?asOf=${day}T23:59:59.999Z`, n.secretariat);
    expect(byDate.rows.length).toBeGreaterThan(0);
    expect(byDate.text).toBe(byEndOfDay.text);
  });

  it('refuse an asOf that is neither a date nor a date-time with a clear message, writing nothing', async () => {
    const before = await t.app.store.headPosition();
    const bad = await get('/export/networks.csv?asOf=2016-13-45');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { code: string; issues: { path: string[]; message: string }[] };
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.issues).toEqual([
      { path: ['asOf'], message: 'must be a date (YYYY-MM-DD: the end of that day in UTC) or an ISO 8601 date-time' },
    ]);
    expect(await t.app.store.headPosition()).toEqual(before);
  });
});

describe('the data dictionary', () => {
  it('names every field as the GraphQL API does', () => {
    const schema = buildSchema();
    const missing: string[] = [];
    for (const dataset of datasets) {
      for (const field of dataset.fields) {
        if (!field.graphql) continue;
        const [typeName, fieldName] = field.graphql.split('.') as [string, string];
        const type = schema.getType(typeName);
        const graphqlField = type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
        if (!graphqlField) missing.push(`${dataset.name}.${field.name}: ${field.graphql} does not exist`);
        else if (fieldName !== field.name) missing.push(`${dataset.name}.${field.name} is called ${fieldName} in GraphQL`);
        else if (field.type === 'decimal' && getNamedType(graphqlField.type).name === 'Int') missing.push(`${dataset.name}.${field.name}: an Int in GraphQL`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes every field with a type and a meaning, and marks no field of a secretariat dataset public', () => {
    for (const dataset of datasets) {
      expect(dataset.fields.length, dataset.name).toBeGreaterThan(0);
      for (const field of dataset.fields) expect(field.description.length, `${dataset.name}.${field.name}`).toBeGreaterThan(5);
    }
  });

  it('is written to docs/open-data.md (regenerate it with `npm run data-dictionary`)', () => {
    expect(readFileSync('docs/open-data.md', 'utf8'), 'docs/open-data.md is out of date: run `npm run data-dictionary`').toBe(renderDataDictionary());
  });
});
