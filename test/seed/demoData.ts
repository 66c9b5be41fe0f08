import { beforeAll, expect } from 'vitest';
import { loadDemoData, type SeedReport } from '../../seed/load/index.js';
import { type TestApp, useTestApp } from '../support/testApp.js';

/** A meeting as the demo data specs read it. */
export interface MeetingRow {
  title: string;
  kind: string;
  startDate: string;
  endDate: string;
  datePrecision: 'day' | 'month' | 'year';
  dateWording: string | null;
  hostCityId: string | null;
  externalHost: { name: string; country: string } | null;
  description: string;
  themes: string[];
}

export interface DemoData {
  readonly t: TestApp;
  /** What the loader reported (set before the specs run). */
  report(): SeedReport;
  /** A network id the loader reported, by seed key (boostinno, urbinclusion, interactive-cities...). */
  id(key: string): string;
  /** Reads a query (as the secretariat unless told), failing on GraphQL errors. */
  query<T = any>(q: string, variables?: Record<string, unknown>, as?: string): Promise<T>;
  /** Every meeting of a network, with the fields the specs check. */
  meetingsOf(networkId: string): Promise<MeetingRow[]>;
}

/** The demo data, loaded through the loader into a fresh store before the specs of the file. */
export function useDemoData(): DemoData {
  const t = useTestApp();
  let report: SeedReport | undefined;
  let token: string;
  beforeAll(async () => {
    token = await t.token('secretariat');
    report = await loadDemoData(t.app);
  });
  const query = async <T = any>(q: string, variables: Record<string, unknown> = {}, as = token): Promise<T> => {
    const response = await t.gql<T>(q, variables, as);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  };
  return {
    t,
    report: () => report!,
    id(key) {
      const value = report?.networkIds[key];
      if (!value) throw new Error(`no network ${key} in the seed report`);
      return value;
    },
    query,
    async meetingsOf(networkId) {
      const data = await query(
        `query($id: ID!) { meetings(networkId: $id, first: 100) { nodes {
          title kind startDate endDate datePrecision dateWording hostCityId externalHost { name country } description themes } } }`,
        { id: networkId },
      );
      return data.meetings.nodes;
    },
  };
}
