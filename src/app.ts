import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allProjections } from '../projections/index.js';
import type { Projection } from '../projections/types.js';
import type { Ledger } from './application/ledger.js';
import { CommandHandler } from './commands/handleCommand.js';
import type { Config } from './config.js';
import { openEventStore } from './eventStore/index.js';
import type { EventStore } from './eventStore/port.js';
import type { Logger } from './logger.js';
import { ProjectionRunner } from './projections/runner.js';
import { TimeTravel } from './projections/timeTravel.js';
import { ReadModelDatabase } from './readModels/database.js';

/** Everything a request needs, wired once per process; use cases see it as their Ledger. */
export interface App extends Ledger {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: EventStore;
  readonly readModels: ReadModelDatabase;
  readonly projections: ProjectionRunner;
  readonly commands: CommandHandler;
  readonly timeTravel: TimeTravel;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly logger: Logger;
  readonly store?: EventStore;
  readonly projections?: readonly Projection[];
  /** Read-model file; defaults to `<dataDir>/readmodels.sqlite`. */
  readonly readModelFile?: string;
  readonly clock?: () => Date;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const store = options.store ?? (await openEventStore(config));
  const projectionList = options.projections ?? allProjections;
  let readModelFile = options.readModelFile;
  if (!readModelFile) {
    mkdirSync(config.dataDir, { recursive: true });
    readModelFile = join(config.dataDir, 'readmodels.sqlite');
  }
  const readModels = new ReadModelDatabase(readModelFile);
  const runner = new ProjectionRunner(store, readModels, projectionList, logger.child({ component: 'projections' }));
  const commands = new CommandHandler(store, options.clock);
  const timeTravel = new TimeTravel(store, projectionList);
  runner.start();

  return {
    config,
    logger,
    store,
    readModels,
    projections: runner,
    commands,
    timeTravel,
    load: (decider, streamId) => commands.load(decider, streamId),
    /** Handles a command and waits until the read models show its effects (read your writes). */
    async execute(decider, target, command, commandOptions) {
      const result = await commands.handle(decider, target, command, commandOptions);
      await runner.waitFor(result.position);
      return result;
    },
    async close() {
      await runner.stop();
      timeTravel.clear();
      readModels.close();
      await store.close();
    },
  };
}
