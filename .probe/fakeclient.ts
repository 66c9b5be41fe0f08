import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { EventStoreDbEventStore } from '../src/eventStore/eventStoreDb.js';
import { comparePositions, START, type Position } from '../src/eventStore/port.js';
const require = createRequire(import.meta.url);
const { Subscription } = require('@eventstore/db-client/dist/streams/utils/Subscription.js');
const { UnavailableError } = require('@eventstore/db-client');

type Ev = { streamId: string; type: string; position: Position; id: string; revision: bigint; created: Date; data: unknown; metadata: unknown; isJson: true };
const log: Ev[] = [];
let pos = 100n;
function add(streamId: string, type: string) { pos += 10n; log.push({ streamId, type, position: { commit: pos, prepare: pos }, id: String(pos), revision: 0n, created: new Date(), data: { p: Number(pos) }, metadata: {}, isJson: true }); }
const subs: Array<{ grpc: any; after: Position | undefined }> = [];
const resp = (kind: string, ev?: Ev) => ({ hasConfirmation: () => false, hasCaughtUp: () => kind === 'cu', hasFellBehind: () => false, hasCheckpoint: () => false, hasEvent: () => kind === 'e', getEvent: () => ({ event: ev }) });
let subscribeCalls = 0;
const fake = {
  readAll({ direction, fromPosition, maxCount }: any) {
    let items: Ev[];
    if (direction === 'backwards') {
      items = [...log].reverse().filter((e) => fromPosition === 'end' || comparePositions(e.position, fromPosition) < 0);
    } else {
      items = log.filter((e) => fromPosition === 'start' || comparePositions(e.position, fromPosition) >= 0);
    }
    return Readable.from(items.slice(0, Number(maxCount)).map((event) => ({ event })));
  },
  subscribeToAll({ fromPosition }: any) {
    subscribeCalls++;
    const grpc = new Readable({ objectMode: true, read() {} }) as any; grpc.cancel = () => grpc.destroy();
    const after = fromPosition === 'start' ? undefined : fromPosition;
    for (const e of log) if (!after || comparePositions(e.position, after) > 0) grpc.push(resp('e', e));
    grpc.push(resp('cu'));
    const s = { grpc, after }; subs.push(s);
    return new Subscription(async () => grpc, (e: unknown) => e, {});
  },
  async dispose() {},
};
function live(streamId: string, type: string) { add(streamId, type); const e = log.at(-1)!; for (const s of subs) if (!s.grpc.destroyed) s.grpc.push(resp('e', e)); }

const store = new EventStoreDbEventStore('esdb://localhost:2113?tls=false', { resubscribe: { initialDelayMs: 5 } });
(store as any).client = fake;
add('$stats', '$statsCollected'); add('a-1', 'A'); add('$$a-1', '$metadata'); add('b-1', 'B'); add('a-1', 'A2'); add('$streams', '$>');
console.log('head', await store.headPosition());
console.log('readAll fwd all', (await store.readAll({ maxCount: 10 })).map((e) => e.type).join(','));
console.log('readAll fwd max2', (await store.readAll({ maxCount: 2 })).map((e) => e.type).join(','));
const first = (await store.readAll({ maxCount: 1 }))[0]!;
console.log('readAll after first', (await store.readAll({ maxCount: 10, fromPosition: first.position })).map((e) => e.type).join(','));
console.log('readAll bwd', (await store.readAll({ maxCount: 10, direction: 'backwards' })).map((e) => e.type).join(','));
console.log('readAll bwd from last', (await store.readAll({ maxCount: 10, direction: 'backwards', fromPosition: (await store.headPosition()) })).map((e) => e.type).join(','));
for (let i = 0; i < 2500; i++) add(i % 3 ? '$x' : 'c-1', i % 3 ? '$y' : 'C');
console.log('readAll paged', (await store.readAll({ maxCount: 900, fromPosition: first.position })).length, (await store.readAll({ maxCount: 5000 })).length);

const sub = store.subscribeToAll({ filter: { streamPrefixes: ['a-', 'b-'] } });
const it = sub[Symbol.asyncIterator]();
const seen: string[] = [];
const pump = (async () => { for (;;) { const r = await it.next(); if (r.done) { seen.push('DONE'); return; } seen.push(r.value.kind === 'event' ? r.value.event.type : 'CU'); } })();
await new Promise((r) => setTimeout(r, 20));
live('a-1', 'Live1'); live('c-1', 'Other');
await new Promise((r) => setTimeout(r, 20));
// drop the subscription from the server side
subs.at(-1)!.grpc.destroy(new UnavailableError(undefined as any));
await new Promise((r) => setTimeout(r, 5));
live('b-1', 'WhileDown');
await new Promise((r) => setTimeout(r, 50));
live('a-1', 'Live2');
await new Promise((r) => setTimeout(r, 20));
await sub.unsubscribe();
await pump;
console.log('sub', seen.join(' '), 'subscribeCalls', subscribeCalls);
await store.close();
const store2 = new EventStoreDbEventStore('esdb://localhost:2113?tls=false');
(store2 as any).client = fake;
const s2 = store2.subscribeToAll({ fromPosition: first.position, filter: { eventTypes: ['A2', 'Live2'] } });
const got: string[] = [];
const t0 = Date.now();
for await (const m of s2) { got.push(m.kind === 'event' ? m.event.type : 'CU'); if (got.length >= 3) break; }
console.log('typed', got.join(' '), Date.now() - t0, 'ms');
const s3 = store2.subscribeToAll({ filter: { streamPrefixes: ['none-'] } });
const p3 = (async () => { const out: string[] = []; for await (const m of s3) out.push(m.kind); return out; })();
await new Promise((r) => setTimeout(r, 30));
await s3.unsubscribe();
console.log('unsubscribed', await p3);
await store2.close();
