import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { type DataSubjectEvent, DataSubjectId } from './events.js';

export const EraseDataSubject = z.object({
  subjectId: DataSubjectId.describe('The data subject to erase (from dataSubjects or personalData).'),
});

export type DataSubjectCommand = { type: 'EraseDataSubject'; data: z.output<typeof EraseDataSubject> };

export interface DataSubjectState {
  readonly erased: boolean;
}

const initialState = (): DataSubjectState => ({ erased: false });

function decide(command: DataSubjectCommand, state: DataSubjectState): DataSubjectEvent[] {
  switch (command.type) {
    case 'EraseDataSubject':
      // Erasing again records nothing new: the key is already gone.
      return state.erased ? [] : [{ type: 'DataSubjectErased', data: { subjectId: command.data.subjectId } }];
  }
}

function evolve(state: DataSubjectState, event: DataSubjectEvent): DataSubjectState {
  switch (event.type) {
    case 'DataSubjectErased':
      return { ...state, erased: true };
  }
}

/** A data subject's stream records its erasure; its stream id is `dataSubject-<subjectId>`. */
export const dataSubjectDecider: Decider<DataSubjectCommand, DataSubjectEvent, DataSubjectState> = {
  category: 'dataSubject',
  initialState,
  evolve,
  decide,
};
