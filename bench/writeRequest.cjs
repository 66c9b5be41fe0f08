// autocannon's setupRequest for the write bench (bench/writes.ts), loaded in its worker thread (so
// CommonJS, and its settings come through the environment): each request raises a learning need
// in the next of the seeded networks, with a new idempotency key when BENCH_WRITE_KEYED=1.
'use strict';
const { randomUUID } = require('node:crypto');

const targets = JSON.parse(process.env.BENCH_WRITE_TARGETS || '[]');
const keyed = process.env.BENCH_WRITE_KEYED === '1';
const run = randomUUID();
const MUTATION =
  'mutation($input: RaiseLearningNeedInput!) { raiseLearningNeed(input: $input) { __typename } }';
let sent = 0;

module.exports = function setupRequest(request) {
  const n = sent++;
  const target = targets[n % targets.length];
  const input = {
    networkId: target.networkId,
    cityId: target.cityId,
    kind: 'learning',
    topics: ['impact finance'],
    description: `How to develop new impact funds? (${n})`,
    ...(keyed ? { idempotencyKey: `${run}-${n}` } : {}),
  };
  return { ...request, body: JSON.stringify({ query: MUTATION, variables: { input } }) };
};
