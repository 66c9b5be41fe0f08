/**
 * The stream categories the EventStoreDB subscription asks the server for must be every one the
 * application writes: a missing one would never reach the read models. Checked two ways: every
 * decider in domain/ declares a listed category, and every stream written by the API besides the
 * aggregates' (idempotency keys, the log identity) is in a listed category.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregateCategories } from '../../src/application/index.js';
import { ownedStreamPrefixes } from '../../src/eventStore/ownedStreams.js';
import { START, type Position } from '../../src/eventStore/port.js';
import { appOn, tempDir } from '../projections/support.js';
import { REGISTER, registration, serve } from '../server/support.js';

const domain = join(import.meta.dirname, '..', '..', 'domain');

describe('owned stream categories', () => {
  it('include the category of every decider in domain/', async () => {
    const categories: string[] = [];
    for (const folder of readdirSync(domain)) {
      const file = join(domain, folder, 'decider.ts');
      if (!existsSync(file)) continue;
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (value && typeof value === 'object' && 'category' in value && 'decide' in value && 'evolve' in value) {
          categories.push((value as { category: string }).category);
        }
      }
    }
    expect(categories.length).toBeGreaterThanOrEqual(9);
    for (const category of categories) expect(aggregateCategories).toContain(category);
  });

  it('include the streams the application writes besides its aggregates\'', async () => {
    const data = tempDir();
    const app = await appOn(data.dir);
    const http = await serve(app);
    try {
      const token = await http.token('secretariat');
      const input = { ...registration('Owned').input, idempotencyKey: 'owned-streams' };
      const answer = await http.gql(REGISTER, { variables: { input }, token });
      expect(answer.body.data!.registerNetwork.__typename).toBe('RegisterNetworkPayload');
      const streams = new Set<string>();
      for (let from: Position = START; ; ) {
        const page = await app.store.readAll({ fromPosition: from, maxCount: 5000 });
        if (page.length === 0) break;
        for (const event of page) streams.add(event.streamId);
        from = page.at(-1)!.position;
      }
      const unowned = [...streams].filter((stream) => !ownedStreamPrefixes(aggregateCategories).some((prefix) => stream.startsWith(prefix)));
      expect(unowned).toEqual([]);
      expect([...streams].map((s) => s.split('-')[0]).sort()).toEqual(['idempotency', 'ledger', 'network']);
    } finally {
      await http.close();
      await app.close();
      data.cleanup();
    }
  });
});
