import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { diff, CriticalityLevel } from '@graphql-inspector/core';
import { buildSchema, printSchema, type GraphQLSchema } from 'graphql';

/**
 * The committed `schema.graphql` (what client teams generate types from) and the API changes
 * listed in `CHANGELOG.md`. `npm run schema` calls `updateSchemaFiles`; a test checks the file
 * is current, so a schema change cannot land without the file and its changelog lines.
 */

export type Criticality = 'breaking' | 'dangerous' | 'safe';

export interface SchemaChange {
  readonly criticality: Criticality;
  readonly message: string;
}

const LEVELS: Record<CriticalityLevel, Criticality> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** The schema as committed: sorted SDL with descriptions, ending in one newline. */
export function schemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(schema).trimEnd()}\n`;
}

/**
 * What changed from one SDL to the other, breaking changes first (graphql-inspector's rules).
 * Left out, as noise for a changelog: description-only changes (documentation, not API), and
 * what lies inside something added in the same change (a new type's fields, a new field's
 * arguments): "Type 'X' was added" says it.
 */
export async function schemaChanges(beforeSdl: string, afterSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(beforeSdl), buildSchema(afterSdl));
  const added = changes.filter((change) => change.type.endsWith('_ADDED') && change.path).map((change) => change.path!);
  const addedTypes = new Set(changes.filter((change) => change.type === 'TYPE_ADDED').map((change) => change.path));
  const order: Criticality[] = ['breaking', 'dangerous', 'safe'];
  return changes
    .filter((change) => {
      if (change.criticality.level !== CriticalityLevel.NonBreaking) return true;
      if (change.type.includes('DESCRIPTION')) return false;
      if (change.type !== 'TYPE_ADDED' && addedTypes.has(change.path)) return false;
      return !added.some((path) => change.path?.startsWith(`${path}.`));
    })
    .map((change) => ({ criticality: LEVELS[change.criticality.level], message: change.message }))
    .sort((a, b) => order.indexOf(a.criticality) - order.indexOf(b.criticality));
}

const UNRELEASED = '## Unreleased';
const HEADINGS: Record<Criticality, string> = {
  breaking: '### Breaking',
  dangerous: '### Dangerous (may break clients that assume a closed set)',
  safe: '### Added and other safe changes',
};

export const CHANGELOG_PREAMBLE = `# Changelog

Changes to the GraphQL API (\`schema.graphql\`), newest first. \`npm run schema\` regenerates the
schema file and lists every difference from the committed one under "Unreleased", sorted by what it
means for clients (graphql-inspector's rules); a release renames that heading to its version and date.
`;

/** Lines of a section, keyed by heading; unknown text under "Unreleased" is kept as it is. */
function parseUnreleased(body: string): { lists: Record<Criticality, string[]>; other: string[] } {
  const lists: Record<Criticality, string[]> = { breaking: [], dangerous: [], safe: [] };
  const other: string[] = [];
  let current: Criticality | undefined;
  for (const line of body.split('\n')) {
    const heading = (Object.keys(HEADINGS) as Criticality[]).find((c) => line.trim() === HEADINGS[c]);
    if (heading) current = heading;
    else if (line.startsWith('### ')) current = undefined;
    if (heading || line.trim() === '') continue;
    if (current && line.startsWith('- ')) lists[current].push(line.slice(2));
    else other.push(line);
  }
  return { lists, other };
}

/** The changelog with the changes added under "Unreleased" (created when missing); lines already there are not repeated. */
export function changelogWith(changelog: string, changes: readonly SchemaChange[]): string {
  const text = changelog.trim() === '' ? CHANGELOG_PREAMBLE : changelog;
  const start = text.indexOf(UNRELEASED);
  let before: string;
  let body: string;
  let after: string;
  if (start >= 0) {
    const bodyStart = start + UNRELEASED.length;
    const next = text.indexOf('\n## ', bodyStart);
    before = text.slice(0, start);
    body = text.slice(bodyStart, next >= 0 ? next + 1 : text.length);
    after = next >= 0 ? text.slice(next + 1) : '';
  } else {
    const firstRelease = text.indexOf('\n## ');
    before = firstRelease >= 0 ? text.slice(0, firstRelease + 1) : `${text.trimEnd()}\n\n`;
    body = '';
    after = firstRelease >= 0 ? text.slice(firstRelease + 1) : '';
  }
  const { lists, other } = parseUnreleased(body);
  for (const change of changes) {
    if (!lists[change.criticality].includes(change.message)) lists[change.criticality].push(change.message);
  }
  const sections = (Object.keys(HEADINGS) as Criticality[])
    .filter((c) => lists[c].length > 0)
    .map((c) => `${HEADINGS[c]}\n\n${lists[c].map((line) => `- ${line}`).join('\n')}\n`);
  const unreleased = [UNRELEASED, '', ...(other.length ? [other.join('\n'), ''] : []), sections.join('\n')].join('\n');
  return `${before.trimEnd()}\n\n${unreleased.trimEnd()}\n${after ? `\n${after.trimEnd()}\n` : ''}`;
}

export interface SchemaFiles {
  readonly schemaPath: string;
  readonly changelogPath: string;
}

export interface SchemaFileStatus {
  /** True when the committed file already equals the schema. */
  readonly current: boolean;
  readonly changes: readonly SchemaChange[];
}

/** Compares the committed file with the schema the code builds. */
export async function checkSchemaFile(schema: GraphQLSchema, files: Pick<SchemaFiles, 'schemaPath'>): Promise<SchemaFileStatus> {
  const sdl = schemaSdl(schema);
  if (!existsSync(files.schemaPath)) {
    return { current: false, changes: [{ criticality: 'safe', message: 'First published schema' }] };
  }
  const committed = readFileSync(files.schemaPath, 'utf8');
  if (committed === sdl) return { current: true, changes: [] };
  return { current: false, changes: await schemaChanges(committed, sdl) };
}

/** Writes the schema file and lists what changed since the committed one in the changelog. */
export async function updateSchemaFiles(schema: GraphQLSchema, files: SchemaFiles): Promise<SchemaFileStatus> {
  const status = await checkSchemaFile(schema, files);
  if (status.current) return status;
  writeFileSync(files.schemaPath, schemaSdl(schema));
  const changelog = existsSync(files.changelogPath) ? readFileSync(files.changelogPath, 'utf8') : '';
  writeFileSync(files.changelogPath, changelogWith(changelog, status.changes));
  return status;
}

/** One line per change, breaking ones marked, for the terminal and test failures. */
export function describeChanges(changes: readonly SchemaChange[]): string {
  const marks: Record<Criticality, string> = { breaking: 'BREAKING  ', dangerous: 'dangerous ', safe: 'safe      ' };
  return changes.map((change) => `  ${marks[change.criticality]}${change.message}`).join('\n');
}
