import { describe, expect, it } from 'vitest';
import { ScheduleMeeting } from '../../domain/meeting/decider.js';
import { meetingDecider } from '../../domain/meeting/decider.js';
import type { MeetingEvent } from '../../domain/meeting/events.js';
import { torinoTransnationalMeeting } from '../support/boostInno.js';
import { deciderSpec, networkGuardScenarios } from '../support/deciderSpec.js';
import { closedNetwork, network, NETWORK_ID } from '../support/networkSnapshot.js';
import { expectScheduled } from './scheduling.js';

const spec = deciderSpec(meetingDecider);

/** The Torino meeting of the support fixtures, with its guiding question and no match behind it. */
const torinoMeeting = {
  ...torinoTransnationalMeeting,
  themes: [...torinoTransnationalMeeting.themes], // a mutable copy, as a parsed command holds
  guidingQuestions: ['How can a city act as a broker of social innovation?'],
  partnerCityIds: [],
  origin: null,
};
const scheduled: MeetingEvent = { type: 'MeetingScheduled', data: { networkId: NETWORK_ID, ...torinoMeeting } };
const held: MeetingEvent = { type: 'MeetingHeld', data: {} };
const cancelled: MeetingEvent = { type: 'MeetingCancelled', data: { reason: 'strike' } };

describe('meeting decider: scheduling', () => {
  it('schedules a meeting of the network', () => {
    spec.given([]).when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, network } }).then([scheduled]);
  });

  it('schedules a meeting of one of the network\'s thematic groups', () => {
    const withGroup = { ...network, thematicGroups: { tourism: { name: 'Tourism', theme: 'tourism', memberCities: ['torino-it'], description: '' } } };
    spec
      .given([])
      .when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, thematicGroupId: 'tourism', network: withGroup } })
      .then([{ type: 'MeetingScheduled', data: { networkId: NETWORK_ID, ...torinoMeeting, thematicGroupId: 'tourism' } }]);
  });

  it('refuses a meeting of a thematic group the network does not have', () => {
    spec.given([]).when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, thematicGroupId: 'tourism', network } }).thenFails('THEMATIC_GROUP_NOT_FOUND');
  });

  it('schedules a meeting with its title in the original language and a translation marked as such', () => {
    const italian = { ...torinoMeeting, title: 'Governance collaborativa e modelli valutativi' };
    spec
      .given([])
      .when({
        type: 'ScheduleMeeting',
        data: { ...italian, titleLanguage: 'it', titleTranslations: [{ text: 'Collaborative governance and evaluation models', language: 'en' }], network },
      })
      .then([
        {
          type: 'MeetingScheduled',
          data: {
            networkId: NETWORK_ID,
            ...italian,
            titleLanguage: 'it',
            titleTranslations: [{ text: 'Collaborative governance and evaluation models', language: 'en' }],
          },
        },
      ]);
  });

  it('refuses title translations without the language of the original', () => {
    spec
      .given([])
      .when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, titleTranslations: [{ text: 'Incontro', language: 'it' }], network } })
      .thenFails('ORIGINAL_LANGUAGE_MISSING');
  });

  it("refuses a title translation into the original's language", () => {
    spec
      .given([])
      .when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, titleLanguage: 'en', titleTranslations: [{ text: 'Meeting', language: 'en' }], network } })
      .thenFails('TRANSLATION_LANGUAGE_REPEATED');
  });

  it('accepts BCP 47 language tags in their canonical form and refuses others at the edge', () => {
    const parsed = ScheduleMeeting.parse({ ...torinoMeeting, titleLanguage: 'PT-br', titleTranslations: [{ text: 'x', language: 'EN' }] });
    expect([parsed.titleLanguage, parsed.titleTranslations]).toEqual(['pt-BR', [{ text: 'x', language: 'en' }]]);
    expect(ScheduleMeeting.safeParse({ ...torinoMeeting, titleLanguage: 'italian language' }).success).toBe(false);
  });

  it('schedules a meeting once', () => {
    spec.given([scheduled]).when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, network } }).thenFails('MEETING_ALREADY_SCHEDULED');
  });

  describe('a bilateral meeting from a marketplace match', () => {
    const bilateral = {
      ...torinoMeeting,
      kind: 'bilateralMeeting' as const,
      title: 'Impact funds: Torino and Gdansk',
      hostCityId: null,
      partnerCityIds: ['torino-it', 'gdansk-pl'],
      origin: { kind: 'marketplaceMatch', id: '01JMATCH00000000000000000' },
    };

    it('is scheduled between two partners', () => expectScheduled(bilateral));

    it('is refused with a city that is not a partner', () => {
      spec
        .given([])
        .when({ type: 'ScheduleMeeting', data: { ...bilateral, partnerCityIds: ['torino-it', 'lviv-ua'], network } })
        .thenFails('NOT_A_PARTNER');
    });
  });

  it('refuses a meeting starting before the network', () => {
    spec.given([]).when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, startDate: '2015-08-30', network } }).thenFails('OUTSIDE_NETWORK_DATES');
  });

  it('refuses a meeting ending after the network', () => {
    spec.given([]).when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, endDate: '2018-06-01', network } }).thenFails('OUTSIDE_NETWORK_DATES');
  });

  it('refuses a meeting of a closed network', () => {
    spec.given([]).when({ type: 'ScheduleMeeting', data: { ...torinoMeeting, network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });

  it('has a local group workshop held by a partner', () => {
    const workshop = { ...torinoMeeting, kind: 'localGroupWorkshop' as const, title: 'ULG workshop', hostCityId: 'lviv-ua' };
    spec.given([]).when({ type: 'ScheduleMeeting', data: { ...workshop, network } }).thenFails('NOT_A_PARTNER');
  });
});

describe('meeting input', () => {
  const issues = (input: object) => ScheduleMeeting.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

  it('wants the dates in order', () => {
    expect(issues({ ...torinoMeeting, endDate: '2016-02-16' })).toEqual(['endDate']);
  });

  it('wants a host where the kind needs one', () => {
    expect(issues({ ...torinoMeeting, hostCityId: null })).toEqual(['hostCityId']);
  });

  it('wants two partners for a bilateral meeting', () => {
    expect(issues({ ...torinoMeeting, kind: 'bilateralMeeting', partnerCityIds: ['torino-it'] })).toEqual(['partnerCityIds']);
  });

  it('takes an online meeting without host or themes', () => {
    expect(issues({ ...torinoMeeting, kind: 'webinar', hostCityId: null, themes: null })).toEqual([]);
  });
});

describe('meeting decider: rescheduling', () => {
  const to = { startDate: '2016-03-01', endDate: '2016-03-03', reason: 'venue' };

  it('reschedules within the network dates, recording the previous dates', () => {
    spec
      .given([scheduled])
      .when({ type: 'RescheduleMeeting', data: { ...to, network } })
      .then([{ type: 'MeetingRescheduled', data: { ...to, previousStartDate: '2016-02-17', previousEndDate: '2016-02-19' } }]);
  });

  it('treats the same dates as a no-op', () => {
    spec.given([scheduled]).when({ type: 'RescheduleMeeting', data: { startDate: '2016-02-17', endDate: '2016-02-19', reason: '', network } }).thenNothing();
  });

  it('refuses dates outside the network', () => {
    spec.given([scheduled]).when({ type: 'RescheduleMeeting', data: { ...to, endDate: '2019-01-01', network } }).thenFails('OUTSIDE_NETWORK_DATES');
  });

  it('refuses a meeting already held', () => {
    spec.given([scheduled, held]).when({ type: 'RescheduleMeeting', data: { ...to, network } }).thenFails('MEETING_ALREADY_HELD');
  });

  it('refuses a cancelled meeting', () => {
    spec.given([scheduled, cancelled]).when({ type: 'RescheduleMeeting', data: { ...to, network } }).thenFails('MEETING_CANCELLED');
  });

  it('refuses a meeting never scheduled', () => {
    spec.given([]).when({ type: 'RescheduleMeeting', data: { ...to, network } }).thenFails('MEETING_NOT_FOUND');
  });

  networkGuardScenarios(spec, 'a meeting', [scheduled], (snapshot) => ({ type: 'RescheduleMeeting' as const, data: { ...to, network: snapshot } }));
});

describe('meeting decider: cancelling', () => {
  it('cancels a scheduled meeting', () => {
    spec.given([scheduled]).when({ type: 'CancelMeeting', data: { reason: 'strike', network } }).then([cancelled]);
  });

  it('cancels a meeting once', () => {
    spec.given([scheduled, cancelled]).when({ type: 'CancelMeeting', data: { reason: '', network } }).thenFails('MEETING_CANCELLED');
  });

  it('refuses to cancel a meeting already held', () => {
    spec.given([scheduled, held]).when({ type: 'CancelMeeting', data: { reason: '', network } }).thenFails('MEETING_ALREADY_HELD');
  });

  it('refuses to cancel a meeting of a closed network', () => {
    spec.given([scheduled]).when({ type: 'CancelMeeting', data: { reason: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });
});

describe('meeting decider: marking held', () => {
  it('marks a meeting held', () => {
    spec.given([scheduled]).when({ type: 'MarkMeetingHeld', data: { network } }).then([held]);
  });

  it('treats marking it held again as a no-op', () => {
    spec.given([scheduled, held]).when({ type: 'MarkMeetingHeld', data: { network } }).thenNothing();
  });

  it('refuses a cancelled meeting', () => {
    spec.given([scheduled, cancelled]).when({ type: 'MarkMeetingHeld', data: { network } }).thenFails('MEETING_CANCELLED');
  });

  it('refuses a meeting of a closed network', () => {
    spec.given([scheduled]).when({ type: 'MarkMeetingHeld', data: { network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });
});

describe('meeting decider: attendance', () => {
  const anna = { name: 'Anna Kowalska', cityId: 'gdansk-pl' };
  const marco = { name: 'Marco Rossi', cityId: 'torino-it' };
  const attended: MeetingEvent = { type: 'AttendanceRecorded', data: { attendees: [anna] } };

  it('records the attendance of partners', () => {
    spec.given([scheduled, held]).when({ type: 'RecordAttendance', data: { attendees: [anna, marco], network } }).then([
      { type: 'AttendanceRecorded', data: { attendees: [anna, marco] } },
    ]);
  });

  it('records each person once, whatever the case of the name', () => {
    spec
      .given([scheduled, held, attended])
      .when({ type: 'RecordAttendance', data: { attendees: [{ ...anna, name: 'ANNA KOWALSKA' }, marco, marco], network } })
      .then([{ type: 'AttendanceRecorded', data: { attendees: [marco] } }]);
  });

  it('records nothing when everyone is already recorded', () => {
    spec.given([scheduled, held, attended]).when({ type: 'RecordAttendance', data: { attendees: [anna], network } }).thenNothing();
  });

  it('refuses attendance by a non-partner', () => {
    spec
      .given([scheduled, held])
      .when({ type: 'RecordAttendance', data: { attendees: [{ name: 'Aldo de Moor', cityId: 'amsterdam-nl' }], network } })
      .thenFails('NOT_A_PARTNER');
  });

  it('refuses attendance before the meeting is held', () => {
    spec.given([scheduled]).when({ type: 'RecordAttendance', data: { attendees: [anna], network } }).thenFails('MEETING_NOT_HELD');
  });

  it('refuses attendance at a cancelled meeting', () => {
    spec.given([scheduled, cancelled]).when({ type: 'RecordAttendance', data: { attendees: [anna], network } }).thenFails('MEETING_CANCELLED');
  });

  it('refuses attendance in a closed network', () => {
    spec.given([scheduled, held]).when({ type: 'RecordAttendance', data: { attendees: [anna], network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });
});

describe('meeting decider: learnings', () => {
  const learning = { lesson: 'A community network map shows the common ground of the network', theme: 'network mapping', cityId: 'torino-it' };
  const first: MeetingEvent = { type: 'LearningRecorded', data: { learningNumber: 1, ...learning } };

  it('records the first learning as number 1', () => {
    spec.given([scheduled, held]).when({ type: 'RecordLearning', data: { ...learning, network } }).then([first]);
  });

  it('numbers the next learning', () => {
    spec
      .given([scheduled, held, first])
      .when({ type: 'RecordLearning', data: { ...learning, theme: null, network } })
      .then([{ type: 'LearningRecorded', data: { ...learning, theme: null, learningNumber: 2 } }]);
  });

  it('refuses a learning of a non-partner', () => {
    spec.given([scheduled, held]).when({ type: 'RecordLearning', data: { ...learning, cityId: 'lviv-ua', network } }).thenFails('NOT_A_PARTNER');
  });

  it('refuses a learning before the meeting is held', () => {
    spec.given([scheduled]).when({ type: 'RecordLearning', data: { ...learning, network } }).thenFails('MEETING_NOT_HELD');
  });

  it('refuses a learning in a closed network', () => {
    spec.given([scheduled, held]).when({ type: 'RecordLearning', data: { ...learning, network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });
});

describe('meeting decider: describing', () => {
  const described: MeetingEvent = { type: 'MeetingDescribed', data: { description: 'Impact funds and social innovation', notes: '' } };

  it('records what a scheduled meeting is about', () => {
    spec
      .given([scheduled])
      .when({ type: 'DescribeMeeting', data: { description: 'Impact funds and social innovation', notes: '', network } })
      .then([described]);
  });

  it("records the network's notes on a held meeting", () => {
    spec
      .given([scheduled, held, described])
      .when({ type: 'DescribeMeeting', data: { description: 'Impact funds and social innovation', notes: 'Agreed a site visit in Gdansk', network } })
      .then([{ type: 'MeetingDescribed', data: { description: 'Impact funds and social innovation', notes: 'Agreed a site visit in Gdansk' } }]);
  });

  it('records nothing when nothing changes', () => {
    spec.given([scheduled, described]).when({ type: 'DescribeMeeting', data: { description: 'Impact funds and social innovation', notes: '', network } }).thenNothing();
  });

  it('refuses a cancelled meeting', () => {
    spec.given([scheduled, cancelled]).when({ type: 'DescribeMeeting', data: { description: 'x', notes: '', network } }).thenFails('MEETING_CANCELLED');
  });

  it('refuses a meeting never scheduled', () => {
    spec.given([]).when({ type: 'DescribeMeeting', data: { description: 'x', notes: '', network } }).thenFails('MEETING_NOT_FOUND');
  });

  it('refuses in a closed network', () => {
    spec.given([scheduled]).when({ type: 'DescribeMeeting', data: { description: 'x', notes: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });
});
