/**
 * Malformed input is an application error (src/commands/errors.ts), not a GraphQL class: use cases
 * throw it, and the API answers it as the typed InputValidationError it always was.
 */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import { scheduleMeeting } from '../../src/application/meeting.js';
import { ValidationError } from '../../src/commands/errors.js';
import { expectRefused, useNetworkSetup } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

describe('invalid input', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);

  it('is an application error when a use case refuses it', async () => {
    const refused = scheduleMeeting(t.app, n.networkId, { kind: 'bilateralMeeting', title: 'x', startDate: '2016-05-10', endDate: '2016-05-09' }, { actor: systemActor });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Validation error: endDate: endDate must not be before startDate, partnerCityIds: a bilateral meeting is between two partners',
      issues: [
        { path: ['endDate'], message: 'endDate must not be before startDate' },
        { path: ['partnerCityIds'], message: 'a bilateral meeting is between two partners' },
      ],
    });
  });

  it('answers through the API as the typed InputValidationError, its code, message and issues unchanged', async () => {
    const input = { networkId: n.networkId, kind: 'bilateralMeeting', title: 'x', startDate: '2016-05-10', endDate: '2016-05-09', partnerCityIds: ['torino-it'] };
    const answer = await expectRefused(t, 'scheduleMeeting', input, n.expert, 'InputValidationError');
    expect(answer).toEqual({
      __typename: 'InputValidationError',
      code: 'INVALID_INPUT',
      message: 'Validation error: input.endDate: endDate must not be before startDate, input.partnerCityIds: a bilateral meeting is between two partners',
      issues: [
        { path: ['input', 'endDate'], message: 'endDate must not be before startDate' },
        { path: ['input', 'partnerCityIds'], message: 'a bilateral meeting is between two partners' },
      ],
    });
  });
});
