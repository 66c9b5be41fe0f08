import { lastDayOfMonth } from '../../domain/shared/values.js';
import { transferStages, type TransferStage } from '../../domain/transfer/events.js';
import { pageOf, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import { ALL, kindKey, runningTable } from './totals.js';
import type { OutcomeAttendanceRow, OutcomeMeetingRow, OutcomeNeedRow, OutcomePracticeRow, OutcomeStakeholderRow } from './exchange.js';
import type { OutcomePartnerRow } from './networks.js';
import type { OutcomeActionRow, OutcomeFundingRow, OutcomePlanRow } from './plans.js';
import { TRANSFER_TOTALS, type OutcomeTransferRow } from './transfers.js';

/**
 * Programme-wide outcomes. Every figure is a function of the read models and a filter:
 * - kind and theme select networks (theme: a word of the theme, or one of its topics);
 * - country selects the partner the record belongs to (the plan's city, the receiving city of
 *   a transfer, a participant's city...);
 * - from/to (inclusive dates) select records by their own date, documented per figure.
 * Without from/to, plan, action and funding figures come from pre-aggregated totals.
 */
export interface OutcomeFilter {
  /** One network. */
  networkId?: string | null;
  kind?: string | null;
  theme?: string | null;
  country?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface Scope {
  /** Null: all networks; else a JSON array of network ids (for fact rows). */
  readonly networkIds: string | null;
  /** The kind and theme filters (totals are kept per kind; a theme needs the network ids). */
  readonly kind: string | null;
  readonly theme: string | null;
  /** Networks are selected one by one (a theme or a network): totals per network, never per kind. */
  readonly byNetwork: boolean;
  readonly country: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** Count from the fact rows only, never the totals (tests compare both ways). */
  readonly factsOnly?: boolean;
}

export function scopeOf(db: ReadModelStore, filter: OutcomeFilter): Scope {
  let networkIds: string | null = null;
  if (filter.kind || filter.theme || filter.networkId) {
    const clause = new Where();
    if (filter.networkId) clause.add('id = ?', filter.networkId);
    if (filter.kind) clause.add('kind = ?', filter.kind);
    if (filter.theme) clause.add(`instr(search, ?) > 0`, filter.theme.trim().toLowerCase());
    const ids = db.all<{ id: string }>(`SELECT id FROM outcome_networks ${clause}`, clause.params).map((r) => r.id);
    networkIds = JSON.stringify(ids);
  }
  return {
    networkIds,
    kind: filter.kind ?? null,
    theme: filter.theme ? filter.theme.trim().toLowerCase() : null,
    byNetwork: Boolean(filter.theme || filter.networkId),
    country: filter.country ? filter.country.toUpperCase() : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
  };
}

/** The WHERE clause of a scope over a table's network, country and date columns. */
function where(
  scope: Scope,
  columns: { network?: string | null; country?: string | null; date?: string | null },
  extra: [string, ...unknown[]][] = [],
): Where {
  const clause = new Where();
  if (scope.networkIds !== null && columns.network) clause.add(`${columns.network} IN (SELECT value FROM json_each(?))`, scope.networkIds);
  if (scope.country && columns.country) clause.add(`${columns.country} = ?`, scope.country);
  if (columns.date && scope.from) clause.add(`${columns.date} >= ?`, scope.from);
  if (columns.date && scope.to) clause.add(`${columns.date} <= ?`, scope.to);
  for (const [sql, ...values] of extra) clause.add(sql, ...values);
  return clause;
}

const dated = (scope: Scope) => scope.from !== null || scope.to !== null;

/** A row of pre-aggregated totals, or of fact rows counted the same way. */
interface Counted {
  country: string;
  k1: string;
  k2: string;
  n: number;
  cents: number;
}

/**
 * Fact rows of `table` counted as totals rows for a scope: `k1`, `k2` and `cents` are SQL
 * expressions of a row, `groupBy` the columns they come from, `date` the column periods filter on.
 */
function factsOf(db: ReadModelStore, table: string, date: string, keys: { k1: string; k2: string; cents: string; groupBy: string }) {
  return (sc: Scope) => {
    const w = where(sc, { network: 'network_id', country: 'country', date });
    return db.all<Counted>(
      `SELECT '' AS country, ${keys.k1} AS k1, ${keys.k2} AS k2, COUNT(*) AS n, ${keys.cents} AS cents FROM ${table} ${w} GROUP BY ${keys.groupBy}`,
      w.params,
    );
  };
}

/** 'scope': one sum per key, for the scope's country (or all); 'each': one sum per country. */
type CountryMode = 'scope' | 'each';

/**
 * The WHERE terms choosing a totals table's counters for a scope (its networks, its country or each
 * country), and the columns a sum is selected and grouped by; `t` is the alias of the totals table.
 */
function countersOf(scope: Scope, mode: CountryMode, t: string) {
  const parts = [`${t}.figure = ?`];
  const params: unknown[] = [];
  if (scope.byNetwork) {
    parts.push(`${t}.network_id IN (SELECT value FROM json_each(?))`);
    params.push(scope.networkIds ?? '[]');
  } else {
    parts.push(`${t}.network_id = ?`);
    params.push(scope.kind ? kindKey(scope.kind) : ALL);
  }
  if (mode === 'each') {
    parts.push(scope.country ? `${t}.country = ?` : `${t}.country <> '*'`);
    if (scope.country) params.push(scope.country);
  } else {
    parts.push(`${t}.country = ?`);
    params.push(scope.country ?? ALL);
  }
  const select = mode === 'each' ? `${t}.country AS country, '' AS k1, '' AS k2` : `'' AS country, ${t}.k1 AS k1, ${t}.k2 AS k2`;
  const group = mode === 'each' ? `${t}.country` : `${t}.k1, ${t}.k2`;
  return { parts, params, select, group };
}

/** Sums totals rows (see totals.ts) of the scope's networks and country, all months or a range of months. */
function sumTotals(db: ReadModelStore, table: string, figure: string, scope: Scope, mode: CountryMode, months: { from: string; to: string } | null): Counted[] {
  const { parts, params, select, group } = countersOf(scope, mode, 't');
  if (months) {
    parts.push(`t.month >= ? AND t.month <= ? AND t.month <> '*'`);
    params.push(months.from, months.to);
  } else {
    parts.push(`t.month = '*'`);
  }
  return db.all<Counted>(`SELECT ${select}, SUM(t.n) AS n, SUM(t.cents) AS cents FROM ${table} t WHERE ${parts.join(' AND ')} GROUP BY ${group}`, [figure, ...params]);
}

const monthOf = (date: string) => date.slice(0, 7);
function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The read models as of a moment (src/readModels/history.ts): the world time and ledger position they read at. */
interface AtMoment {
  readonly worldTime: string;
  readonly stamp: number;
}

/**
 * The day whose running totals answer a scope read as of a moment, if they do: a period ending on
 * day D read at the end of D (every as-of answer), or no period read as the world stands now at a
 * past ledger position (knownAt alone). Otherwise undefined.
 */
function runningDayOf(db: ReadModelStore, scope: Scope): string | undefined {
  if (!('worldTime' in db) || !('stamp' in db) || scope.from !== null || scope.factsOnly) return undefined;
  const { worldTime } = db as unknown as AtMoment;
  if (scope.to !== null) return worldTime === `${scope.to}T23:59:59.999Z` ? scope.to : undefined;
  return worldTime >= '9999-12-31' ? '9999-12-31' : undefined;
}

/**
 * Counts from running totals (see runningTable): each counter of the scope (its keys from the live
 * totals, which keep every counter ever bumped) read at one row, its latest at or before the day and
 * the ledger position.
 */
function runningTotals(db: ReadModelStore, table: string, figure: string, scope: Scope, mode: CountryMode, day: string): Counted[] {
  const { stamp } = db as unknown as AtMoment;
  const { parts, params, select, group } = countersOf(scope, mode, 't');
  parts.push(`t.month = '*'`);
  // Each counter's latest row joined by its key, found by one seek: a scalar subquery per column
  // (n, cents), repeated by the filter on it once flattened, made four seeks per counter.
  const latest = `(SELECT x.day, x.stamp FROM ${runningTable(table)} x WHERE x.figure = t.figure AND x.network_id = t.network_id AND x.country = t.country
       AND x.k1 = t.k1 AND x.k2 = t.k2 AND x.day <= ? AND x.stamp <= ? ORDER BY x.day DESC, x.stamp DESC LIMIT 1)`;
  return db.all<Counted>(
    `SELECT ${select}, SUM(r.n) AS n, SUM(r.cents) AS cents FROM main."${table}" t
     JOIN ${runningTable(table)} r ON r.figure = t.figure AND r.network_id = t.network_id AND r.country = t.country AND r.k1 = t.k1 AND r.k2 = t.k2
       AND (r.day, r.stamp) = ${latest}
     WHERE ${parts.join(' AND ')} GROUP BY ${group}`,
    [day, stamp, figure, ...params],
  );
}

/**
 * A figure's counts for a scope: from running totals as of a moment (runningDayOf), else at a moment from
 * the fact rows; from the totals without a period; with one, whole months from
 * the monthly totals and the partial months at either end from the fact rows (`facts`), so that a
 * period of any length costs about the same. A theme filter has no totals per month: fact rows.
 */
function counted(db: ReadModelStore, table: string, figure: string, scope: Scope, mode: CountryMode, facts: (scope: Scope) => Counted[]): Counted[] {
  if (scope.factsOnly) return facts(scope);
  const runningDay = runningDayOf(db, scope);
  if (runningDay !== undefined) return runningTotals(db, table, figure, scope, mode, runningDay);
  // The counters keep no history (src/readModels/history.ts): at any other moment, the fact rows.
  if ('worldTime' in db) return facts(scope);
  if (!dated(scope)) return sumTotals(db, table, figure, scope, mode, null);
  if (scope.byNetwork) return facts(scope);
  const firstFull = scope.from ? (scope.from.endsWith('-01') ? monthOf(scope.from) : addMonths(monthOf(scope.from), 1)) : '0000-01';
  const lastFull = scope.to ? (scope.to === lastDayOfMonth(scope.to) ? monthOf(scope.to) : addMonths(monthOf(scope.to), -1)) : '9999-12';
  if (firstFull > lastFull) return facts(scope);
  const rows = [...sumTotals(db, table, figure, scope, mode, { from: firstFull, to: lastFull })];
  if (scope.from && monthOf(scope.from) < firstFull) rows.push(...facts({ ...scope, to: lastDayOfMonth(scope.from) }));
  if (scope.to && monthOf(scope.to) > lastFull) rows.push(...facts({ ...scope, from: `${monthOf(scope.to)}-01` }));
  const merged = new Map<string, Counted>();
  for (const row of rows) {
    const key = `${row.country}\u0000${row.k1}\u0000${row.k2}`;
    const into = merged.get(key);
    if (into) {
      into.n += row.n;
      into.cents += row.cents;
    } else merged.set(key, { ...row });
  }
  return [...merged.values()];
}

const sortBy = <T>(rows: T[], key: (row: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

// ---------------------------------------------------------------- plans

/** Plans drafted (by the day drafted) and endorsed (by the endorsement date). */
export function planFigures(db: ReadModelStore, scope: Scope): { drafted: number; endorsed: number } {
  const facts = (sc: Scope): Counted[] =>
    (['drafted', 'endorsed'] as const).map((k1) => {
      const w = where(sc, { network: 'network_id', country: 'country', date: k1 === 'drafted' ? 'drafted_on' : 'endorsed_on' }, k1 === 'endorsed' ? [['endorsed_on IS NOT NULL']] : []);
      return { country: '', k1, k2: '', n: db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outcome_plans ${w}`, w.params)!.n, cents: 0 };
    });
  const rows = counted(db, 'outcome_plan_totals', 'plans', scope, 'scope', facts);
  return { drafted: rows.find((r) => r.k1 === 'drafted')?.n ?? 0, endorsed: rows.find((r) => r.k1 === 'endorsed')?.n ?? 0 };
}

export function planRecords(db: ReadModelStore, scope: Scope, endorsed: boolean, limit: number, offset: number): OutcomePlanRow[] {
  const w = where(scope, { network: 'network_id', country: 'country', date: endorsed ? 'endorsed_on' : 'drafted_on' }, endorsed ? [['endorsed_on IS NOT NULL']] : []);
  return pageOf<OutcomePlanRow>(db, 'outcome_plans', w, `${endorsed ? 'endorsed_on' : 'drafted_on'}, plan_id`, limit, offset);
}

// ---------------------------------------------------------------- actions

export interface PhaseStatusCount {
  phase: string;
  status: string;
  count: number;
}

/** Actions by phase and current status; with a period, those whose current status dates from it. */
export function actionCounts(db: ReadModelStore, scope: Scope): PhaseStatusCount[] {
  const facts = factsOf(db, 'outcome_actions', 'status_date', { k1: 'phase', k2: 'status', cents: '0', groupBy: 'phase, status' });
  const rows = counted(db, 'outcome_plan_totals', 'actions', scope, 'scope', facts).filter((r) => r.n !== 0);
  return sortBy(
    rows.map((r) => ({ phase: r.k1, status: r.k2, count: r.n })),
    (r) => `${r.phase}/${r.status}`,
  );
}

export function actionRecords(
  db: ReadModelStore,
  scope: Scope,
  slice: { phase?: string | null; status?: string | null; addedAfterEndorsement?: boolean | null },
  limit: number,
  offset: number,
): OutcomeActionRow[] {
  const extra: [string, ...unknown[]][] = [];
  if (slice.phase) extra.push(['phase = ?', slice.phase]);
  if (slice.status) extra.push(['status = ?', slice.status]);
  if (slice.addedAfterEndorsement != null) extra.push(['after_endorsement = ?', slice.addedAfterEndorsement ? 1 : 0]);
  const w = where(scope, { network: 'network_id', country: 'country', date: 'status_date' }, extra);
  return pageOf<OutcomeActionRow>(db, 'outcome_actions', w, 'status_date, action_id', limit, offset);
}

// ---------------------------------------------------------------- funding

export interface SourceAmount {
  source: string;
  cents: number;
  count: number;
}

/** Funding secured by source (integer cents); with a period, by the date it was secured. */
export function fundingBySource(db: ReadModelStore, scope: Scope): SourceAmount[] {
  const facts = factsOf(db, 'outcome_funding', 'date', { k1: 'source', k2: "''", cents: 'SUM(amount_cents)', groupBy: 'source' });
  const rows = counted(db, 'outcome_plan_totals', 'funding', scope, 'scope', facts).filter((r) => r.n !== 0);
  return sortBy(
    rows.map((r) => ({ source: r.k1, cents: r.cents, count: r.n })),
    (r) => r.source,
  );
}

export interface ClassAmount {
  key: string;
  cents: number;
  count: number;
}

/**
 * Funding secured by fund (ERDF, whatever the channel: UIA money counts as ERDF) or by channel (the
 * programme it came through; records without one are left out), from the records themselves.
 */
export function fundingByClass(db: ReadModelStore, scope: Scope, by: 'fund' | 'channel'): ClassAmount[] {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'date' }, by === 'channel' ? [['channel IS NOT NULL']] : []);
  return db.all<ClassAmount>(
    `SELECT ${by} AS key, SUM(amount_cents) AS cents, COUNT(*) AS count FROM outcome_funding ${w} GROUP BY ${by} ORDER BY ${by}`,
    w.params,
  );
}

export function fundingRecords(db: ReadModelStore, scope: Scope, source: string | null | undefined, limit: number, offset: number): OutcomeFundingRow[] {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'date' }, source ? [['source = ?', source]] : []);
  return pageOf<OutcomeFundingRow>(db, 'outcome_funding', w, 'date, funding_id', limit, offset);
}

// ---------------------------------------------------------------- transfers and practices

export interface TransferFigures {
  started: number;
  completed: number;
  abandoned: number;
  inProgressByStage: { stage: string; count: number }[];
}

/** Started by start date, completed and abandoned by end date; in progress: current stage (by start date). */
export function transferFigures(db: ReadModelStore, scope: Scope): TransferFigures {
  const facts = (sc: Scope): Counted[] => {
    const cols = { network: 'network_id', country: 'country' };
    const byStart = where(sc, { ...cols, date: 'started_on' });
    const ended = where(sc, { ...cols, date: 'ended_on' }, [[`status <> 'inProgress'`]]);
    const inProgress = where(sc, { ...cols, date: 'started_on' }, [[`status = 'inProgress'`]]);
    return db.all<Counted>(
      `SELECT '' AS country, 'started' AS k1, '' AS k2, COUNT(*) AS n, 0 AS cents FROM outcome_transfers ${byStart}
       UNION ALL SELECT '', status, '', COUNT(*), 0 FROM outcome_transfers ${ended} GROUP BY status
       UNION ALL SELECT '', 'inProgress', stage, COUNT(*), 0 FROM outcome_transfers ${inProgress} GROUP BY stage`,
      [...byStart.params, ...ended.params, ...inProgress.params],
    );
  };
  const rows = counted(db, TRANSFER_TOTALS, 'transfers', scope, 'scope', facts).filter((r) => r.n !== 0);
  const count = (k1: string) => rows.find((r) => r.k1 === k1)?.n ?? 0;
  return {
    started: count('started'),
    completed: count('completed'),
    abandoned: count('abandoned'),
    inProgressByStage: rows
      .filter((r) => r.k1 === 'inProgress')
      .map((r) => ({ stage: r.k2, count: r.n }))
      .sort((a, b) => transferStages.indexOf(a.stage as TransferStage) - transferStages.indexOf(b.stage as TransferStage)),
  };
}

/**
 * Distinct good practices with at least one transfer completed (by its end date), from the fact
 * rows: a distinct count does not add up across counters, and the index on status and end date
 * reads only the completed transfers.
 */
export function practicesTransferred(db: ReadModelStore, scope: Scope): number {
  const completed = where(scope, { network: 'network_id', country: 'country', date: 'ended_on' }, [[`status = 'completed'`]]);
  return db.get<{ n: number }>(`SELECT COUNT(DISTINCT practice_key) AS n FROM outcome_transfers ${completed}`, completed.params)!.n;
}

export function transferRecords(
  db: ReadModelStore,
  scope: Scope,
  slice: { status?: string | null; stage?: string | null },
  limit: number,
  offset: number,
): OutcomeTransferRow[] {
  const extra: [string, ...unknown[]][] = [];
  if (slice.status) extra.push(['status = ?', slice.status]);
  if (slice.stage) extra.push(['stage = ?', slice.stage]);
  const date = slice.status === 'completed' || slice.status === 'abandoned' ? 'ended_on' : 'started_on';
  const w = where(scope, { network: 'network_id', country: 'country', date }, extra);
  return pageOf<OutcomeTransferRow>(db, 'outcome_transfers', w, `${date}, transfer_id`, limit, offset);
}

/** Practices awarded the URBACT Good Practice label (by the day it was recorded), not withdrawn. */
export function practicesLabelled(db: ReadModelStore, scope: Scope): number {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'labelled_on' }, [['labelled_on IS NOT NULL AND withdrawn = 0']]);
  return db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outcome_practices ${w}`, w.params)!.n;
}

export function labelledRecords(db: ReadModelStore, scope: Scope, limit: number, offset: number): OutcomePracticeRow[] {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'labelled_on' }, [['labelled_on IS NOT NULL AND withdrawn = 0']]);
  return pageOf<OutcomePracticeRow>(db, 'outcome_practices', w, 'labelled_on, practice_id', limit, offset);
}

// ---------------------------------------------------------------- learning needs

/** Needs raised (by the day raised, withdrawn ones left out) and how many were addressed. */
export function needFigures(db: ReadModelStore, scope: Scope): { raised: number; addressed: number } {
  const facts = (sc: Scope): Counted[] => {
    const w = where(sc, { network: 'network_id', country: 'country', date: 'raised_on' }, [[`status <> 'withdrawn'`]]);
    const row = db.get<{ raised: number; addressed: number | null }>(
      `SELECT COUNT(*) AS raised, SUM(addressed_on IS NOT NULL) AS addressed FROM outcome_needs ${w}`,
      w.params,
    )!;
    return [
      { country: '', k1: 'raised', k2: '', n: row.raised, cents: 0 },
      { country: '', k1: 'addressed', k2: '', n: row.addressed ?? 0, cents: 0 },
    ];
  };
  const rows = counted(db, 'outcome_need_totals', 'needs', scope, 'scope', facts);
  return { raised: rows.find((r) => r.k1 === 'raised')?.n ?? 0, addressed: rows.find((r) => r.k1 === 'addressed')?.n ?? 0 };
}

export function needRecords(db: ReadModelStore, scope: Scope, addressed: boolean | null | undefined, limit: number, offset: number): OutcomeNeedRow[] {
  const extra: [string, ...unknown[]][] = [[`status <> 'withdrawn'`]];
  if (addressed != null) extra.push([addressed ? 'addressed_on IS NOT NULL' : 'addressed_on IS NULL']);
  const w = where(scope, { network: 'network_id', country: 'country', date: 'raised_on' }, extra);
  return pageOf<OutcomeNeedRow>(db, 'outcome_needs', w, 'raised_on, need_id', limit, offset);
}

// ---------------------------------------------------------------- meetings

/**
 * Meetings held (by start date) and their participants by the country of the city they came
 * for. With a country, the meetings someone from that country attended. Each figure reads its own
 * counters, so a question that does not ask for the breakdown by country reads none per country.
 */
export function meetingFigures(db: ReadModelStore, scope: Scope): { held: number; participants: number; byCountry: CountryParticipants[] } {
  return { held: meetingsHeld(db, scope), participants: meetingParticipants(db, scope), byCountry: participantsByCountry(db, scope) };
}

export interface CountryParticipants {
  country: string;
  participants: number;
  meetings: number;
}

const MEETING_TOTALS = 'outcome_meeting_totals';

/** Attendance rows of held meetings counted as totals rows: `select` is what each counts, `mode` as in countersOf. */
function attendanceFacts(db: ReadModelStore, select: string, mode: CountryMode) {
  return (sc: Scope): Counted[] => {
    const w = where(sc, { network: 'network_id', country: 'country', date: 'start_date' }, [['held = 1']]);
    return mode === 'each'
      ? db.all<Counted>(`SELECT country, '' AS k1, '' AS k2, ${select} AS n, 0 AS cents FROM outcome_attendance ${w} GROUP BY country`, w.params)
      : db.all<Counted>(`SELECT '' AS country, '' AS k1, '' AS k2, coalesce(${select}, 0) AS n, 0 AS cents FROM outcome_attendance ${w}`, w.params);
  };
}

/** Meetings held; with a country, those someone from it attended (one attendance row per meeting and country). */
export function meetingsHeld(db: ReadModelStore, scope: Scope): number {
  const rows = scope.country
    ? counted(db, MEETING_TOTALS, 'attended', scope, 'scope', attendanceFacts(db, 'COUNT(*)', 'scope'))
    : counted(db, MEETING_TOTALS, 'held', scope, 'scope', (sc) => {
        const w = where(sc, { network: 'network_id', date: 'start_date' }, [[`status = 'held'`]]);
        return [{ country: '', k1: '', k2: '', n: db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outcome_meetings ${w}`, w.params)!.n, cents: 0 }];
      });
  return rows[0]?.n ?? 0;
}

/** Everyone who attended a held meeting, from the scope's country or all of them (one counter). */
export function meetingParticipants(db: ReadModelStore, scope: Scope): number {
  return counted(db, MEETING_TOTALS, 'participants', scope, 'scope', attendanceFacts(db, 'SUM(participants)', 'scope'))[0]?.n ?? 0;
}

/** Participants and meetings attended by country (with a country: that one only). */
export function participantsByCountry(db: ReadModelStore, scope: Scope): CountryParticipants[] {
  const participants = counted(db, MEETING_TOTALS, 'participants', scope, 'each', attendanceFacts(db, 'SUM(participants)', 'each'));
  const attended = new Map(counted(db, MEETING_TOTALS, 'attended', scope, 'each', attendanceFacts(db, 'COUNT(*)', 'each')).map((r) => [r.country, r.n]));
  return sortBy(
    participants.filter((r) => r.n !== 0).map((r) => ({ country: r.country, participants: r.n, meetings: attended.get(r.country) ?? 0 })),
    (r) => r.country,
  );
}

export function meetingRecords(db: ReadModelStore, scope: Scope, limit: number, offset: number): OutcomeMeetingRow[] {
  const w = where(scope, { network: 'network_id', date: 'start_date' }, [
    [`status = 'held'`],
    ...(scope.country
      ? ([[`EXISTS (SELECT 1 FROM outcome_attendance a WHERE a.meeting_id = outcome_meetings.meeting_id AND a.country = ?)`, scope.country]] as [
          string,
          ...unknown[],
        ][])
      : []),
  ]);
  return pageOf<OutcomeMeetingRow>(db, 'outcome_meetings', w, 'start_date, meeting_id', limit, offset);
}

export function attendanceRecords(db: ReadModelStore, scope: Scope, limit: number, offset: number): OutcomeAttendanceRow[] {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'start_date' }, [['held = 1']]);
  return pageOf<OutcomeAttendanceRow>(db, 'outcome_attendance', w, 'start_date, meeting_id, country', limit, offset);
}

// ---------------------------------------------------------------- newcomers

/** Newcomer cities (new to the programme) by the day they joined a network; a city counts once. */
export function newcomerFigures(db: ReadModelStore, scope: Scope): { cities: number; byCountry: { country: string; cities: number }[] } {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'joined_on' }, [['newcomer = 1']]);
  const byCountry = db.all<{ country: string; cities: number }>(
    `SELECT country, COUNT(DISTINCT city_id) AS cities FROM outcome_partners ${w} GROUP BY country ORDER BY country`,
    w.params,
  );
  return { cities: byCountry.reduce((sum, r) => sum + r.cities, 0), byCountry };
}

export function newcomerRecords(db: ReadModelStore, scope: Scope, limit: number, offset: number): OutcomePartnerRow[] {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'joined_on' }, [['newcomer = 1']]);
  return pageOf<OutcomePartnerRow>(db, 'outcome_partners', w, 'joined_on, city_id, network_id', limit, offset);
}

// ---------------------------------------------------------------- local groups

/** Current stakeholders of local groups by helix (with a period: added in it). */
export function helixComposition(db: ReadModelStore, scope: Scope): { helix: string; stakeholders: number; planned: number }[] {
  const facts = factsOf(db, 'outcome_stakeholders', 'added_on', { k1: 'helix', k2: 'CAST(planned AS TEXT)', cents: '0', groupBy: 'helix, planned' });
  const byHelix = new Map<string, { helix: string; stakeholders: number; planned: number }>();
  for (const r of counted(db, 'outcome_local_group_totals', 'stakeholders', scope, 'scope', facts)) {
    const entry = byHelix.get(r.k1) ?? { helix: r.k1, stakeholders: 0, planned: 0 };
    entry.stakeholders += r.n;
    if (r.k2 === '1') entry.planned += r.n;
    byHelix.set(r.k1, entry);
  }
  return sortBy([...byHelix.values()].filter((h) => h.stakeholders !== 0), (h) => h.helix);
}

export function stakeholderRecords(db: ReadModelStore, scope: Scope, helix: string | null | undefined, limit: number, offset: number): OutcomeStakeholderRow[] {
  const w = where(scope, { network: 'network_id', country: 'country', date: 'added_on' }, helix ? [['helix = ?', helix]] : []);
  return pageOf<OutcomeStakeholderRow>(db, 'outcome_stakeholders', w, 'added_on, group_id, stakeholder_id', limit, offset);
}
