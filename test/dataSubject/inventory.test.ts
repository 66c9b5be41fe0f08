import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { person } from '../../domain/shared/personalData.js';
import { personalDataInventory, stringFields } from '../../src/personalData/inventory.js';

/**
 * The inventory of personal data is the marks in the event schemas. A string field whose name says
 * it may hold a person (a name, an organisation, an e-mail, a subject...) must be marked, or be on
 * the reviewed list below of fields that name no person (a city's name, a network's).
 */
const PERSON_SHAPED = /name|organi[sz]ation|email|phone|reviewer|contact|attendee|person|expert|coordinator|stakeholder|subject|owner|by$|actor|holder|participant|member|author/i;

const REVIEWED_NOT_PERSONAL = new Set([
  'ActionPlanDrafted cityName',
  'IndicatorDefined name',
  'CalendarFeedIssued owner.role',
  'CalendarFeedIssued owner.cityIds[]',
  'DataSubjectErased subjectId',
  'LocalGroupFormed name',
  'MarketplaceOfferPosted cityName',
  'MarketplaceNeedPosted cityName',
  'AttendanceRecorded attendees[].cityId',
  'MeetingScheduled externalHost.name',
  'NetworkRegistered name',
  'PartnerJoined name',
  'PeerReviewRequested hostCityName',
  'PeerReviewPeerInvited cityName',
  'PeerReviewRecommendationsRecorded recordedBy',
  'PracticeProposed cityName',
  'TransferStarted sourceCityName',
  'TransferStarted receivingCityName',
  'ThematicGroupDefined name', // the group's name, e.g. Tourism attraction
  'ThematicGroupDefined memberCities[]', // city ids
]);

function unmarkedPersonShaped(fields: ReturnType<typeof stringFields>): string[] {
  return fields
    .filter((field) => !field.personal && PERSON_SHAPED.test(field.path))
    .map((field) => `${field.eventType} ${field.path}`)
    .filter((field) => !REVIEWED_NOT_PERSONAL.has(field));
}

describe('the inventory of personal data', () => {
  it('marks every person-shaped string field of every event', () => {
    expect(unmarkedPersonShaped(stringFields())).toEqual([]);
  });

  it('finds an unmarked person-shaped field', () => {
    const Marked = person(z.object({ name: z.string(), email: z.string() }), { identifiedBy: ['email', 'name'], fields: ['name'] });
    const fields = stringFields({
      SomethingHappened: z.object({ organiserName: z.string(), title: z.string(), contact: Marked }),
    });
    expect(unmarkedPersonShaped(fields)).toEqual(['SomethingHappened organiserName', 'SomethingHappened contact.email']);
  });

  it('lists the marked places (the documentation names each)', () => {
    const places = personalDataInventory().map((entry) => `${entry.eventType} ${entry.path}`);
    for (const place of [
      'AttendanceRecorded attendees[].name',
      'LeadExpertAssigned name',
      'LeadExpertAssigned replaces',
      'StakeholderAdded name',
      'LocalGroupFormed coordinator.organisation',
      'PracticeProposed contact.email',
      'MarketplaceOfferPosted contact.name',
      'PeerReviewPeerInvited reviewer',
      'CalendarFeedIssued owner.subject',
    ]) {
      expect(places).toContain(place);
    }
  });
});
