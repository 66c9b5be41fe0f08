import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { column, defineTable, type RowOf } from '../table.js';
import { projection } from '../types.js';

export const networkPhasesTable = defineTable(
  'network_phases',
  {
    network_id: column.key(),
    phase: column.text<'activation' | 'implementation'>(),
    baseline_title: column.textOrNull(),
    baseline_date: column.textOrNull(),
    baseline_summary: column.textOrNull(),
    baseline_url: column.textOrNull(),
    baseline_recorded_at: column.textOrNull(),
    implementation_start_date: column.textOrNull(),
  },
);

export type NetworkPhaseRow = RowOf<typeof networkPhasesTable>;

/** Where each network is in its life: activation with its baseline study, then implementation. */
export const networkPhasesProjection = projection({
  name: 'networkPhases',
  version: 1,
  schema: networkPhasesTable.schema,
  handles: ['NetworkRegistered', 'BaselineStudyRecorded', 'ImplementationPhaseStarted'],
  apply(db, event) {
    const networkId = idOfStream(event.streamId);
    switch (event.type) {
      case 'NetworkRegistered':
        db.run(`INSERT OR IGNORE INTO network_phases (network_id, phase) VALUES (?, 'activation')`, [networkId]);
        break;
      case 'BaselineStudyRecorded': {
        const d = event.data as NetworkEventOf<'BaselineStudyRecorded'>['data'];
        db.run(
          `UPDATE network_phases SET baseline_title = ?, baseline_date = ?, baseline_summary = ?, baseline_url = ?,
             baseline_recorded_at = ? WHERE network_id = ?`,
          [d.title, d.date, d.summary, d.url, event.metadata.occurredAt, networkId],
        );
        break;
      }
      case 'ImplementationPhaseStarted': {
        const d = event.data as NetworkEventOf<'ImplementationPhaseStarted'>['data'];
        db.run(`UPDATE network_phases SET phase = 'implementation', implementation_start_date = ? WHERE network_id = ?`, [
          d.startDate,
          networkId,
        ]);
        break;
      }
    }
  },
});
