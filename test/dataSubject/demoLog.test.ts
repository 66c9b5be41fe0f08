import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load/index.js';
import { START, type Position, type RecordedEvent } from '../../src/eventStore/port.js';
import { eventSchemas, mapPersonalData } from '../../src/personalData/inventory.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

/**
 * The demo data, loaded through the use cases, leaves no personal value in plain text in the
 * event log's files (the database and its write-ahead log): every value the schemas mark, as the
 * readers see it, is searched for in the bytes on disk.
 */

let t: TestApp;
let logBytes: string;
let personalValues: Set<string>;
/** The events' other text: a stakeholder "named" Chamber of commerce is named in plans too, as no person. */
let otherText: string;

async function allEvents(t: TestApp): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let from: Position = START;
  for (;;) {
    const page = await t.app.store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
    from = page.at(-1)!.position;
  }
}

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoData(t.app);
  personalValues = new Set();
  const collect = (value: unknown) => {
    if (typeof value === 'string' && value.trim().length >= 5) personalValues.add(value);
  };
  const others: string[] = [];
  for (const event of await allEvents(t)) {
    const schema = eventSchemas[event.type];
    const withoutPersonalData = schema
      ? mapPersonalData(schema, event.data, {
          person: (value, mark) => {
            const blanked = { ...value };
            for (const field of mark.fields) {
              collect(value[field]);
              blanked[field] = '';
            }
            return blanked;
          },
          ref: (value) => {
            collect(value);
            return '';
          },
        })
      : event.data;
    if (event.metadata.actor !== 'system') collect(event.metadata.actor);
    others.push(JSON.stringify(withoutPersonalData));
  }
  otherText = others.join('\n');
  logBytes = readdirSync(t.dataDir)
    .filter((file) => file.startsWith('events.sqlite'))
    .map((file) => readFileSync(join(t.dataDir, file)).toString('latin1') + readFileSync(join(t.dataDir, file)).toString('utf8'))
    .join('\n');
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('the event log after loading the demo data', () => {
  it('holds personal values (the readers see them)', () => {
    expect(personalValues).toContain('Peter Wolkowinski');
    expect(personalValues.size).toBeGreaterThan(20);
  });

  it("does not hold the BoostInno lead expert's surname anywhere in its files", () => {
    expect(logBytes.length).toBeGreaterThan(10_000);
    expect(logBytes.toLowerCase()).not.toContain('wolkowinski');
  });

  it('does not hold any personal value in plain text', () => {
    const onlyPersonal = [...personalValues].filter((value) => !otherText.includes(value));
    expect(onlyPersonal.length).toBeGreaterThan(20);
    expect(onlyPersonal.filter((value) => logBytes.includes(value))).toEqual([]);
  });
});
