import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { OrderedCatchUpReader } from '../src/eventStore/eventStoreDb.js';
const require = createRequire(import.meta.url);
const { Subscription } = require('@eventstore/db-client/dist/streams/utils/Subscription.js');

function resp(kind: 'event' | 'caughtUp', n?: number) {
  return {
    hasConfirmation: () => false, hasCaughtUp: () => kind === 'caughtUp', hasFellBehind: () => false,
    hasCheckpoint: () => false, hasEvent: () => kind === 'event', getEvent: () => ({ n }),
  };
}
async function run(label: string, script: Array<['event', number] | ['caughtUp'] | ['pause', number]>, consumerDelay: number) {
  const grpc = new Readable({ objectMode: true, read() {} }) as Readable & { cancel(): void };
  grpc.cancel = () => grpc.destroy();
  const sub = new Subscription(async () => grpc, (e: unknown) => e, { highWaterMark: 4 });
  const reader = new OrderedCatchUpReader<{ n: number }>(sub);
  (async () => {
    for (const step of script) {
      if (step[0] === 'pause') await new Promise((r) => setTimeout(r, step[1]));
      else if (step[0] === 'event') grpc.push(resp('event', step[1]));
      else grpc.push(resp('caughtUp'));
    }
    grpc.push(null);
  })();
  const out: string[] = [];
  for (;;) {
    const item = await reader.next();
    if (item.kind === 'ended') { out.push('END' + (item.error ? '!' : '')); break; }
    out.push(item.kind === 'event' ? String(item.value.n) : 'CU');
    if (consumerDelay) await new Promise((r) => setTimeout(r, consumerDelay));
  }
  const expected = script.filter((s) => s[0] !== 'pause').map((s) => (s[0] === 'event' ? String(s[1]) : 'CU')).concat('END');
  console.log(label, JSON.stringify(out) === JSON.stringify(expected) ? 'OK' : 'MISMATCH', out.join(' '));
}
const burst: any[] = [];
for (let i = 0; i < 50; i++) burst.push(['event', i]);
burst.push(['caughtUp']);
for (let i = 50; i < 60; i++) burst.push(['event', i]);
burst.push(['caughtUp']);
await run('burst fast consumer', burst, 0);
await run('burst slow consumer', burst, 2);
await run('paced', [['event', 1], ['pause', 10], ['caughtUp'], ['pause', 10], ['event', 2], ['caughtUp'], ['event', 3], ['pause', 5], ['caughtUp']], 0);
await run('caughtUp first', [['caughtUp'], ['event', 1], ['caughtUp']], 1);
