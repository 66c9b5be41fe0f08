import { dataSubjectDecider, EraseDataSubject } from '../../domain/dataSubject/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { defineUseCase } from './useCase.js';

/**
 * Erasure (GDPR art. 17): the key goes first, then the event that records it. Should the append
 * fail, the data is already unreadable and a retry records it; the other order could record an
 * erasure that did not happen. Returns once the read models no longer show the subject.
 */
export const eraseDataSubject = defineUseCase(dataSubjectDecider, 'eraseDataSubject', EraseDataSubject, async (ledger, { subjectId }, options) => {
  if (!ledger.personalData.isKnown(subjectId)) throw new NotFoundError('DataSubject', subjectId);
  ledger.personalData.destroyKey(subjectId, new Date().toISOString());
  const result = await ledger.execute(
    dataSubjectDecider,
    streamIdOf(dataSubjectDecider.category, subjectId),
    { type: 'EraseDataSubject', data: { subjectId } },
    options,
  );
  await ledger.personalData.settled();
  return result;
});
