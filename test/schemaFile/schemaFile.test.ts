import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema as buildSdl } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import {
  changelogWith,
  checkSchemaFile,
  describeChanges,
  schemaChanges,
  updateSchemaFiles,
} from '../../src/schemaFile/schemaFile.js';

const BEFORE = `type Query {
  "A network."
  network(id: ID!): Network
  networks: [Network!]!
}
type Network { id: ID! name: String! theme: String }
enum Kind { actionPlanning transfer }
`;

describe('the committed schema.graphql', () => {
  it('is the schema the code builds (regenerate it with `npm run schema`)', async () => {
    const status = await checkSchemaFile(buildSchema(), { schemaPath: 'schema.graphql' });
    expect(
      status.current,
      `schema.graphql is out of date: run \`npm run schema\`, review CHANGELOG.md and commit both. Changes:\n${describeChanges(status.changes)}`,
    ).toBe(true);
  });

  it('is listed in the changelog from its first publication', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelog).toMatch(/^# Changelog/);
    expect(changelog).toContain('First published schema');
  });
});

describe('breaking-change detection', () => {
  it('calls removals and new required arguments breaking, a new enum value dangerous, additions safe', async () => {
    const after = `type Query {
  "A network."
  network(id: ID!, asOf: String!): Network
  networks: [Network!]!
  meetings: [String!]
}
type Network { id: ID! theme: String }
enum Kind { actionPlanning transfer innovationTransfer }
`;
    const changes = await schemaChanges(BEFORE, after);
    const by = (criticality: string) => changes.filter((c) => c.criticality === criticality).map((c) => c.message);
    expect(by('breaking')).toEqual(
      expect.arrayContaining([expect.stringMatching(/'name'.*removed/), expect.stringMatching(/'asOf: String!' added/)]),
    );
    expect(by('dangerous')).toEqual([expect.stringMatching(/'innovationTransfer'.*added/)]);
    expect(by('safe')).toEqual([expect.stringMatching(/'meetings'.*added/)]);
    expect(changes[0]!.criticality).toBe('breaking');
  });

  it("lists a new type once, not each of its fields, and leaves description-only changes out", async () => {
    const after = `${BEFORE.replace('"A network."', '"One network, by id."')}type Meeting { id: ID! title: String! }\n`;
    expect(await schemaChanges(BEFORE, after)).toEqual([{ criticality: 'safe', message: "Type 'Meeting' was added" }]);
  });

  it('finds nothing between a schema and itself', async () => {
    expect(await schemaChanges(BEFORE, BEFORE)).toEqual([]);
  });
});

describe('the changelog', () => {
  const removed = { criticality: 'breaking' as const, message: "Field 'name' was removed from object type 'Network'" };
  const added = { criticality: 'safe' as const, message: "Field 'meetings' was added to object type 'Query'" };

  it('gets an Unreleased section above earlier releases, breaking changes first, each line once', () => {
    const released = '# Changelog\n\nIntro.\n\n## 1.0.0 (2025-01-01)\n\n- First published schema\n';
    const once = changelogWith(released, [added, removed]);
    const twice = changelogWith(once, [removed]);
    expect(twice).toBe(once);
    expect(once.indexOf('## Unreleased')).toBeGreaterThan(once.indexOf('Intro.'));
    expect(once.indexOf('## Unreleased')).toBeLessThan(once.indexOf('## 1.0.0'));
    expect(once.indexOf('### Breaking')).toBeLessThan(once.indexOf('### Added'));
    expect(once).toContain(`- ${removed.message}`);
    expect(once).toContain('## 1.0.0 (2025-01-01)\n\n- First published schema\n');
  });

  it('adds to an existing Unreleased section and keeps what was written there', () => {
    const existing = '# Changelog\n\n## Unreleased\n\nA note by hand.\n\n### Added and other safe changes\n\n- Something earlier\n';
    const updated = changelogWith(existing, [removed]);
    expect(updated).toContain('A note by hand.');
    expect(updated).toContain('- Something earlier');
    expect(updated).toContain(`### Breaking\n\n- ${removed.message}`);
  });
});

describe('npm run schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites a stale file and lists the differences, breaking ones included, in the changelog', async () => {
    const files = { schemaPath: join(dir, 'schema.graphql'), changelogPath: join(dir, 'CHANGELOG.md') };
    const schema = buildSdl(BEFORE.replace('theme: String', 'theme: String\n  topics: [String!]'));
    writeFileSync(files.schemaPath, BEFORE);
    const stale = await updateSchemaFiles(schema, files);
    expect(stale.current).toBe(false);
    expect(readFileSync(files.schemaPath, 'utf8')).toContain('topics: [String!]');
    expect(readFileSync(files.changelogPath, 'utf8')).toContain("Field 'topics' was added to object type 'Network'");

    writeFileSync(files.schemaPath, BEFORE.replace('networks: [Network!]!', 'networks: [Network!]!\n  cities: [String!]'));
    await updateSchemaFiles(schema, files);
    expect(readFileSync(files.changelogPath, 'utf8')).toMatch(/### Breaking\n\n- Field 'cities' was removed from object type 'Query'/);
    expect((await updateSchemaFiles(schema, files)).current).toBe(true);
  });
});
