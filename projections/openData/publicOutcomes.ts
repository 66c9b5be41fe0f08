import { centsToEuros } from '../../domain/actionPlan/money.js';
import { fundingBySource, meetingFigures, newcomerFigures, planFigures, practicesLabelled, transferFigures, type Scope } from '../outcomes/queries.js';
import { actionSummary, type OutcomeLine } from '../outcomes/report.js';
import type { ReadModelStore } from '../types.js';

/**
 * The public headline figures (GraphQL `publicOutcomes`) as report lines: totals only, never a
 * city's records. `figure` is the PublicOutcomes field; funding has one line per source.
 */
export function publicOutcomeReport(db: ReadModelStore, scope: Scope): OutcomeLine[] {
  const lines: OutcomeLine[] = [];
  const add = (figure: string, key: string, value: number | string | null, unit: OutcomeLine['unit'] = 'count', breakdown = 'total') =>
    lines.push({ figure, breakdown, key, value: value === null ? '' : String(value), unit });
  const actions = actionSummary(db, scope);
  const transfers = transferFigures(db, scope);
  const meetings = meetingFigures(db, scope);
  add('plansEndorsed', 'all', planFigures(db, scope).endorsed);
  add('actions', 'all', actions.total);
  add('actionsImplemented', 'all', actions.implemented);
  add('implementationRate', 'all', actions.implementationRate, 'share');
  for (const source of fundingBySource(db, scope)) add('fundingMobilised', source.source, centsToEuros(BigInt(source.cents)), 'EUR', 'source');
  add('practicesLabelled', 'all', practicesLabelled(db, scope));
  add('practicesTransferred', 'all', transfers.practicesTransferred);
  add('meetingsHeld', 'all', meetings.held);
  add('participants', 'all', meetings.participants);
  add('newcomerCities', 'all', newcomerFigures(db, scope).cities);
  return lines;
}
