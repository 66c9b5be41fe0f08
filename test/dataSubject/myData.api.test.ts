import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import { expectForbidden, given, mutate, query, setUpNetwork, type NetworkSetup } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

/**
 * Access and portability: `myData` returns every record of the signed-in person (found by the
 * token's subject and name) and nothing of anyone else; the secretariat asks the same of any subject.
 */

let t: TestApp;
let setup: NetworkSetup;
let peter: string;
let anna: string;

const MY_DATA = `{ myData { subjectIds erasedSubjectIds records { streamId eventType occurredAt fields { field value subjectId } } } }`;

beforeAll(async () => {
  t = await startTestApp();
  setup = await setUpNetwork(t);
  const secret = t.app.config.jwtSecret;
  peter = await mintToken({ subject: 'expert:boostinno', role: 'leadExpert', name: 'Peter Wolkowinski', cityIds: [] }, secret, '1h');
  anna = await mintToken({ subject: 'coordinator:anna', role: 'cityCoordinator', name: 'Anna Kowalska', cityIds: ['torino-it'] }, secret, '1h');
  await given(t, [
    {
      streamId: 'meeting-01J9Z3X6Q8B2T5W7Y4N1M0K3PD',
      events: [
        {
          type: 'AttendanceRecorded',
          data: { attendees: [{ name: 'Peter Wolkowinski', cityId: 'gdansk-pl' }, { name: 'Anna Kowalska', cityId: 'torino-it' }] },
        },
      ],
    },
  ]);
  const issued = await mutate(t, 'issueCalendarFeed', { scope: 'person', label: 'Phone' }, peter);
  expect(issued.__typename).toBe('IssueCalendarFeedPayload');
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('myData', () => {
  it("returns every record of the signed-in person: their assignment, their attendance, their feed and what they did", async () => {
    const { myData } = await query(t, MY_DATA, {}, peter);
    expect(myData.subjectIds).toHaveLength(1);
    expect(myData.erasedSubjectIds).toEqual([]);
    const byType = Object.fromEntries(
      myData.records.map((r: { eventType: string; fields: { field: string; value: string }[] }) => [
        r.eventType,
        r.fields.map((f) => `${f.field}=${f.value}`).sort(),
      ]),
    );
    expect(byType).toEqual({
      LeadExpertAssigned: ['name=Peter Wolkowinski', 'subject=expert:boostinno'],
      AttendanceRecorded: ['name=Peter Wolkowinski'],
      CalendarFeedIssued: ['actor=expert:boostinno', 'person=expert:boostinno'],
    });
    for (const record of myData.records) for (const field of record.fields) expect(field.subjectId).toBe(myData.subjectIds[0]);
  });

  it('returns nothing of anyone else', async () => {
    const mine = await query(t, MY_DATA, {}, peter);
    expect(JSON.stringify(mine)).not.toContain('Anna');
    const hers = await query(t, MY_DATA, {}, anna);
    expect(hers.myData.records).toHaveLength(1);
    expect(hers.myData.records[0].fields).toEqual([{ field: 'name', value: 'Anna Kowalska', subjectId: hers.myData.subjectIds[0] }]);
    expect(JSON.stringify(hers)).not.toContain('Wolkowinski');
  });

  it('is empty for someone the ledger holds nothing about', async () => {
    const { myData } = await query(t, MY_DATA, {}, setup.lviv);
    expect(myData).toEqual({ subjectIds: [], erasedSubjectIds: [], records: [] });
  });

  it('needs a signed-in person', async () => {
    expectForbidden(await t.gql(MY_DATA), 'myData');
  });
});

describe('the secretariat', () => {
  it('finds a data subject and reads what is held about them', async () => {
    const { dataSubjects } = await query(t, `{ dataSubjects(name: "peter  wolkowinski") }`, {}, setup.secretariat);
    const { myData } = await query(t, MY_DATA, {}, peter);
    expect(dataSubjects).toEqual(myData.subjectIds);
    const { personalData } = await query(
      t,
      `query($id: ID!) { personalData(subjectId: $id) { records { eventType fields { field value subjectId } } } }`,
      { id: dataSubjects[0] },
      setup.secretariat,
    );
    expect(personalData.records).toHaveLength(myData.records.length);
  });

  it('alone may', async () => {
    expectForbidden(await t.gql(`{ dataSubjects(name: "Peter Wolkowinski") }`, {}, setup.torino), 'dataSubjects');
    expectForbidden(await t.gql(`query { personalData(subjectId: "ds01J9Z3X6Q8B2T5W7Y4N1M0K3PD") { subjectIds } }`, {}, peter), 'personalData');
    const erase = await t.gql(
      `mutation { eraseDataSubject(input: { subjectId: "ds01J9Z3X6Q8B2T5W7Y4N1M0K3PD" }) { __typename ... on Error { message } } }`,
      {},
      peter,
    );
    expect(erase.data?.eraseDataSubject.__typename).toBe('ForbiddenError');
  });
});
