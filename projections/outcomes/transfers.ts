import type { TransferEvent } from '../../domain/transfer/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { dataOf, projection } from '../types.js';

export interface OutcomeTransferRow {
  transfer_id: string;
  network_id: string;
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

const data = dataOf<TransferEvent>();

/** Outcomes of transfers: one fact row per transfer (a few per network, so no totals table). */
export const outcomeTransfersProjection = projection({
  name: 'outcomeTransfers',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS outcome_transfers (
    transfer_id TEXT PRIMARY KEY, network_id TEXT NOT NULL, practice_key TEXT NOT NULL, practice_title TEXT NOT NULL,
    source_city_id TEXT NOT NULL, receiving_city_id TEXT NOT NULL, receiving_city_name TEXT NOT NULL, country TEXT NOT NULL,
    stage TEXT NOT NULL, status TEXT NOT NULL, started_on TEXT NOT NULL, ended_on TEXT);
  CREATE INDEX IF NOT EXISTS outcome_transfers_status ON outcome_transfers (status, ended_on);`,
  handles: ['TransferStarted', 'TransferStageAdvanced', 'TransferCompleted', 'TransferAbandoned'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    switch (event.type) {
      case 'TransferStarted': {
        const d = data(event, 'TransferStarted');
        db.run(
          `INSERT INTO outcome_transfers (transfer_id, network_id, practice_key, practice_title, source_city_id, receiving_city_id,
             receiving_city_name, country, stage, status, started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'understand', 'inProgress', ?)`,
          [id, d.networkId, d.practiceId ?? d.practiceTitle.trim().toLowerCase(), d.practiceTitle, d.sourceCityId, d.receivingCityId,
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
  },
});
