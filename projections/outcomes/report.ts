import { centsToEuros } from '../../domain/actionPlan/money.js';
import type { ReadModelStore } from '../types.js';
import {
  actionCounts,
  fundingBySource,
  helixComposition,
  meetingFigures,
  needFigures,
  newcomerFigures,
  planFigures,
  practicesLabelled,
  transferFigures,
  practicesTransferred,
  type Scope,
} from './queries.js';

/** One figure of the outcome report, flat: what the CSV export writes, one line each. */
export interface OutcomeLine {
  figure: string;
  breakdown: string;
  key: string;
  value: string;
  unit: 'count' | 'share' | 'EUR';
}

/** A share as a decimal string with 4 digits, or empty when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export const phases = ['ideation', 'design', 'realisation'] as const;
export const statuses = ['planned', 'inProgress', 'implemented', 'abandoned'] as const;

export function actionSummary(db: ReadModelStore, scope: Scope) {
  const rows = actionCounts(db, scope);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const byStatus = statuses.map((status) => ({ status, count: rows.filter((r) => r.status === status).reduce((s, r) => s + r.count, 0) }));
  const byPhase = phases.map((phase) => ({ phase, count: rows.filter((r) => r.phase === phase).reduce((s, r) => s + r.count, 0) }));
  const implemented = byStatus.find((s) => s.status === 'implemented')!.count;
  return { rows, total, byStatus, byPhase, implemented, implementationRate: share(implemented, total) };
}

/** Every figure, for the CSV export and reports. Money in euros with two decimals, exact. */
export function outcomeReport(db: ReadModelStore, scope: Scope): OutcomeLine[] {
  const lines: OutcomeLine[] = [];
  const add = (figure: string, breakdown: string, key: string, value: number | bigint | string | null, unit: OutcomeLine['unit'] = 'count') =>
    lines.push({ figure, breakdown, key, value: value === null ? '' : String(value), unit });

  const plans = planFigures(db, scope);
  add('plans', 'total', 'drafted', plans.drafted);
  add('plans', 'total', 'endorsed', plans.endorsed);

  const actions = actionSummary(db, scope);
  add('actions', 'total', 'all', actions.total);
  add('actions', 'total', 'implementationRate', actions.implementationRate, 'share');
  for (const s of actions.byStatus) add('actions', 'status', s.status, s.count);
  for (const p of actions.byPhase) add('actions', 'phase', p.phase, p.count);
  for (const r of actions.rows) add('actions', 'phase/status', `${r.phase}/${r.status}`, r.count);

  const funding = fundingBySource(db, scope);
  const total = funding.reduce((sum, f) => sum + BigInt(f.cents), 0n);
  add('funding', 'total', 'all', centsToEuros(total), 'EUR');
  for (const f of funding) add('funding', 'source', f.source, centsToEuros(BigInt(f.cents)), 'EUR');

  const transfers = transferFigures(db, scope);
  add('transfers', 'total', 'started', transfers.started);
  add('transfers', 'total', 'completed', transfers.completed);
  add('transfers', 'total', 'abandoned', transfers.abandoned);
  for (const s of transfers.inProgressByStage) add('transfers', 'inProgressStage', s.stage, s.count);

  add('practices', 'total', 'labelled', practicesLabelled(db, scope));
  add('practices', 'total', 'transferred', practicesTransferred(db, scope));

  const needs = needFigures(db, scope);
  add('learningNeeds', 'total', 'raised', needs.raised);
  add('learningNeeds', 'total', 'addressed', needs.addressed);
  add('learningNeeds', 'total', 'addressedShare', share(needs.addressed, needs.raised), 'share');

  const meetings = meetingFigures(db, scope);
  add('meetings', 'total', 'held', meetings.held);
  add('meetings', 'total', 'participants', meetings.participants);
  for (const c of meetings.byCountry) add('meetings', 'participantsByCountry', c.country, c.participants);

  const newcomers = newcomerFigures(db, scope);
  add('newcomers', 'total', 'cities', newcomers.cities);
  for (const c of newcomers.byCountry) add('newcomers', 'country', c.country, c.cities);

  const helix = helixComposition(db, scope);
  const stakeholders = helix.reduce((sum, h) => sum + h.stakeholders, 0);
  add('localGroups', 'total', 'stakeholders', stakeholders);
  for (const h of helix) {
    add('localGroups', 'helix', h.helix, h.stakeholders);
    add('localGroups', 'helixShare', h.helix, share(h.stakeholders, stakeholders), 'share');
  }
  return lines;
}
