import type { TransferEvent } from '../../domain/transfer/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { column, defineTable, type RowOf } from '../table.js';
import { dataOf, projection } from '../types.js';

export const transfersTable = defineTable(
  'transfers',
  {
    id: column.key(),
    network_id: column.text(),
    network_kind: column.text(),
    practice_id: column.textOrNull(),
    practice_title: column.text(),
    source_city_id: column.text(),
    source_city_name: column.text(),
    source_country: column.text(),
    receiving_city_id: column.text(),
    receiving_city_name: column.text(),
    receiving_country: column.text(),
    stage: column.text(),
    status: column.text<'inProgress' | 'completed' | 'abandoned'>(),
    started_on: column.text(),
    ended_on: column.textOrNull(),
    end_note: column.textOrNull(),
    readiness_score: column.integerOrNull(),
    readiness_date: column.textOrNull(),
    revision: column.integer(),
  },
  { indexes: { transfers_network: ['network_id', 'started_on'], transfers_source: ['source_city_id'], transfers_receiving: ['receiving_city_id'] } },
);

export type TransferRow = RowOf<typeof transfersTable>;

/** One row per stage change, milestone, plan and assessment of a transfer, numbered by `seq`. */
export const transferHistoryTable = defineTable(
  'transfer_history',
  {
    transfer_id: column.text(),
    seq: column.integer(),
    kind: column.text<'stage' | 'milestone' | 'transferPlan' | 'investmentPlan' | 'readiness' | 'completed' | 'abandoned'>(),
    date: column.text(),
    stage: column.text(),
    title: column.text(),
    note: column.text(),
    score: column.integerOrNull(),
    version: column.integerOrNull(),
    total_cents: column.integerOrNull(),
    sources: column.textOrNull(),
  },
  { primaryKey: ['transfer_id', 'seq'] },
);

export type TransferHistoryRow = RowOf<typeof transferHistoryTable>;

const data = dataOf<TransferEvent>();

/** Transfers of good practices, with one history row per stage change, milestone, plan and assessment. */
export const transfersProjection = projection({
  name: 'transfers',
  version: 1,
  schema: `${transfersTable.schema}
  ${transferHistoryTable.schema}`,
  handles: [
    'TransferStarted',
    'TransferStageAdvanced',
    'TransferMilestoneRecorded',
    'TransferPlanSubmitted',
    'InvestmentPlanSubmitted',
    'ReadinessAssessed',
    'TransferCompleted',
    'TransferAbandoned',
  ],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const history = (row: Omit<TransferHistoryRow, 'transfer_id' | 'seq' | 'stage'> & { stage?: string }) =>
      db.run(
        `INSERT INTO transfer_history (transfer_id, seq, kind, date, stage, title, note, score, version, total_cents, sources)
         VALUES (?, (SELECT COUNT(*) FROM transfer_history WHERE transfer_id = ?), ?, ?,
           COALESCE(?, (SELECT stage FROM transfers WHERE id = ?)), ?, ?, ?, ?, ?, ?)`,
        [id, id, row.kind, row.date, row.stage ?? null, id, row.title, row.note, row.score, row.version, row.total_cents, row.sources],
      );
    const none = { score: null, version: null, total_cents: null, sources: null };
    switch (event.type) {
      case 'TransferStarted': {
        const d = data(event, 'TransferStarted');
        transfersTable.insert(db, {
          id,
          network_id: d.networkId,
          network_kind: d.networkKind,
          practice_id: d.practiceId,
          practice_title: d.practiceTitle,
          source_city_id: d.sourceCityId,
          source_city_name: d.sourceCityName,
          source_country: d.sourceCountry,
          receiving_city_id: d.receivingCityId,
          receiving_city_name: d.receivingCityName,
          receiving_country: d.receivingCountry,
          stage: 'understand',
          status: 'inProgress',
          started_on: d.date,
          revision: 0,
        });
        history({ kind: 'stage', date: d.date, title: 'Understand', note: '', ...none });
        break;
      }
      case 'TransferStageAdvanced': {
        const d = data(event, 'TransferStageAdvanced');
        db.run('UPDATE transfers SET stage = ? WHERE id = ?', [d.to, id]);
        history({ kind: 'stage', date: d.date, title: d.to, note: d.note, ...none });
        break;
      }
      case 'TransferMilestoneRecorded': {
        const d = data(event, 'TransferMilestoneRecorded');
        history({ kind: 'milestone', date: d.date, stage: d.stage, title: d.title, note: d.note, ...none });
        break;
      }
      case 'TransferPlanSubmitted': {
        const d = data(event, 'TransferPlanSubmitted');
        history({ kind: 'transferPlan', date: d.date, title: d.title, note: d.summary, ...none, version: d.version });
        break;
      }
      case 'InvestmentPlanSubmitted': {
        const d = data(event, 'InvestmentPlanSubmitted');
        history({
          kind: 'investmentPlan',
          date: d.date,
          title: d.title,
          note: d.summary,
          score: null,
          version: d.version,
          total_cents: d.totalCents,
          sources: JSON.stringify(d.sources),
        });
        break;
      }
      case 'ReadinessAssessed': {
        const d = data(event, 'ReadinessAssessed');
        db.run(
          `UPDATE transfers SET readiness_score = ?, readiness_date = ? WHERE id = ? AND (readiness_date IS NULL OR readiness_date <= ?)`,
          [d.score, d.date, id, d.date],
        );
        history({ kind: 'readiness', date: d.date, stage: d.stage, title: `Readiness ${d.score}/5`, note: d.note, ...none, score: d.score });
        break;
      }
      case 'TransferCompleted': {
        const d = data(event, 'TransferCompleted');
        db.run(`UPDATE transfers SET status = 'completed', ended_on = ?, end_note = ? WHERE id = ?`, [d.date, d.note, id]);
        history({ kind: 'completed', date: d.date, title: 'Completed', note: d.note, ...none });
        break;
      }
      case 'TransferAbandoned': {
        const d = data(event, 'TransferAbandoned');
        db.run(`UPDATE transfers SET status = 'abandoned', ended_on = ?, end_note = ? WHERE id = ?`, [d.date, d.reason, id]);
        history({ kind: 'abandoned', date: d.date, stage: d.stage, title: 'Abandoned', note: d.reason, ...none });
        break;
      }
      default:
        return;
    }
    db.run('UPDATE transfers SET revision = ? WHERE id = ?', [Number(event.revision), id]);
  },
});
