import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { Subscription } = require('@eventstore/db-client/dist/streams/utils/Subscription.js');
const resp = (kind: string, n?: number) => ({ hasConfirmation: () => false, hasCaughtUp: () => kind === 'cu', hasFellBehind: () => false, hasCheckpoint: () => false, hasEvent: () => kind === 'e', getEvent: () => ({ n }) });
const grpc = new Readable({ objectMode: true, read() {} }) as any; grpc.cancel = () => grpc.destroy();
const sub = new Subscription(async () => grpc, (e: unknown) => e, {});
const out: string[] = [];
sub.on('caughtUp', () => out.push('CU'));
for (let i = 0; i < 30; i++) grpc.push(resp('e', i));
grpc.push(resp('cu')); grpc.push(null);
for await (const e of sub) { out.push(String((e as any).n)); await new Promise((r) => setTimeout(r, 1)); }
console.log('naive:', out.join(' '));
