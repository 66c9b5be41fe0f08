import { beforeAll, describe, expect, it } from 'vitest';
import { mutate, network, pause } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

// The transfers' counts as of a day come from running totals (projections/outcomes/transfers.ts);
// the same counts with a period that starts somewhere come from the history of the fact rows.
const TRANSFERS = `query($filter: OutcomeFilter, $asOf: DateTime, $knownAt: DateTime) { outcomes(filter: $filter, asOf: $asOf, knownAt: $knownAt) {
  transfers { started completed abandoned inProgressByStage { stage count } }
  practices { transferred }
} }`;

const at = (date: string) => `${date}T10:00:00.000Z`;
const DAYS = ['2019-03-22', '2019-03-23', '2019-05-31', '2019-06-01', '2020-01-09', '2020-01-10', '2020-02-01', '2020-08-31', '2020-09-01', '2030-01-01'];

describe('transfers as of a day: counts that follow each transfer through its stages', () => {
  const t = useTestApp();
  let publishedAt: string;
  const outcomes = async (variables: Record<string, unknown>) => {
    const res = await t.gql(TRANSFERS, variables, t.secretariat);
    expect(res.errors).toBeUndefined();
    return res.data!.outcomes as { transfers: { started: number; completed: number; abandoned: number; inProgressByStage: { stage: string; count: number }[] }; practices: { transferred: number } };
  };

  beforeAll(async () => {
    const itn = await network(t, t.secretariat, 'innovationTransfer', [['torino-it', 'Torino', 'IT'], ['gdansk-pl', 'Gdansk', 'PL'], ['budapest-hu', 'Budapest', 'HU']], 'CO4CITIES', at('2019-03-01'));
    const start = async (receivingCityId: string) =>
      (
        await mutate(t, 'startTransfer', { networkId: itn, practiceTitle: 'Co-City', sourceCityId: 'torino-it', receivingCityId, date: '2019-03-23', occurredAt: at('2019-03-23') }, t.secretariat)
      ).aggregateId as string;
    const gdansk = await start('gdansk-pl');
    const budapest = await start('budapest-hu');
    await mutate(t, 'advanceTransferStage', { transferId: gdansk, to: 'adapt', date: '2019-06-01', occurredAt: at('2019-06-01') }, t.secretariat);
    await mutate(t, 'submitTransferPlan', { transferId: gdansk, title: 'Co-City Gdansk', date: '2019-09-01', occurredAt: at('2019-09-01') }, t.secretariat);
    await mutate(t, 'submitInvestmentPlan', { transferId: gdansk, title: 'Investment', date: '2019-10-01', sources: [{ source: 'ERDF', amount: '1' }], occurredAt: at('2019-10-01') }, t.secretariat);
    await mutate(t, 'advanceTransferStage', { transferId: gdansk, to: 'reuse', date: '2020-02-01', occurredAt: at('2020-02-01') }, t.secretariat);
    await pause(10);
    publishedAt = new Date().toISOString();
    await pause(10);
    // Recorded after the report above was published: the completion on 2020-09-01, then the
    // abandonment of 2020-01-10 (backdated: the counters already have rows for later days).
    const completed = await mutate(t, 'completeTransfer', { transferId: gdansk, date: '2020-09-01', occurredAt: at('2020-09-01') }, t.secretariat);
    expect(completed.__typename).toBe('CompleteTransferPayload');
    await mutate(t, 'abandonTransfer', { transferId: budapest, date: '2020-01-10', reason: 'Budapest left the network', occurredAt: at('2020-01-10') }, t.secretariat);
  });

  it('counts each transfer started, in progress at its stage of the day, then abandoned or completed', async () => {
    const figures = async (day: string) => {
      const { transfers, practices } = await outcomes({ asOf: `${day}T12:00:00Z` });
      const stages = transfers.inProgressByStage.map((s) => `${s.stage}:${s.count}`).join(' ');
      return `${transfers.started} started, ${transfers.completed} completed, ${transfers.abandoned} abandoned, ${practices.transferred} transferred; ${stages}`;
    };
    const expected = [
      '0 started, 0 completed, 0 abandoned, 0 transferred; ',
      '2 started, 0 completed, 0 abandoned, 0 transferred; understand:2',
      '2 started, 0 completed, 0 abandoned, 0 transferred; understand:2',
      '2 started, 0 completed, 0 abandoned, 0 transferred; understand:1 adapt:1',
      '2 started, 0 completed, 0 abandoned, 0 transferred; understand:1 adapt:1',
      '2 started, 0 completed, 1 abandoned, 0 transferred; adapt:1',
      '2 started, 0 completed, 1 abandoned, 0 transferred; reuse:1',
      '2 started, 0 completed, 1 abandoned, 0 transferred; reuse:1',
      '2 started, 1 completed, 1 abandoned, 1 transferred; ',
      '2 started, 1 completed, 1 abandoned, 1 transferred; ',
    ];
    const actual: string[] = [];
    for (const day of DAYS) actual.push(await figures(day));
    expect(actual).toEqual(expected);
  });

  it('gives the counts the fact rows of the same moment give, country by country', async () => {
    // A period that starts before everything reads the fact rows' history, not the running totals.
    for (const country of [null, 'PL', 'HU']) {
      for (const day of DAYS) {
        const asOf = `${day}T12:00:00Z`;
        expect(await outcomes({ asOf, filter: { country } }), `${country} ${day}`).toEqual(await outcomes({ asOf, filter: { country, from: '1900-01-01' } }));
      }
    }
  });

  it('gives the figures as known when a report was published, before the completion was recorded', async () => {
    const known = await outcomes({ asOf: '2020-12-31T00:00:00Z', knownAt: publishedAt });
    expect(known.transfers).toEqual({ started: 2, completed: 0, abandoned: 0, inProgressByStage: [{ stage: 'understand', count: 1 }, { stage: 'reuse', count: 1 }] });
    expect((await outcomes({ asOf: '2020-12-31T00:00:00Z' })).transfers).toEqual({ started: 2, completed: 1, abandoned: 1, inProgressByStage: [] });
    expect(await outcomes({})).toEqual(await outcomes({ asOf: '2030-01-01T00:00:00Z' }));
  });
});
