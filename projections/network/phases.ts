import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { projection } from '../types.js';

export interface NetworkPhaseRow {
  network_id: string;
  phase: 'activation' | 'implementation';
  baseline_title: string | null;
  baseline_date: string | null;
  baseline_summary: string | null;
  baseline_url: string | null;
  baseline_recorded_at: string | null;
  implementation_start_date: string | null;
}

/** Where each network is in its life: activation with its baseline study, then implementation. */
export const networkPhasesProjection = projection({
  name: 'networkPhases',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS network_phases (
    network_id TEXT PRIMARY KEY,
    phase TEXT NOT NULL,
    baseline_title TEXT,
    baseline_date TEXT,
    baseline_summary TEXT,
    baseline_url TEXT,
    baseline_recorded_at TEXT,
    implementation_start_date TEXT
  );`,
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
