import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { OutcomeExportParams } from '../../../projections/outcomes/filter.js';
import { scopeOf } from '../../../projections/outcomes/queries.js';
import { outcomeReport } from '../../../projections/outcomes/report.js';
import type { App } from '../../app.js';
import { InvalidTokenError, verifyToken } from '../../auth/tokens.js';

export const OUTCOMES_CSV_PATH = '/export/outcomes.csv';

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * GET /export/outcomes.csv?kind=&theme=&country=&from=&to=&asOf=  — the outcome figures as CSV
 * (one line per figure: figure, breakdown, key, value, unit; money in euros with two decimals).
 * Same authorization as the `outcomes` query: a secretariat bearer token.
 */
export function outcomesCsvPlugin(app: App): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== OUTCOMES_CSV_PATH) return;
      const answer = (status: number, body: unknown) =>
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
      if (request.method !== 'GET') return answer(405, { error: 'Use GET' });

      const [scheme, token] = (request.headers.get('authorization') ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) return answer(401, { error: 'Use "Authorization: Bearer <token>"', code: 'UNAUTHENTICATED' });
      let role: string;
      try {
        role = (await verifyToken(token, app.config.jwtSecret)).role;
      } catch (error) {
        if (error instanceof InvalidTokenError) return answer(401, { error: error.message, code: 'UNAUTHENTICATED' });
        throw error;
      }
      if (role !== 'secretariat') return answer(403, { error: 'Outcomes are for the secretariat', code: 'FORBIDDEN' });

      const raw = Object.fromEntries([...url.searchParams].map(([k, v]) => [k, v === '' ? null : v]));
      const parsed = OutcomeExportParams.safeParse(raw);
      if (!parsed.success) {
        return answer(400, {
          code: 'INVALID_INPUT',
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        });
      }
      const { asOf, ...filter } = parsed.data as z.output<typeof OutcomeExportParams>;
      const db = asOf ? await app.timeTravel.at(new Date(asOf)) : app.readModels;
      const lines = outcomeReport(db, scopeOf(db, filter));
      const csv = toCsv(
        ['figure', 'breakdown', 'key', 'value', 'unit'],
        lines.map((l) => [l.figure, l.breakdown, l.key, l.value, l.unit]),
      );
      endResponse(
        new fetchAPI.Response(csv, {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="outcomes.csv"',
            'cache-control': 'no-store',
          },
        }),
      );
    },
  };
}
