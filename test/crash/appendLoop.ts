/**
 * Child process of the crash test: opens the embedded store in a data directory and appends in a
 * loop through the real CommandHandler (network decider), with the projection runner writing the
 * read models at the same time, until the test kills it with SIGKILL.
 *
 *   node --import tsx test/crash/appendLoop.ts <dataDir> [workers]
 *
 * Prints one line per acknowledged append, only after the append promise resolved:
 *   ack <streamId> <revision> <eventType>
 * stdout is a pipe, which Node writes synchronously on Linux, so a printed line was handed to
 * the kernel before the next append started.
 */
import { JoinNetwork, RegisterNetwork, AssignLeadExpert, LeaveNetwork } from '../../domain/network/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { createApp } from '../../src/app.js';
import { systemActor } from '../../src/auth/actor.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: appendLoop.ts <dataDir> [workers]\n');
  process.exit(2);
}
const workers = Number(process.argv[3] ?? 3);

const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const app = await createApp(config, { logger: createLogger(config.logLevel) });
const options = { actor: systemActor };
/** Unique per process run, so that city ids never collide with an earlier (killed) run. */
const run = `r${process.pid}`;
let cities = 0;

/** Networks still taking partners, shared by the workers so that they contend on streams. */
const open: { streamId: string; partners: string[]; joins: number }[] = [];

function ack(result: { streamId: string; revision: bigint; events: readonly { type: string }[] }): void {
  // One command, one event here: the acknowledged revision is the event's revision.
  for (const [i, event] of result.events.entries()) {
    const revision = result.revision - BigInt(result.events.length - 1 - i);
    process.stdout.write(`ack ${result.streamId} ${revision} ${event.type}\n`);
  }
}

async function step(worker: number): Promise<void> {
  const roll = Math.random();
  const target = open.length > 0 ? open[Math.floor(Math.random() * open.length)]! : undefined;
  if (!target || roll < 0.15) {
    const n = cities++;
    const result = await app.commands.handle(
      networkDecider,
      { create: networkDecider.category },
      {
        type: 'RegisterNetwork',
        data: RegisterNetwork.parse({
          name: `Crash network ${run}-${worker}-${n}`,
          kind: (['actionPlanning', 'transfer', 'innovationTransfer'] as const)[n % 3],
          theme: 'Surviving a SIGKILL',
          topics: ['durability', `topic ${n % 7}`],
          startDate: '2024-01-01',
          endDate: '2026-12-31',
        }),
      },
      options,
    );
    ack(result);
    open.push({ streamId: result.streamId, partners: [], joins: 0 });
    return;
  }
  if (roll < 0.2) {
    const result = await app.commands.handle(
      networkDecider,
      target.streamId,
      { type: 'AssignLeadExpert', data: AssignLeadExpert.parse({ subject: `expert:e${cities++}`, name: 'An Expert' }) },
      options,
    );
    ack(result);
    return;
  }
  if (roll < 0.25 && target.partners.length > 0) {
    const cityId = target.partners.splice(Math.floor(Math.random() * target.partners.length), 1)[0]!;
    const result = await app.commands.handle(
      networkDecider,
      target.streamId,
      { type: 'LeaveNetwork', data: LeaveNetwork.parse({ cityId, reason: 'moved on' }) },
      options,
    );
    ack(result);
    return;
  }
  const cityId = `c${run.slice(1)}x${cities++}-it`;
  // Retire a network once 10 cities have joined it; only acknowledged partners may leave.
  if (++target.joins >= 10) open.splice(open.indexOf(target), 1);
  const result = await app.commands.handle(
    networkDecider,
    target.streamId,
    {
      type: 'JoinNetwork',
      data: JoinNetwork.parse({ cityId, name: `City ${cityId}`, country: 'IT', newcomer: cityId.length % 2 === 0 }),
    },
    options,
  );
  ack(result);
  target.partners.push(cityId);
}

async function worker(id: number): Promise<never> {
  for (;;) await step(id);
}

process.stdout.write(`ready ${process.pid}\n`);
await Promise.all(Array.from({ length: workers }, (_, i) => worker(i))).catch((error: unknown) => {
  process.stderr.write(`append loop failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
