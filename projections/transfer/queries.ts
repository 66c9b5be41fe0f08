import { pageOf, placeholders, rowsById, Where, type NetworkCityFilter } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { TransferHistoryRow, TransferRow } from './transfers.js';

export const { find: findTransfer, findMany: findTransfers } = rowsById<TransferRow>('transfers');

export interface TransferFilter extends NetworkCityFilter {
  status?: string | null;
  stage?: string | null;
}

export function listTransfers(db: ReadModelStore, filter: TransferFilter, limit: number, offset: number): TransferRow[] {
  const where = new Where();
  if (filter.networkId) where.add('network_id = ?', filter.networkId);
  if (filter.cityId) where.add('(source_city_id = ? OR receiving_city_id = ?)', filter.cityId, filter.cityId);
  if (filter.status) where.add('status = ?', filter.status);
  if (filter.stage) where.add('stage = ?', filter.stage);
  return pageOf<TransferRow>(db, 'transfers', where, 'started_on, id', limit, offset);
}

export function transferHistory(db: ReadModelStore, transferId: string, kinds?: readonly string[]): TransferHistoryRow[] {
  if (kinds && kinds.length > 0) {
    return db.all<TransferHistoryRow>(
      `SELECT * FROM transfer_history WHERE transfer_id = ? AND kind IN (${placeholders(kinds)}) ORDER BY seq`,
      [transferId, ...kinds],
    );
  }
  return db.all<TransferHistoryRow>('SELECT * FROM transfer_history WHERE transfer_id = ? ORDER BY seq', [transferId]);
}

/** The action a command added at this plan revision (mutation payloads). */
