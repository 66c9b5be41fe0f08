import { stringify } from 'safe-stable-stringify';
import { z } from 'zod';
import { Contact, countryOfCity, LabelYear } from '../marketplace/values.js';
import type { Decider, MessagesOf } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, OptionalText, Text, Topics, Ulid } from '../shared/values.js';
import { PartnershipStatus, type PracticeEvent, type PracticeEventOf } from './events.js';

const PracticeTopics = Topics.refine((topics) => topics.length > 0, 'name at least one topic');

export const ProposePractice = z.object({
  cityId: CityId.describe('Stable city key, e.g. gdansk-pl; the country is read from it.'),
  cityName: Text(200),
  networkId: Ulid.nullish().transform((v) => v ?? null),
  title: Text(200),
  summary: Text(4000),
  topics: PracticeTopics,
  results: OptionalText(4000).default(''),
  contact: Contact,
});

export const RevisePractice = z
  .object({
    title: Text(200).optional(),
    summary: Text(4000).optional(),
    topics: PracticeTopics.optional(),
    results: OptionalText(4000).optional(),
    contact: Contact.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'change at least one field' });

export const AwardGoodPracticeLabel = z.object({ year: LabelYear });

export const SetPartnershipStatus = z.object({ status: PartnershipStatus });

export const WithdrawPractice = z.object({ reason: OptionalText(1000).default('') });

/** The practice's commands by type, as its events are: a command's data is what its schema parses. */
export const PracticeCommandSchemas = { ProposePractice, RevisePractice, AwardGoodPracticeLabel, SetPartnershipStatus, WithdrawPractice };

export type PracticeCommand = MessagesOf<typeof PracticeCommandSchemas>;

/** What the decider needs to know about a practice (and what offers snapshot from it). */
export interface PracticeState {
  readonly status: 'none' | 'proposed' | 'withdrawn';
  readonly cityId?: string;
  readonly cityName?: string;
  readonly country?: string;
  readonly title?: string;
  readonly summary?: string;
  readonly topics?: readonly string[];
  readonly results?: string;
  readonly contact?: PracticeEventOf<'PracticeProposed'>['data']['contact'];
  readonly partnership?: PartnershipStatus;
  /** Year of the URBACT Good Practice label, if awarded. */
  readonly labelYear?: number;
}

const initialState = (): PracticeState => ({ status: 'none' });

function requireActive(state: PracticeState, id = 'this practice'): void {
  if (state.status === 'none') throw new RuleViolationError('PRACTICE_NOT_FOUND', `There is no practice ${id}`);
  if (state.status === 'withdrawn') {
    throw new RuleViolationError('PRACTICE_WITHDRAWN', 'The practice was withdrawn from the catalogue: no more changes');
  }
}

const same = (a: unknown, b: unknown) => stringify(a) === stringify(b);

function decide(command: PracticeCommand, state: PracticeState): PracticeEvent[] {
  switch (command.type) {
    case 'ProposePractice': {
      if (state.status !== 'none') throw new RuleViolationError('PRACTICE_ALREADY_PROPOSED', 'This practice is already in the catalogue');
      const { cityId, ...rest } = command.data;
      return [
        {
          type: 'PracticeProposed',
          data: { cityId, country: countryOfCity(cityId), ...rest, status: 'lookingForPartners' },
        },
      ];
    }
    case 'RevisePractice': {
      requireActive(state);
      const changed: PracticeEventOf<'PracticeRevised'>['data'] = {};
      const d = command.data;
      if (d.title !== undefined && d.title !== state.title) changed.title = d.title;
      if (d.summary !== undefined && d.summary !== state.summary) changed.summary = d.summary;
      if (d.topics !== undefined && !same(d.topics, state.topics)) changed.topics = d.topics;
      if (d.results !== undefined && d.results !== state.results) changed.results = d.results;
      if (d.contact !== undefined && !same(d.contact, state.contact)) changed.contact = d.contact;
      return Object.keys(changed).length === 0 ? [] : [{ type: 'PracticeRevised', data: changed }];
    }
    case 'AwardGoodPracticeLabel':
      requireActive(state);
      if (state.labelYear !== undefined) {
        throw new RuleViolationError(
          'LABEL_ALREADY_AWARDED',
          `The practice already carries the URBACT Good Practice label (${state.labelYear})`,
        );
      }
      return [{ type: 'GoodPracticeLabelAwarded', data: command.data }];
    case 'SetPartnershipStatus':
      requireActive(state);
      return state.partnership === command.data.status ? [] : [{ type: 'PracticePartnershipStatusChanged', data: command.data }];
    case 'WithdrawPractice':
      requireActive(state);
      return [{ type: 'PracticeWithdrawn', data: command.data }];
  }
}

function evolve(state: PracticeState, event: PracticeEvent): PracticeState {
  switch (event.type) {
    case 'PracticeProposed': {
      const { status, networkId: _n, ...rest } = event.data;
      return { status: 'proposed', ...rest, partnership: status };
    }
    case 'PracticeRevised':
      return { ...state, ...event.data };
    case 'GoodPracticeLabelAwarded':
      return { ...state, labelYear: event.data.year };
    case 'PracticePartnershipStatusChanged':
      return { ...state, partnership: event.data.status };
    case 'PracticeWithdrawn':
      return { ...state, status: 'withdrawn' };
    default:
      return state;
  }
}

export const practiceDecider: Decider<PracticeCommand, PracticeEvent, PracticeState> = {
  category: 'practice',
  initialState,
  decide,
  evolve,
};
