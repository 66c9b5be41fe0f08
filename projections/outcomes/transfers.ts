import type { TransferEvent } from '../../domain/transfer/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { dataOf, projection, type ReadModelStore } from '../types.js';
import { bump, totalsTableSql } from './totals.js';

export interface OutcomeTransferRow {
  transfer_id: string;
  network_id: string;
  network_kind: string;
  /** The practice: its id when known, else its title in lower case. */
  practice_key: string;
  practice_title: string;
  source_city_id: string;
  receiving_city_id: string;
  receiving_city_name: string;
  /** Country of the receiving city: the transfer counts for the country that re-uses the practice. */
  country: string;
  stage: string;
  status: string;
  started_on: string;
  ended_on: string | null;
}

export const TRANSFER_TOTALS = 'outcome_transfer_totals';

/**
 * What a transfer counts for, each by the date a period selects it by: started (by its start),
 * in progress at its current stage (by its start), or completed or abandoned (by its end).
 */
function countedAs(row: OutcomeTransferRow): { k1: string; k2: string; date: string }[] {
  const status =
    row.status === 'inProgress' ? { k1: 'inProgress', k2: row.stage, date: row.started_on } : { k1: row.status, k2: '', date: row.ended_on ?? row.started_on };
  return [{ k1: 'started', k2: '', date: row.started_on }, status];
}

/** Moves the totals from what a transfer counted as before a change to what it counts as after it. */
function recount(db: ReadModelStore, before: OutcomeTransferRow | undefined, after: OutcomeTransferRow | undefined): void {
  const id = (c: { k1: string; k2: string; date: string }) => `${c.k1}\u0000${c.k2}\u0000${c.date}`;
  const was = new Map((before ? countedAs(before) : []).map((c) => [id(c), c]));
  const is = new Map((after ? countedAs(after) : []).map((c) => [id(c), c]));
  const key = (row: OutcomeTransferRow, c: { k1: string; k2: string; date: string }) => ({
    figure: 'transfers',
    networkId: row.network_id,
    networkKind: row.network_kind,
    country: row.country,
    ...c,
  });
  for (const [k, c] of was) if (!is.has(k)) bump(db, TRANSFER_TOTALS, key(before!, c), -1);
  for (const [k, c] of is) if (!was.has(k)) bump(db, TRANSFER_TOTALS, key(after!, c), 1);
}

const data = dataOf<TransferEvent>();

/**
 * Outcomes of transfers: one fact row per transfer, and their counts as totals with running totals
 * (totals.ts), so a count as of a moment is a few seeks rather than a scan of the rows' history.
 */
export const outcomeTransfersProjection = projection({
  name: 'outcomeTransfers',
  version: 2,
  schema: `CREATE TABLE IF NOT EXISTS outcome_transfers (
    transfer_id TEXT PRIMARY KEY, network_id TEXT NOT NULL, network_kind TEXT NOT NULL, practice_key TEXT NOT NULL, practice_title TEXT NOT NULL,
    source_city_id TEXT NOT NULL, receiving_city_id TEXT NOT NULL, receiving_city_name TEXT NOT NULL, country TEXT NOT NULL,
    stage TEXT NOT NULL, status TEXT NOT NULL, started_on TEXT NOT NULL, ended_on TEXT);
  CREATE INDEX IF NOT EXISTS outcome_transfers_status ON outcome_transfers (status, ended_on);
  ${totalsTableSql(TRANSFER_TOTALS)}`,
  handles: ['TransferStarted', 'TransferStageAdvanced', 'TransferCompleted', 'TransferAbandoned'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const row = () => db.get<OutcomeTransferRow>('SELECT * FROM outcome_transfers WHERE transfer_id = ?', [id]);
    const before = row();
    switch (event.type) {
      case 'TransferStarted': {
        const d = data(event, 'TransferStarted');
        db.run(
          `INSERT INTO outcome_transfers (transfer_id, network_id, network_kind, practice_key, practice_title, source_city_id, receiving_city_id,
             receiving_city_name, country, stage, status, started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'understand', 'inProgress', ?)`,
          [id, d.networkId, d.networkKind, d.practiceId ?? d.practiceTitle.trim().toLowerCase(), d.practiceTitle, d.sourceCityId, d.receivingCityId,
            d.receivingCityName, d.receivingCountry, d.date],
        );
        break;
      }
      case 'TransferStageAdvanced':
        db.run('UPDATE outcome_transfers SET stage = ? WHERE transfer_id = ?', [data(event, 'TransferStageAdvanced').to, id]);
        break;
      case 'TransferCompleted':
        db.run(`UPDATE outcome_transfers SET status = 'completed', ended_on = ? WHERE transfer_id = ?`, [data(event, 'TransferCompleted').date, id]);
        break;
      case 'TransferAbandoned':
        db.run(`UPDATE outcome_transfers SET status = 'abandoned', ended_on = ? WHERE transfer_id = ?`, [data(event, 'TransferAbandoned').date, id]);
        break;
    }
    recount(db, before, row());
  },
});
