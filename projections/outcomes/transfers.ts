import type { TransferEvent, TransferStage } from '../../domain/transfer/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { column, defineTable, type RowOf } from '../table.js';
import { dataOf, projection, type ReadModelStore } from '../types.js';
import { bump, totalsTableSql } from './totals.js';

export const outcomeTransfersTable = defineTable(
  'outcome_transfers',
  {
    transfer_id: column.key(),
    network_id: column.text(),
    network_kind: column.text(),
    /** The practice: its id when known, else its title in lower case. */
    practice_key: column.text(),
    practice_title: column.text(),
    source_city_id: column.text(),
    receiving_city_id: column.text(),
    receiving_city_name: column.text(),
    /** Country of the receiving city: the transfer counts for the country that re-uses the practice. */
    country: column.text(),
    stage: column.text<TransferStage>(),
    status: column.text<'inProgress' | 'completed' | 'abandoned'>(),
    started_on: column.text(),
    ended_on: column.textOrNull(),
  },
  { indexes: { outcome_transfers_status: ['status', 'ended_on'] } },
);

export type OutcomeTransferRow = RowOf<typeof outcomeTransfersTable>;

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
function recount(db: ReadModelStore, before: OutcomeTransferRow | undefined, after: OutcomeTransferRow): void {
  const id = (c: { k1: string; k2: string; date: string }) => `${c.k1}\u0000${c.k2}\u0000${c.date}`;
  const was = new Map((before ? countedAs(before) : []).map((c) => [id(c), c]));
  const is = new Map(countedAs(after).map((c) => [id(c), c]));
  const key = (row: OutcomeTransferRow, c: { k1: string; k2: string; date: string }) => ({
    figure: 'transfers',
    networkId: row.network_id,
    networkKind: row.network_kind,
    country: row.country,
    ...c,
  });
  for (const [k, c] of was) if (!is.has(k)) bump(db, TRANSFER_TOTALS, key(before!, c), -1);
  for (const [k, c] of is) if (!was.has(k)) bump(db, TRANSFER_TOTALS, key(after, c), 1);
}

const data = dataOf<TransferEvent>();

/**
 * Outcomes of transfers: one fact row per transfer, and their counts as totals with running totals
 * (totals.ts), so a count as of a moment is a few seeks rather than a scan of the rows' history.
 */
export const outcomeTransfersProjection = projection({
  name: 'outcomeTransfers',
  version: 2,
  schema: `${outcomeTransfersTable.schema}
  ${totalsTableSql(TRANSFER_TOTALS)}`,
  handles: ['TransferStarted', 'TransferStageAdvanced', 'TransferCompleted', 'TransferAbandoned'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const before = db.get<OutcomeTransferRow>('SELECT * FROM outcome_transfers WHERE transfer_id = ?', [id]);
    // The row after the change, derived rather than read back, for the counters' move.
    let after: OutcomeTransferRow;
    switch (event.type) {
      case 'TransferStarted': {
        const d = data(event, 'TransferStarted');
        after = {
          transfer_id: id,
          network_id: d.networkId,
          network_kind: d.networkKind,
          practice_key: d.practiceId ?? d.practiceTitle.trim().toLowerCase(),
          practice_title: d.practiceTitle,
          source_city_id: d.sourceCityId,
          receiving_city_id: d.receivingCityId,
          receiving_city_name: d.receivingCityName,
          country: d.receivingCountry,
          stage: 'understand',
          status: 'inProgress',
          started_on: d.date,
          ended_on: null,
        };
        outcomeTransfersTable.insert(db, after);
        break;
      }
      case 'TransferStageAdvanced':
        if (!before) return;
        after = { ...before, stage: data(event, 'TransferStageAdvanced').to };
        db.run('UPDATE outcome_transfers SET stage = ? WHERE transfer_id = ?', [after.stage, id]);
        break;
      case 'TransferCompleted':
      case 'TransferAbandoned': {
        if (!before) return;
        const { date } = event.type === 'TransferCompleted' ? data(event, 'TransferCompleted') : data(event, 'TransferAbandoned');
        after = { ...before, status: event.type === 'TransferCompleted' ? 'completed' : 'abandoned', ended_on: date };
        db.run('UPDATE outcome_transfers SET status = ?, ended_on = ? WHERE transfer_id = ?', [after.status, after.ended_on, id]);
        break;
      }
      default:
        return;
    }
    recount(db, before, after);
  },
});
