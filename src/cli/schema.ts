/**
 * `npm run schema`: writes `schema.graphql` from the code and lists what changed since the
 * committed file under "Unreleased" in `CHANGELOG.md` (breaking changes first).
 * `npm run schema -- --check`: changes nothing; exits 1 when the file is out of date.
 */
import { buildSchema } from '../../schema/index.js';
import { checkSchemaFile, describeChanges, updateSchemaFiles } from '../schemaFile/schemaFile.js';

const files = { schemaPath: 'schema.graphql', changelogPath: 'CHANGELOG.md' };

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  const status = checkOnly ? await checkSchemaFile(buildSchema(), files) : await updateSchemaFiles(buildSchema(), files);
  if (status.current) {
    console.log('schema.graphql is up to date.');
    return;
  }
  const breaking = status.changes.filter((change) => change.criticality === 'breaking').length;
  console.log(`${checkOnly ? 'schema.graphql is out of date' : 'Wrote schema.graphql and CHANGELOG.md'}:\n${describeChanges(status.changes)}`);
  if (breaking > 0) console.log(`${breaking} breaking change(s): clients must change too; say so in the release notes.`);
  if (checkOnly) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
