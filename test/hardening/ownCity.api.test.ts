import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { expectRefused, mutate, useNetworkSetup } from '../support/api.js';

// Issue 13, item 6: a coordinator writes only for its own cities; only the system sets a meeting's origin.
describe("a coordinator's local-group workshop", () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  let workshopId: string;

  beforeAll(async () => {
    const workshop = await mutate(
      t,
      'scheduleMeeting',
      { networkId: n.networkId, kind: 'localGroupWorkshop', title: 'ULG Torino', hostCityId: 'torino-it', startDate: '2016-03-01', endDate: '2016-03-01' },
      n.torino,
    );
    expect(workshop.__typename, JSON.stringify(workshop)).toBe('ScheduleMeetingPayload');
    workshopId = workshop.aggregateId;
    expect((await mutate(t, 'markMeetingHeld', { meetingId: workshopId }, n.torino)).__typename).toBe('MarkMeetingHeldPayload');
  });

  it("does not let the host city's coordinator record attendance for another city", async () => {
    await expectRefused(t, 'recordAttendance', { meetingId: workshopId, attendees: [{ name: 'Anna', cityId: 'gdansk-pl' }] }, n.torino, 'ForbiddenError');
    await expectRefused(
      t,
      'recordAttendance',
      { meetingId: workshopId, attendees: [{ name: 'Marco', cityId: 'torino-it' }, { name: 'Anna', cityId: 'gdansk-pl' }] },
      n.torino,
      'ForbiddenError',
    );
  });

  it("does not let the host city's coordinator record a learning of another city", async () => {
    await expectRefused(t, 'recordLearning', { meetingId: workshopId, lesson: 'Impact funds need patience', cityId: 'gdansk-pl' }, n.torino, 'ForbiddenError');
  });

  it('lets it write for its own city, and the lead expert for any partner', async () => {
    expect((await mutate(t, 'recordAttendance', { meetingId: workshopId, attendees: [{ name: 'Marco', cityId: 'torino-it' }] }, n.torino)).__typename).toBe(
      'RecordAttendancePayload',
    );
    expect((await mutate(t, 'recordLearning', { meetingId: workshopId, lesson: 'Start small', cityId: 'torino-it' }, n.torino)).__typename).toBe(
      'RecordLearningPayload',
    );
    expect((await mutate(t, 'recordLearning', { meetingId: workshopId, lesson: 'Listen first', cityId: 'gdansk-pl' }, n.expert)).__typename).toBe(
      'RecordLearningPayload',
    );
  });

  it("takes no meeting origin from users: it is the system's", async () => {
    const res = await t.gql(
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { __typename } }`,
      {
        input: {
          networkId: n.networkId,
          kind: 'webinar',
          title: 'Webinar',
          startDate: '2016-04-01',
          endDate: '2016-04-01',
          origin: { kind: 'marketplaceMatch', id: 'forged' },
        },
      },
      n.expert,
    );
    expect(res.data?.scheduleMeeting ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/origin/);
    const inputType = await t.gql(`{ __type(name: "ScheduleMeetingInput") { inputFields { name } } }`);
    expect(inputType.data!.__type.inputFields.map((f: { name: string }) => f.name)).not.toContain('origin');
  });
});
