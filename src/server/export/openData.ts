import type { Plugin } from 'graphql-yoga';
import type { ReadModelStore } from '../../../projections/types.js';
import type { App } from '../../app.js';
import { InvalidTokenError, verifyToken } from '../../auth/tokens.js';
import { datasetNamed, datasets, fieldsFor, type Cell, type Dataset, type DatasetField, type FieldType, type Viewer } from './datasets.js';

/**
 * GET /export/<dataset>.csv | .json   a dataset (see datasets.ts and docs/open-data.md)
 * GET /export/datapackage.json        the data dictionary as a Frictionless Data Package
 * Without a token: public datasets without their secretariat fields. A secretariat bearer token
 * gets everything. A bad token is refused (401), as on /graphql.
 */

export const EXPORT_PREFIX = '/export/';

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Text as a spreadsheet would not run it: a cell starting with = + - @ is a formula in Excel and
 * its kin, so text fields get a leading apostrophe there (JSON keeps the text exact).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvText(field: DatasetField<unknown>, value: Cell): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => csvText(field, item)).join('; ');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return field.type === 'string' || field.type === 'list' ? (FORMULA_START.test(text) ? `'${text}` : text) : text;
}

function jsonValue(field: DatasetField<unknown>, value: Cell): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'decimal') return value === '' ? null : String(value);
  return value;
}

/** Frictionless Table Schema types for ours. */
const TABLE_SCHEMA_TYPES: Record<FieldType, { type: string; format?: string }> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  decimal: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'date' },
  datetime: { type: 'datetime' },
  list: { type: 'string', format: 'default' },
};

export function dataPackage(base: string, viewer: Viewer) {
  return {
    profile: 'tabular-data-package',
    name: 'exchange-ledger',
    title: 'Exchange Ledger: URBACT networks, meetings, practices and outcomes',
    description: 'Open data of the URBACT city networks recorded in the Exchange Ledger. Field names are those of the GraphQL API.',
    resources: datasets
      .filter((dataset) => dataset.access === 'public' || viewer.secretariat)
      .map((dataset) => ({
        profile: 'tabular-data-resource',
        name: dataset.name.toLowerCase(),
        title: dataset.title,
        description: dataset.description,
        path: `${base}${EXPORT_PREFIX}${dataset.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
        schema: {
          primaryKey: [...dataset.primaryKey],
          // Boolean cells are written true/false; missing values are empty.
          missingValues: [''],
          fields: fieldsFor(dataset, viewer).map((field) => ({
            name: field.name,
            ...TABLE_SCHEMA_TYPES[field.type],
            description: field.type === 'list' ? `${field.description} Several values joined with "; ".` : field.description,
            ...(field.unit ? { unit: field.unit } : {}),
            ...(field.graphql ? { graphql: field.graphql } : {}),
          })),
        },
      })),
  };
}

type Answer = (status: number, body: unknown) => void;

async function viewerOf(app: App, authorization: string | null, answer: Answer): Promise<{ viewer: Viewer; signedIn: boolean } | undefined> {
  if (!authorization) return { viewer: { secretariat: false }, signedIn: false };
  const [scheme, token] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    answer(401, { error: 'Use "Authorization: Bearer <token>"', code: 'UNAUTHENTICATED' });
    return undefined;
  }
  try {
    const actor = await verifyToken(token, app.config.jwtSecret);
    return { viewer: { secretariat: actor.role === 'secretariat' }, signedIn: true };
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      answer(401, { error: error.message, code: 'UNAUTHENTICATED' });
      return undefined;
    }
    throw error;
  }
}

function render(dataset: Dataset, rows: readonly unknown[], viewer: Viewer, format: 'csv' | 'json', dictionaryUrl: string): string {
  const fields = fieldsFor(dataset, viewer) as DatasetField<unknown>[];
  if (format === 'csv') {
    return toCsv(
      fields.map((field) => field.name),
      rows.map((row) => fields.map((field) => csvText(field, field.value(row)))),
    );
  }
  const records = rows.map((row) => Object.fromEntries(fields.map((field) => [field.name, jsonValue(field, field.value(row))])));
  return `${JSON.stringify({ dataset: dataset.name, dictionary: dictionaryUrl, fields: fields.map((f) => f.name), records }, null, 1)}\n`;
}

export function openDataPlugin(app: App): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(EXPORT_PREFIX)) return;
      const answer: Answer = (status, body) =>
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
      if (request.method !== 'GET') return answer(405, { error: 'Use GET' });
      const who = await viewerOf(app, request.headers.get('authorization'), answer);
      if (!who) return;
      const { viewer, signedIn } = who;
      const base = app.config.publicUrl ?? url.origin;
      const headers = (contentType: string, filename?: string) => ({
        'content-type': contentType,
        ...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
        // What a signed-in caller gets may hold more than the public one: never in a shared cache.
        'cache-control': signedIn ? 'private, no-store' : 'public, max-age=60',
        vary: 'Authorization',
      });

      if (url.pathname === `${EXPORT_PREFIX}datapackage.json`) {
        return endResponse(
          new fetchAPI.Response(`${JSON.stringify(dataPackage(base, viewer), null, 1)}\n`, { status: 200, headers: headers('application/json') }),
        );
      }
      const match = /^\/export\/([A-Za-z]+)\.(csv|json)$/.exec(url.pathname);
      const dataset = match ? datasetNamed(match[1]!) : undefined;
      if (!match || !dataset) {
        return answer(404, {
          error: 'No such export',
          exports: [...datasets.map((d) => `${EXPORT_PREFIX}${d.name}.csv|json`), `${EXPORT_PREFIX}datapackage.json`],
        });
      }
      if (dataset.access === 'secretariat' && !viewer.secretariat) {
        return signedIn
          ? answer(403, { error: `The ${dataset.name} export is for the secretariat`, code: 'FORBIDDEN' })
          : answer(401, { error: `The ${dataset.name} export needs a secretariat bearer token`, code: 'UNAUTHENTICATED' });
      }
      const raw = Object.fromEntries([...url.searchParams].map(([key, value]) => [key, value === '' ? null : value]));
      const parsed = dataset.params.safeParse(raw);
      if (!parsed.success) {
        return answer(400, {
          code: 'INVALID_INPUT',
          help: dataset.paramsHelp,
          issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
        });
      }
      const moment = dataset.moment ? dataset.moment(parsed.data) : (parsed.data.asOf ?? undefined);
      const db: ReadModelStore = moment ? app.timeTravel.at(new Date(moment)) : app.readModels;
      const format = match[2] as 'csv' | 'json';
      const body = render(dataset, dataset.rows(db, parsed.data, viewer), viewer, format, `${base}${EXPORT_PREFIX}datapackage.json`);
      endResponse(
        new fetchAPI.Response(body, {
          status: 200,
          headers: headers(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', `${dataset.name}.${format}`),
        }),
      );
    },
  };
}
