import { datasets, type FieldType } from './datasets.js';

/** docs/open-data.md: the data dictionary, generated from the dataset definitions (`npm run data-dictionary`). */

const TYPE_TEXT: Record<FieldType, string> = {
  string: 'text',
  integer: 'integer',
  decimal: 'decimal (exact; a string in JSON)',
  boolean: 'boolean (`true`/`false`)',
  date: 'date (YYYY-MM-DD)',
  datetime: 'date-time (ISO 8601, UTC)',
  list: 'list of text (JSON array; `; `-joined in CSV)',
};

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderDataDictionary(): string {
  const lines = [
    '# Open data: exports and data dictionary',
    '',
    '<!-- Generated from src/server/export/datasets.ts by `npm run data-dictionary`; a test checks it is current. -->',
    '',
    'The ledger publishes its data as CSV (RFC 4180, UTF-8, CRLF, a header line) and JSON, with this',
    'dictionary also served machine-readable as a [Frictionless Data Package](https://specs.frictionlessdata.io/data-package/)',
    'at `GET /export/datapackage.json`. Field names are the GraphQL API\'s (the column "GraphQL" names the field',
    'with the same value), so a client can move between the API and the files without a mapping.',
    '',
    '| request | what |',
    '| --- | --- |',
    '| `GET /export/<dataset>.csv` | the dataset as CSV |',
    '| `GET /export/<dataset>.json` | `{ dataset, dictionary, fields, records }`, one object per record |',
    '| `GET /export/datapackage.json` | this dictionary: every dataset the caller may read, with its fields |',
    '',
    '**Who gets what.** Without a token, the public datasets without the fields marked *secretariat*.',
    'With a secretariat bearer token (`Authorization: Bearer …`), every dataset and field. Other roles get',
    'the public view; an invalid token gets 401. Names of people and contact details are in no export',
    '(GDPR); only aggregate counts of attendance are, and only for the secretariat.',
    '',
    '**Conventions.** Empty cell (JSON `null`): no value. Money: euros with two decimals, exact, as',
    'GraphQL\'s `Money.euros`. Shares: 0 to 1, four decimals. Lists: JSON arrays, joined with `; ` in CSV.',
    'In CSV, text starting with `=`, `+`, `-` or `@` gets a leading `\'` so spreadsheets do not run it as a',
    'formula (the JSON keeps the text exact). Rows come in a stable order: the same state exports the same bytes.',
    '',
  ];
  for (const dataset of datasets) {
    lines.push(
      `## ${dataset.title}: \`${dataset.name}\``,
      '',
      `${dataset.description}`,
      '',
      `- Access: ${dataset.access === 'public' ? 'public' : 'secretariat only'}`,
      `- Key: ${dataset.primaryKey.map((k) => `\`${k}\``).join(' + ')}`,
      `- Parameters: ${dataset.paramsHelp}`,
      `- Files: \`/export/${dataset.name}.csv\`, \`/export/${dataset.name}.json\``,
      '',
      '| field | type | unit | meaning | GraphQL | access |',
      '| --- | --- | --- | --- | --- | --- |',
      ...dataset.fields.map(
        (f) =>
          `| \`${f.name}\` | ${TYPE_TEXT[f.type]} | ${f.unit ?? ''} | ${cell(f.description)} | ${f.graphql ? `\`${f.graphql}\`` : ''} | ${f.access ?? (dataset.access === 'public' ? 'public' : 'secretariat')} |`,
      ),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
