import { centsToEuros } from '../../domain/actionPlan/money.js';
import { meetingParticipants, meetingsHeld, scopeOf, newcomerFigures, planFigures, practicesLabelled, practicesTransferred, type Scope } from '../outcomes/queries.js';
import { actionSummary, type OutcomeLine } from '../outcomes/report.js';
import type { ReadModelStore } from '../types.js';

/** A public funding figure is shown only when built from this many records … */
export const PUBLIC_MIN_RECORDS = 5;
/** … of this many cities at least, */
export const PUBLIC_MIN_CITIES = 3;
/** and rounded to this many cents (1,000 euros): no sum singles out a record. */
export const PUBLIC_ROUNDING_CENTS = 100_000;

/**
 * Funding mobilised per source over the whole programme, for anyone: sources with fewer than
 * PUBLIC_MIN_RECORDS records or PUBLIC_MIN_CITIES cities are left out, amounts are rounded, and
 * no record count is given.
 */
export function publicFunding(db: ReadModelStore): { source: string; cents: number }[] {
  return db
    .all<{ source: string; n: number; cities: number; cents: number }>(
      'SELECT source, COUNT(*) AS n, COUNT(DISTINCT city_id) AS cities, SUM(amount_cents) AS cents FROM outcome_funding GROUP BY source ORDER BY source',
    )
    .filter((row) => row.n >= PUBLIC_MIN_RECORDS && row.cities >= PUBLIC_MIN_CITIES)
    .map((row) => ({ source: row.source, cents: Math.round(row.cents / PUBLIC_ROUNDING_CENTS) * PUBLIC_ROUNDING_CENTS }));
}

/**
 * The public headline figures (GraphQL `publicOutcomes`) as report lines: totals only, never a
 * city's records. `figure` is the PublicOutcomes field; funding has one line per source.
 */
export function publicOutcomeReport(db: ReadModelStore): OutcomeLine[] {
  // Programme-wide only: filters (and moments) would let differences of figures isolate a record.
  const scope: Scope = scopeOf(db, {});
  const lines: OutcomeLine[] = [];
  const add = (figure: string, key: string, value: number | string | null, unit: OutcomeLine['unit'] = 'count', breakdown = 'total') =>
    lines.push({ figure, breakdown, key, value: value === null ? '' : String(value), unit });
  const actions = actionSummary(db, scope);
  add('plansEndorsed', 'all', planFigures(db, scope).endorsed);
  add('actions', 'all', actions.total);
  add('actionsImplemented', 'all', actions.implemented);
  add('implementationRate', 'all', actions.implementationRate, 'share');
  for (const source of publicFunding(db)) add('fundingMobilised', source.source, centsToEuros(BigInt(source.cents)), 'EUR', 'source');
  add('practicesLabelled', 'all', practicesLabelled(db, scope));
  add('practicesTransferred', 'all', practicesTransferred(db, scope));
  add('meetingsHeld', 'all', meetingsHeld(db, scope));
  add('participants', 'all', meetingParticipants(db, scope));
  add('newcomerCities', 'all', newcomerFigures(db, scope).cities);
  return lines;
}
