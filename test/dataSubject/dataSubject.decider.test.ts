import { describe, it } from 'vitest';
import { dataSubjectDecider } from '../../domain/dataSubject/decider.js';
import type { DataSubjectEvent } from '../../domain/dataSubject/events.js';
import { deciderSpec } from '../support/deciderSpec.js';

const spec = deciderSpec(dataSubjectDecider);
const subjectId = 'ds01J9Z3X6Q8B2T5W7Y4N1M0K3PD';
const erased: DataSubjectEvent = { type: 'DataSubjectErased', data: { subjectId } };

describe('data subject decider', () => {
  it('records an erasure, naming the subject only', () => {
    spec.given([]).when({ type: 'EraseDataSubject', data: { subjectId } }).then([erased]);
  });
  it('records nothing when the subject was erased already', () => {
    spec.given([erased]).when({ type: 'EraseDataSubject', data: { subjectId } }).then([]);
  });
});
