import { z } from 'zod';

/**
 * Where money comes from, in three separate answers (the secretariat's reference list, served by
 * the `fundingReferenceList` query):
 * - the **fund**: whose money it is in the end (ERDF, ESF, the EU budget directly, a national,
 *   regional or city budget, private money);
 * - the **channel**: the programme or initiative it came through (UIA, URBACT, Horizon 2020, a
 *   national operational programme such as PON Metro, a call of the city);
 * - the **instrument**: how it is given (grant, loan, equity, prize, co-financing).
 * "Total ERDF mobilised" is then the sum over the fund, whatever the channel: UIA and URBACT money is ERDF.
 *
 * Funding recorded before this existed has only the old `source` (ESF, ERDF, UIA, national, private,
 * other), which mixed funds and channels: `fromLegacySource` reads it as fund and channel.
 */
/** The single source funding had before fund, channel and instrument (events.ts declares its schema). */
type FundingSource = 'ESF' | 'ERDF' | 'UIA' | 'national' | 'private' | 'other';

export const Fund = z.enum(['ERDF', 'ESF', 'cohesionFund', 'euDirect', 'national', 'regional', 'local', 'private', 'unknown']);
export type Fund = z.infer<typeof Fund>;

export const FundingChannel = z.enum(['UIA', 'URBACT', 'horizon2020', 'nationalOperationalProgramme', 'regionalOperationalProgramme', 'nationalProgramme', 'cityBudget', 'other']);
export type FundingChannel = z.infer<typeof FundingChannel>;

export const FundingInstrument = z.enum(['grant', 'loan', 'equity', 'guarantee', 'prize', 'coFinancing', 'unknown']);
export type FundingInstrument = z.infer<typeof FundingInstrument>;

export interface FundEntry {
  readonly fund: Fund;
  readonly label: string;
  readonly description: string;
}
export interface ChannelEntry {
  readonly channel: FundingChannel;
  readonly label: string;
  /** The fund all money of this channel is, or null when the channel carries several (give the fund). */
  readonly fund: Fund | null;
  readonly description: string;
}

/** The reference list the secretariat reports on. */
export const FUNDS: readonly FundEntry[] = [
  { fund: 'ERDF', label: 'European Regional Development Fund', description: 'Also the fund behind UIA and URBACT.' },
  { fund: 'ESF', label: 'European Social Fund (ESF+)', description: 'Directly, or through national and regional operational programmes.' },
  { fund: 'cohesionFund', label: 'Cohesion Fund', description: 'For member states below 90 % of the EU average income.' },
  { fund: 'euDirect', label: 'EU budget, directly managed', description: 'Programmes the Commission runs itself: Horizon 2020, LIFE, Erasmus+.' },
  { fund: 'national', label: 'National budget', description: 'National programmes and national co-financing.' },
  { fund: 'regional', label: 'Regional budget', description: 'A region\'s own money.' },
  { fund: 'local', label: 'City budget', description: 'The city\'s own money, including its co-financing.' },
  { fund: 'private', label: 'Private', description: 'Foundations, banks, companies, crowdfunding.' },
  { fund: 'unknown', label: 'Not named', description: 'The source names a programme but not the fund behind it.' },
];

export const CHANNELS: readonly ChannelEntry[] = [
  { channel: 'UIA', label: 'Urban Innovative Actions', fund: 'ERDF', description: 'UIA projects are ERDF money.' },
  { channel: 'URBACT', label: 'URBACT', fund: 'ERDF', description: 'URBACT networks are ERDF money.' },
  { channel: 'horizon2020', label: 'Horizon 2020', fund: 'euDirect', description: 'The EU research and innovation programme 2014-2020.' },
  { channel: 'nationalOperationalProgramme', label: 'National operational programme', fund: null, description: 'e.g. PON Metro (Italy), multi-fund: ERDF and ESF axes.' },
  { channel: 'regionalOperationalProgramme', label: 'Regional operational programme', fund: null, description: 'ERDF or ESF, managed by a region.' },
  { channel: 'nationalProgramme', label: 'National programme', fund: 'national', description: 'A programme of the national budget (e.g. AxTO\'s national urban regeneration funds).' },
  { channel: 'cityBudget', label: 'City budget or call', fund: 'local', description: 'A call or budget line of the city itself.' },
  { channel: 'other', label: 'Other', fund: null, description: 'Named in the programme text.' },
];

const channelFund = (channel: FundingChannel) => CHANNELS.find((c) => c.channel === channel)!.fund;

/** What a funding record says, in the three answers. */
export interface FundingClass {
  readonly fund: Fund;
  readonly channel: FundingChannel | null;
  readonly instrument: FundingInstrument;
}

/** The old single `source` read as fund and channel (funding recorded before the three answers). */
export function fromLegacySource(source: FundingSource): FundingClass {
  switch (source) {
    case 'UIA':
      return { fund: 'ERDF', channel: 'UIA', instrument: 'unknown' };
    case 'ESF':
    case 'ERDF':
      return { fund: source, channel: null, instrument: 'unknown' };
    case 'national':
    case 'private':
      return { fund: source, channel: null, instrument: 'unknown' };
    case 'other':
      return { fund: 'unknown', channel: null, instrument: 'unknown' };
  }
}

/** The old `source` that best says a fund and channel, kept on new records for readers of `source`. */
export function legacySourceOf(fund: Fund, channel: FundingChannel | null): FundingSource {
  if (channel === 'UIA') return 'UIA';
  if (fund === 'ERDF' || fund === 'ESF' || fund === 'national' || fund === 'private') return fund;
  return 'other';
}

/**
 * The three answers from what an input gives (any of source, fund, channel, instrument), or the
 * problem with it: a channel of one fund with another fund ("UIA money is ERDF"), a source that says
 * otherwise than the fund.
 */
export function classifyFunding(input: {
  source?: FundingSource | null | undefined;
  fund?: Fund | null | undefined;
  channel?: FundingChannel | null | undefined;
  instrument?: FundingInstrument | null | undefined;
}): { ok: true; source: FundingSource; class: FundingClass } | { ok: false; path: string; message: string } {
  const { source, channel } = input;
  if (!source && !input.fund && !channel) return { ok: false, path: 'fund', message: 'give the fund, the channel or the source' };
  const implied = channel ? channelFund(channel) : null;
  const legacy = source ? fromLegacySource(source) : null;
  const fund = input.fund ?? implied ?? legacy?.fund ?? 'unknown';
  if (implied && fund !== implied) {
    return { ok: false, path: 'fund', message: `${channel} money is ${implied}, not ${fund}` };
  }
  const resolvedChannel = channel ?? legacy?.channel ?? null;
  const derived = legacySourceOf(fund, resolvedChannel);
  if (source && source !== derived && !(source === 'other' && legacy?.fund === 'unknown')) {
    return { ok: false, path: 'source', message: `source ${source} contradicts fund ${fund}${resolvedChannel ? ` through ${resolvedChannel}` : ''}` };
  }
  return { ok: true, source: source ?? derived, class: { fund, channel: resolvedChannel, instrument: input.instrument ?? 'unknown' } };
}

/**
 * The fields a new event carries beside `source`: only those that say more than `source` read the
 * old way, so a record that `source` says fully is written as before.
 */
export function classFields(source: FundingSource, c: FundingClass): { fund?: Fund; channel?: FundingChannel; instrument?: FundingInstrument } {
  const legacy = fromLegacySource(source);
  return {
    ...(c.fund !== legacy.fund ? { fund: c.fund } : {}),
    ...(c.channel !== legacy.channel && c.channel !== null ? { channel: c.channel } : {}),
    ...(c.instrument !== 'unknown' ? { instrument: c.instrument } : {}),
  };
}

/** A recorded line (old or new) in the three answers. */
export function classOf(line: { source: FundingSource; fund?: Fund | undefined; channel?: FundingChannel | undefined; instrument?: FundingInstrument | undefined }): FundingClass {
  const legacy = fromLegacySource(line.source);
  return { fund: line.fund ?? legacy.fund, channel: line.channel ?? legacy.channel, instrument: line.instrument ?? legacy.instrument };
}
