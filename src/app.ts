import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allProjections } from '../projections/index.js';
import type { Projection } from '../projections/types.js';
import { aggregateCategories } from './application/index.js';
import type { Ledger } from './application/ledger.js';
import { FoldedSnapshots } from './commands/foldedSnapshots.js';
import { CommandHandler } from './commands/handleCommand.js';
import type { Config } from './config.js';
import { openEventStore } from './eventStore/index.js';
import type { EventStore } from './eventStore/port.js';
import type { Logger } from './logger.js';
import { SqliteKeyStore } from './personalData/keyStore.js';
import { PersonalData } from './personalData/personalData.js';
import { PersonalDataEventStore } from './personalData/personalDataStore.js';
import { startRetention } from './personalData/retention.js';
import { comparePositions, START, type Position } from './eventStore/port.js';
import { RecordedNotYetReadableError } from './projections/consistency.js';
import { ProjectionRunner } from './projections/runner.js';
import { TimeTravel } from './projections/timeTravel.js';
import { openReadModelFile, type ReadModelDatabase } from './readModels/database.js';

/** Everything a request needs, wired once per process; use cases see it as their Ledger. */
export interface App extends Ledger {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: EventStore;
  readonly readModels: ReadModelDatabase;
  readonly projections: ProjectionRunner;
  readonly commands: CommandHandler;
  readonly timeTravel: TimeTravel;
  /** Writes a consistent copy of the read models, for new replicas to start from (READ_MODEL_SNAPSHOT). */
  snapshotReadModels(target?: string): void;
  readonly personalData: PersonalData;
  /**
   * Moves when the read models are replaced in place (after an erasure): with the position, what
   * names one state of the read models (the response cache keys on both).
   */
  readonly readModelsGeneration: number;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly logger: Logger;
  readonly store?: EventStore;
  readonly projections?: readonly Projection[];
  /** Read-model file; defaults to the configuration's (`<dataDir>/readmodels.sqlite`). */
  readonly readModelFile?: string;
  readonly clock?: () => Date;
}

/**
 * Wires the process: the event store, this process's read-model file (held exclusively; rebuilt
 * when damaged), the projection runner (read models checked against the log before anything is
 * served), commands and time travel. Throws when the read models are another process's, or do not
 * match the log and ON_LOG_MISMATCH=refuse.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const log = options.store ?? (await openEventStore(config, { aggregateCategories, logger: logger.child({ component: 'eventStore' }) }));
  // Everything above this store sees personal values opened; the log below holds them sealed.
  let store: PersonalDataEventStore;
  try {
    store =
      log instanceof PersonalDataEventStore
        ? log
        : new PersonalDataEventStore(log, openKeyStore(config.keyStoreFile ?? join(config.dataDir, 'keys.sqlite')));
  } catch (error) {
    await log.close();
    throw error;
  }
  const projectionList = options.projections ?? allProjections;
  const readModelFile = options.readModelFile ?? config.readModelFile;
  let readModels: ReadModelDatabase;
  let runner: ProjectionRunner;
  try {
    mkdirSync(dirname(readModelFile), { recursive: true });
    if (config.readModelSnapshot && !existsSync(readModelFile) && existsSync(config.readModelSnapshot)) {
      // A new replica: start from the snapshot's read models and checkpoints, then catch up the tail
      // (the runner checks they were built from this log, as for any read-model file).
      copyFileSync(config.readModelSnapshot, readModelFile);
      logger.info({ file: readModelFile, snapshot: config.readModelSnapshot }, 'read models started from a snapshot');
    }
    readModels = openReadModelFile(readModelFile, logger.child({ component: 'readModels' }));
  } catch (error) {
    await store.close();
    throw error;
  }
  try {
    runner = new ProjectionRunner(store, readModels, projectionList, {
      logger: logger.child({ component: 'projections' }),
      onLogMismatch: config.onLogMismatch,
    });
    await runner.prepare();
  } catch (error) {
    readModels.close();
    await store.close();
    throw error;
  }
  // Folded state of long streams (marketplace sessions), derived from the log: safe to delete.
  mkdirSync(config.dataDir, { recursive: true });
  const foldedSnapshots = new FoldedSnapshots(join(config.dataDir, 'folded-state.sqlite'), store);
  const commands = new CommandHandler(store, options.clock, foldedSnapshots);
  const timeTravel = new TimeTravel(readModels, projectionList);
  const personalData = new PersonalData(store, store.keys);
  let generation = 0;
  let erasuresCoveredUpTo: Position = START;
  // An erasure: what the read models (and their history) hold of the subject must go. The read
  // models are replayed from the log (opened without the key, the values read as placeholders).
  runner.onApplied((events) => {
    const erasures = events.filter((event) => event.type === 'DataSubjectErased' && comparePositions(event.position, erasuresCoveredUpTo) > 0);
    if (erasures.length === 0) return;
    for (const event of erasures) store.keys.forget((event.data as { subjectId: string }).subjectId);
    generation += 1;
    personalData.track(
      (async () => {
        await new Promise((resolve) => setImmediate(resolve));
        // Keys go before their erasure is appended: this replay covers every erasure in the log now.
        erasuresCoveredUpTo = await store.headPosition();
        logger.info({ erasures: erasures.length }, 'data subject erased: rebuilding the read models without their data');
        await runner.rebuild();
        await runner.waitFor(erasuresCoveredUpTo, 600_000);
        generation += 1;
      })().catch((error: unknown) => logger.error({ err: error }, 'rebuilding the read models after an erasure failed')),
    );
  });
  runner.start();
  const stopRetention = startRetention(store.sealedLog, config.idempotencyRetentionDays ?? 30, logger.child({ component: 'retention' }));
  const snapshotReadModels = (target = config.readModelSnapshot) => {
    if (!target) throw new Error('No snapshot file: set READ_MODEL_SNAPSHOT');
    readModels.snapshotTo(target);
  };
  const snapshots =
    config.readModelSnapshot && config.readModelSnapshotEverySeconds > 0
      ? setInterval(() => {
          try {
            snapshotReadModels();
          } catch (error) {
            logger.warn({ err: error, snapshot: config.readModelSnapshot }, 'read-model snapshot failed');
          }
        }, config.readModelSnapshotEverySeconds * 1000).unref()
      : undefined;

  return {
    config,
    logger,
    store,
    readModels,
    projections: runner,
    commands,
    timeTravel,
    snapshotReadModels,
    personalData,
    get readModelsGeneration() {
      return generation;
    },
    load: (decider, streamId) => commands.load(decider, streamId),
    /**
     * Handles a command and waits until the read models show its effects (read your writes); when
     * they do not in time, the command stays recorded and the caller is told so, with the position.
     */
    async execute(decider, target, command, commandOptions) {
      const result = await commands.handle(decider, target, command, commandOptions);
      if (!(await runner.waitFor(result.position, config.consistencyTimeoutMs))) {
        throw new RecordedNotYetReadableError(result.id, result.revision, result.position, config.consistencyTimeoutMs);
      }
      return result;
    },
    async close() {
      clearInterval(snapshots);
      stopRetention();
      await runner.stop();
      readModels.close();
      await foldedSnapshots.close();
      await store.close();
    },
  };
}

function openKeyStore(file: string): SqliteKeyStore {
  mkdirSync(dirname(file), { recursive: true });
  return new SqliteKeyStore(file);
}
