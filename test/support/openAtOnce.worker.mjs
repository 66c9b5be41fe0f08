// One of several threads opening the same new SQLite files at the same moment (see
// test/replicas/openAtOnce.test.ts). Plain JavaScript: a worker thread does not inherit vitest's
// TypeScript loader, so it loads the module under test through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { modulePath, opener, files, barrier, threads } = workerData;
const open = (await tsImport(modulePath, import.meta.url))[opener];
const arrived = new Int32Array(barrier);
const failures = [];
for (let round = 0; round < files.length; round++) {
  // Spin until every thread has reached this round, so that all open the file together.
  Atomics.add(arrived, round, 1);
  while (Atomics.load(arrived, round) < threads);
  try {
    await open(files[round]);
  } catch (error) {
    failures.push(`${error?.code ?? ''} ${error?.message ?? error}`);
  }
}
parentPort.postMessage(failures);
