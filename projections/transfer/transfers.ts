import type { TransferEvent } from '../../domain/transfer/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { dataOf, projection } from '../types.js';

export interface TransferRow {
  id: string;
  network_id: string;
  network_kind: string;
  practice_id: string | null;
  practice_title: string;
  source_city_id: string;
  source_city_name: string;
  source_country: string;
  receiving_city_id: string;
  receiving_city_name: string;
  receiving_country: string;
  stage: string;
  status: 'inProgress' | 'completed' | 'abandoned';
  started_on: string;
  ended_on: string | null;
  end_note: string | null;
  readiness_score: number | null;
  readiness_date: string | null;
  revision: number;
}

export interface TransferHistoryRow {
  transfer_id: string;
  seq: number;
  kind: 'stage' | 'milestone' | 'transferPlan' | 'investmentPlan' | 'readiness' | 'completed' | 'abandoned';
  date: string;
  stage: string;
  title: string;
  note: string;
  score: number | null;
  version: number | null;
  total_cents: number | null;
  sources: string | null;
}

const data = dataOf<TransferEvent>();

/** Transfers of good practices, with one history row per stage change, milestone, plan and assessment. */
export const transfersProjection = projection({
  name: 'transfers',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS transfers (
    id TEXT PRIMARY KEY, network_id TEXT NOT NULL, network_kind TEXT NOT NULL, practice_id TEXT, practice_title TEXT NOT NULL,
    source_city_id TEXT NOT NULL, source_city_name TEXT NOT NULL, source_country TEXT NOT NULL,
    receiving_city_id TEXT NOT NULL, receiving_city_name TEXT NOT NULL, receiving_country TEXT NOT NULL,
    stage TEXT NOT NULL, status TEXT NOT NULL, started_on TEXT NOT NULL, ended_on TEXT, end_note TEXT,
    readiness_score INTEGER, readiness_date TEXT, revision INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS transfers_network ON transfers (network_id, started_on);
  CREATE INDEX IF NOT EXISTS transfers_source ON transfers (source_city_id);
  CREATE INDEX IF NOT EXISTS transfers_receiving ON transfers (receiving_city_id);
  CREATE TABLE IF NOT EXISTS transfer_history (
    transfer_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, stage TEXT NOT NULL,
    title TEXT NOT NULL, note TEXT NOT NULL, score INTEGER, version INTEGER, total_cents INTEGER, sources TEXT,
    PRIMARY KEY (transfer_id, seq));`,
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
        db.run(
          `INSERT INTO transfers (id, network_id, network_kind, practice_id, practice_title, source_city_id, source_city_name, source_country,
             receiving_city_id, receiving_city_name, receiving_country, stage, status, started_on, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'understand', 'inProgress', ?, 0)`,
          [id, d.networkId, d.networkKind, d.practiceId, d.practiceTitle, d.sourceCityId, d.sourceCityName, d.sourceCountry,
            d.receivingCityId, d.receivingCityName, d.receivingCountry, d.date],
        );
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
