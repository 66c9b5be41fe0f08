import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, type SeedReport } from '../../seed/load/index.js';
import { datasets } from '../../src/server/export/datasets.js';
import { allEvents, startLoggedApp, textWithoutPersonalData, type LoggedApp } from './support.js';

/**
 * Erasure, end to end, on the demo data: two data subjects (the BoostInno lead expert, also a meeting
 * attendee; a person recorded as attendee, coordinator and contact) are erased through the API; then every read path is
 * searched for what was held about them: GraphQL with and without `asOf` (a moment before the
 * erasure), the CSV and JSON exports, the calendar feeds, server-sent events, the read models
 * rebuilt from the log, the response cache, and the server's log lines. None is found; the
 * counts and totals are those of before.
 */

let t: LoggedApp;
let report: SeedReport;
let secretariat: string;
let subjects: { label: string; subjectId: string }[] = [];
let erasedValues: string[] = [];
let beforeErasure: string;
let countsBefore: unknown;
let answersBefore: string;
let headWhenSubscribed: bigint;
const sse: { label: string; text: string[]; close: () => void }[] = [];

const NETWORK_QUERIES = [
  `query($id: ID!, $asOf: DateTime) { network(id: $id, asOf: $asOf) { name leadExpert { subject name } partners { cityId name } } }`,
  `query($id: ID!, $asOf: DateTime) { meetings(networkId: $id, first: 40, asOf: $asOf) { nodes { title attendeeCount attendance(first: 20) { nodes { name cityId } } } } }`,
  `query($id: ID!, $asOf: DateTime) { localGroups(networkId: $id, asOf: $asOf) { name coordinator { name organisation } stakeholders(first: 30, includeRemoved: true) { nodes { name role } } } }`,
  `query($id: ID!, $asOf: DateTime) { goodPractices(networkId: $id, first: 50, asOf: $asOf, includeWithdrawn: true) { nodes { title contact { name email role } } } }`,
];

const COUNTS_QUERY = `query($asOf: DateTime) { outcomes(asOf: $asOf) {
  meetings { held participants participantsByCountry { country participants } }
  localGroups { stakeholders }
} }`;

async function networkAnswers(asOf?: string): Promise<string> {
  const answers: string[] = [];
  for (const id of Object.values(report.networkIds)) {
    for (const query of NETWORK_QUERIES) {
      const answer = await t.gql(query, { id, asOf }, secretariat);
      expect(answer.errors, answer.text).toBeUndefined();
      answers.push(answer.text);
    }
  }
  return answers.join('\n');
}

async function counts(asOf?: string) {
  const answer = await t.gql(COUNTS_QUERY, { asOf }, secretariat);
  expect(answer.errors, answer.text).toBeUndefined();
  const attendees: number[] = [];
  for (const id of Object.values(report.networkIds)) {
    const meetings = await t.gql(`query($id: ID!) { meetings(networkId: $id, first: 100) { nodes { attendeeCount } } }`, { id }, secretariat);
    attendees.push(...meetings.data.meetings.nodes.map((m: { attendeeCount: number | null }) => m.attendeeCount ?? 0));
  }
  const groups: number[] = [];
  for (const id of Object.values(report.networkIds)) {
    const answer = await t.gql(`query($id: ID!) { localGroups(networkId: $id) { stakeholders(first: 100) { nodes { stakeholderId } } } }`, { id }, secretariat);
    groups.push(...answer.data.localGroups.map((g: { stakeholders: { nodes: unknown[] } }) => g.stakeholders.nodes.length));
  }
  return { outcomes: answer.data.outcomes, attendees, groups };
}

async function exportsText(): Promise<string> {
  const texts: string[] = [];
  for (const dataset of datasets) {
    for (const format of ['csv', 'json']) {
      const response = await t.get(`/export/${dataset.name}.${format}`, secretariat);
      expect(response.status, `${dataset.name}.${format}`).toBe(200);
      texts.push(response.text);
      const past = await t.get(`/export/${dataset.name}.${format}?asOf=${encodeURIComponent(beforeErasure)}`, secretariat);
      texts.push(past.text);
    }
  }
  return texts.join('\n');
}

async function calendarsText(): Promise<string> {
  const texts: string[] = [];
  for (const id of Object.values(report.networkIds)) texts.push((await t.get(`/calendar/networks/${id}.ics`)).text);
  const issued = await t.gql(
    `mutation { issueCalendarFeed(input: { scope: person }) { ... on IssueCalendarFeedPayload { calendarFeed { url } } } }`,
    {},
    secretariat,
  );
  const url = new URL(issued.data.issueCalendarFeed.calendarFeed.url);
  texts.push((await t.get(url.pathname)).text);
  return texts.join('\n');
}

function openSse(label: string, query: string) {
  const controller = new AbortController();
  const text: string[] = [];
  void fetch(`${t.server.url}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${secretariat}` },
    body: JSON.stringify({ query }),
  })
    .then(async (response) => {
      const decoder = new TextDecoder();
      const reader = response.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text.push(decoder.decode(value, { stream: true }));
      }
    })
    .catch(() => {});
  sse.push({ label, text, close: () => controller.abort() });
}

function found(haystack: string): string[] {
  return erasedValues.filter((value) => haystack.includes(value) || haystack.includes(JSON.stringify(value).slice(1, -1)));
}

async function mutate(mutation: string, input: Record<string, unknown>) {
  const answer = await t.gql(`mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { __typename ... on Error { message } } }`, { input }, secretariat);
  expect(answer.data?.[mutation]?.__typename, answer.text).toMatch(/Payload$/);
}

/**
 * The demo names one person (the lead expert); these add people the way partners record them: at a
 * meeting (with the lead expert), as a local group's coordinator and stakeholder, as a contact.
 */
async function recordPeople() {
  const boostinno = report.networkIds.boostinno!;
  const meetings = await t.gql(`query($id: ID!) { meetings(networkId: $id, first: 100) { nodes { meetingId status } } }`, { id: boostinno }, secretariat);
  const held = meetings.data.meetings.nodes.find((m: { status: string }) => m.status === 'held');
  await mutate('recordAttendance', {
    meetingId: held.meetingId,
    attendees: [
      { name: 'Anna Kowalska', cityId: 'gdansk-pl' },
      { name: 'Marco Bianchi', cityId: 'torino-it' },
      { name: 'Peter Wolkowinski', cityId: 'gdansk-pl' },
    ],
  });
  const groups = await t.gql(`query($id: ID!) { localGroups(networkId: $id) { localGroupId } }`, { id: boostinno }, secretariat);
  const group = groups.data.localGroups[0].localGroupId;
  await mutate('changeLocalGroupCoordinator', { localGroupId: group, coordinator: { name: 'Anna Kowalska', organisation: 'Fundacja Kowalskich' } });
  await mutate('addStakeholder', { localGroupId: group, name: 'Marco Bianchi', helix: 'civilSociety', role: 'Resident' });
  const practices = await t.gql(`query($id: ID!) { goodPractices(networkId: $id, first: 1) { nodes { practiceId } } }`, { id: boostinno }, secretariat);
  await mutate('revisePractice', {
    practiceId: practices.data.goodPractices.nodes[0].practiceId,
    contact: { name: 'Anna Kowalska', email: 'anna.kowalska@example.eu', role: 'Project officer' },
  });
}

beforeAll(async () => {
  t = await startLoggedApp();
  secretariat = await t.token({ role: 'secretariat', subject: 'secretariat:dpo' });
  report = await loadDemoData(t.app);
  await recordPeople();
  const events = await allEvents(t.app);
  const otherText = textWithoutPersonalData(events);
  for (const [label, name] of Object.entries({ 'lead expert': 'Peter Wolkowinski', 'attendee and coordinator': 'Anna Kowalska' })) {
    const answer = await t.gql(`query($name: String) { dataSubjects(name: $name) }`, { name }, secretariat);
    expect(answer.data.dataSubjects, `${label} ${name}`).toHaveLength(1);
    const subjectId = answer.data.dataSubjects[0] as string;
    subjects.push({ label, subjectId });
    const held = await t.gql(`query($id: ID!) { personalData(subjectId: $id) { records { fields { value } } } }`, { id: subjectId }, secretariat);
    for (const record of held.data.personalData.records) {
      for (const { value } of record.fields) if (value.length >= 5 && !otherText.includes(value)) erasedValues.push(value);
    }
  }
  erasedValues = [...new Set([...erasedValues, 'Wolkowinski'])];

  answersBefore = await networkAnswers();
  countsBefore = await counts();
  await new Promise((resolve) => setTimeout(resolve, 5));
  beforeErasure = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  headWhenSubscribed = (await t.app.store.headPosition()).commit;
  openSse('ledger', 'subscription { ledger { headPosition projectedPosition } }');

  for (const { subjectId } of subjects) {
    const erased = await t.gql(
      `mutation($id: String!) { eraseDataSubject(input: { subjectId: $id }) { __typename ... on EraseDataSubjectPayload { aggregateId } ... on Error { message } } }`,
      { id: subjectId },
      secretariat,
    );
    expect(erased.data?.eraseDataSubject.__typename, erased.text).toBe('EraseDataSubjectPayload');
  }
}, 600_000);

afterAll(async () => {
  for (const stream of sse) stream.close();
  await t?.close();
});

describe('erasing data subjects', () => {
  it('found what the ledger held about each of them before', () => {
    expect(subjects).toHaveLength(2);
    expect(erasedValues).toEqual(expect.arrayContaining(['Peter Wolkowinski', 'Anna Kowalska', 'anna.kowalska@example.eu', 'Fundacja Kowalskich']));
    expect(found(answersBefore)).toContain('Peter Wolkowinski');
  });

  it('records each erasure in the log without the data', async () => {
    const erasures = (await allEvents(t.app)).filter((event) => event.type === 'DataSubjectErased');
    expect(erasures.map((event) => (event.data as { subjectId: string }).subjectId).sort()).toEqual(subjects.map((s) => s.subjectId).sort());
    expect(found(JSON.stringify(erasures.map(({ data, metadata }) => ({ data, metadata }))))).toEqual([]);
  });

  it('leaves none of their values in GraphQL answers (the response cache included), now and as of before the erasure', async () => {
    const now = await networkAnswers();
    expect(found(now)).toEqual([]);
    expect(now).toMatch(/"name":"\[erased [0-9A-Z]{8}\]"/);
    expect(now).toContain('Marco Bianchi');
    expect(found(await networkAnswers(beforeErasure))).toEqual([]);
  });

  it('leaves none in the exports, now and as of before the erasure', async () => {
    expect(found(await exportsText())).toEqual([]);
  });

  it('leaves none in the calendar feeds, public and private', async () => {
    expect(found(await calendarsText())).toEqual([]);
  });

  it('keeps the counts and totals', async () => {
    expect(await counts()).toEqual(countsBefore);
    expect(await counts(beforeErasure)).toEqual(countsBefore);
  });

  it('leaves none in the read models rebuilt from the log', async () => {
    await t.app.projections.rebuild();
    await t.app.projections.waitFor(await t.app.store.headPosition());
    expect(found(await networkAnswers())).toEqual([]);
    expect(await counts()).toEqual(countsBefore);
  });

  it('sends none over server-sent events, and replays nothing to subscribers', async () => {
    const text = sse.map((stream) => stream.text.join('')).join('\n');
    expect(text).toContain('headPosition');
    expect(found(text)).toEqual([]);
    // One message per batch of new events at most: the replays of the rebuilds are not sent again.
    const appendedSince = (await allEvents(t.app)).filter((event) => event.position.commit > headWhenSubscribed).length;
    const messages = text.split('event: next').length - 1;
    expect(messages).toBeGreaterThanOrEqual(1);
    expect(messages).toBeLessThanOrEqual(appendedSince);
  });

  it('writes none to the server log', () => {
    expect(t.logLines.length).toBeGreaterThan(10);
    expect(found(t.logLines.join('\n'))).toEqual([]);
  });

  it('finds them no more by what identified them; their records read as placeholders', async () => {
    const search = await t.gql(`{ dataSubjects(name: "Peter Wolkowinski") }`, {}, secretariat);
    expect(search.data.dataSubjects).toEqual([]);
    const held = await t.gql(
      `query($id: ID!) { personalData(subjectId: $id) { erasedSubjectIds records { fields { value } } } }`,
      { id: subjects[0]!.subjectId },
      secretariat,
    );
    expect(held.data.personalData.erasedSubjectIds).toEqual([subjects[0]!.subjectId]);
    expect(held.data.personalData.records.length).toBeGreaterThan(0);
    expect(found(held.text)).toEqual([]);
  });
});
