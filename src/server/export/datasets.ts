import { z } from 'zod';
import { centsToEuros } from '../../../domain/actionPlan/money.js';
import { Moment } from '../../../domain/shared/values.js';
import { allMeetings, allNetworks, allPartners, allPlanActions, allPractices } from '../../../projections/openData/queries.js';
import { publicOutcomeReport } from '../../../projections/openData/publicOutcomes.js';
import { OutcomeExportParams, outcomePeriod } from '../../../projections/outcomes/filter.js';
import { scopeOf } from '../../../projections/outcomes/queries.js';
import { outcomeReport, type OutcomeLine } from '../../../projections/outcomes/report.js';
import type { ReadModelStore } from '../../../projections/types.js';

/**
 * The open-data exports: each dataset's fields, with type, unit and meaning (the data dictionary,
 * docs/open-data.md and /export/datapackage.json are generated from these), named as in the
 * GraphQL API. Public datasets leave out fields marked `secretariat`; secretariat datasets are
 * for the secretariat only. Names of people and contact details are in no export.
 */

/** `list`: several strings (an array in JSON, joined with "; " in CSV). `decimal`: exact, a string in JSON (as GraphQL's Money.euros). */
export type FieldType = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'list';

export type Cell = string | number | boolean | null | readonly string[];

export interface DatasetField<Row> {
  readonly name: string;
  readonly type: FieldType;
  /** E.g. `EUR`, `count`, `share (0 to 1)`; absent where the value has none. */
  readonly unit?: string;
  readonly description: string;
  /** The GraphQL field with the same value, as `Type.field`; null where the export has no twin (the description says why). */
  readonly graphql: string | null;
  /** Set for fields the public exports leave out. */
  readonly access?: 'secretariat';
  readonly value: (row: Row) => Cell;
}

export interface Viewer {
  readonly secretariat: boolean;
}

export interface Dataset<Row = any> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** `public`: anyone (without the fields marked secretariat); `secretariat`: a secretariat token. */
  readonly access: 'public' | 'secretariat';
  readonly primaryKey: readonly string[];
  /** Query-string parameters, validated before anything is read. */
  readonly params: z.ZodType<{ asOf?: string | null }>;
  readonly paramsHelp: string;
  readonly rows: (db: ReadModelStore, params: any, viewer: Viewer) => Row[];
  /** The world time the rows are read at (default: `asOf`); undefined: as things stand. */
  readonly moment?: (params: any) => string | undefined;
  readonly fields: readonly DatasetField<Row>[];
}

// The one moment of the API (the GraphQL `asOf` parses with it too): a date is the end of that day in UTC.
const AsOfOnly = z.object({ asOf: Moment.nullish() });
const ASOF_HELP = '`asOf` (a date YYYY-MM-DD, meaning the end of that day in UTC, or an ISO 8601 date-time): the data as it stood then.';
const OUTCOME_HELP = `\`kind\`, \`theme\`, \`country\`, \`from\`, \`to\` (the \`outcomes\` filter), ${ASOF_HELP}`;

const json = (text: string) => JSON.parse(text) as string[];
const euros = (cents: number | null) => (cents === null ? null : centsToEuros(BigInt(cents)));

const outcomeFields = (type: 'Outcomes' | 'PublicOutcomes'): DatasetField<OutcomeLine>[] => [
  {
    name: 'figure',
    type: 'string',
    description: `The figure: a field of GraphQL's \`${type}\` (e.g. ${type === 'Outcomes' ? '`actions`, `funding`' : '`plansEndorsed`, `fundingMobilised`'}).`,
    graphql: null,
    value: (l) => l.figure,
  },
  {
    name: 'breakdown',
    type: 'string',
    description: '`total`, or what the figure is broken down by (`status`, `phase`, `source`, `country`, `helix`…).',
    graphql: null,
    value: (l) => l.breakdown,
  },
  { name: 'key', type: 'string', description: 'The total\'s name, or the breakdown\'s value (e.g. `ESF`, `IT`, `implemented`).', graphql: null, value: (l) => l.key },
  {
    name: 'value',
    type: 'decimal',
    unit: 'see `unit`',
    description: 'The number; empty where there is nothing to divide by. Money in euros with two decimals, exact.',
    graphql: null,
    value: (l) => l.value,
  },
  { name: 'unit', type: 'string', description: '`count`, `share` (0 to 1, four decimals) or `EUR`.', graphql: null, value: (l) => l.unit },
];

export const datasets: readonly Dataset[] = [
  {
    name: 'networks',
    title: 'Networks',
    description: 'Every URBACT network in the ledger: kind, theme, topics and dates.',
    access: 'public',
    primaryKey: ['networkId'],
    params: AsOfOnly,
    paramsHelp: ASOF_HELP,
    rows: (db) => allNetworks(db),
    fields: [
      { name: 'networkId', type: 'string', description: 'Stable id of the network (a ULID).', graphql: 'Network.networkId', value: (r) => r.id },
      { name: 'name', type: 'string', description: 'Name, e.g. BoostInno.', graphql: 'Network.name', value: (r) => r.name },
      { name: 'kind', type: 'string', description: '`actionPlanning`, `implementation`, `transfer` or `innovationTransfer` (GraphQL enum NetworkKind).', graphql: 'Network.kind', value: (r) => r.kind },
      { name: 'theme', type: 'string', description: 'The theme the network works on.', graphql: 'Network.theme', value: (r) => r.theme },
      { name: 'topics', type: 'list', description: 'Lowercase topic keywords.', graphql: 'Network.topics', value: (r) => json(r.topics) },
      { name: 'startDate', type: 'date', description: 'First day of the network.', graphql: 'Network.startDate', value: (r) => r.start_date },
      { name: 'endDate', type: 'date', description: 'Last day of the network (planned).', graphql: 'Network.endDate', value: (r) => r.end_date },
      { name: 'status', type: 'string', description: '`open` or `closed` (GraphQL enum NetworkStatus).', graphql: 'Network.status', value: (r) => r.status },
    ],
  },
  {
    name: 'partners',
    title: 'Partners',
    description: 'The cities of each network, current and former, with their role.',
    access: 'public',
    primaryKey: ['networkId', 'cityId'],
    params: AsOfOnly,
    paramsHelp: ASOF_HELP,
    rows: (db) => allPartners(db),
    fields: [
      { name: 'networkId', type: 'string', description: 'The network (see networks).', graphql: 'Partner.networkId', value: (r) => r.network_id },
      { name: 'cityId', type: 'string', description: 'Stable key of the city: name, dash, country code (`torino-it`), the same in every network.', graphql: 'Partner.cityId', value: (r) => r.city_id },
      { name: 'name', type: 'string', description: 'Name of the city or partner body.', graphql: 'Partner.name', value: (r) => r.name },
      { name: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 country code.', graphql: 'Partner.country', value: (r) => r.country },
      { name: 'kind', type: 'string', description: 'What kind of body the partner is (GraphQL enum PartnerKind).', graphql: 'Partner.kind', value: (r) => r.partner_kind },
      { name: 'role', type: 'string', description: '`leadPartner` or `partner`.', graphql: 'Partner.role', value: (r) => r.role },
      { name: 'newcomer', type: 'boolean', description: 'New to the URBACT programme when it joined.', graphql: 'Partner.newcomer', value: (r) => r.newcomer === 1 },
      { name: 'active', type: 'boolean', description: 'Still a partner.', graphql: 'Partner.active', value: (r) => r.status === 'active' },
      { name: 'joinedAt', type: 'datetime', description: 'When it joined the network.', graphql: 'Partner.joinedAt', value: (r) => r.joined_at },
      { name: 'leftAt', type: 'datetime', description: 'When it left; empty while a partner.', graphql: 'Partner.leftAt', value: (r) => r.left_at },
    ],
  },
  {
    name: 'meetings',
    title: 'Meetings',
    description: 'The agenda of every network: transnational meetings, seminars, study visits, webinars, local group workshops. Cancelled meetings included.',
    access: 'public',
    primaryKey: ['meetingId'],
    params: AsOfOnly,
    paramsHelp: ASOF_HELP,
    rows: (db) => allMeetings(db),
    fields: [
      { name: 'meetingId', type: 'string', description: 'Stable id of the meeting (a ULID).', graphql: 'Meeting.meetingId', value: (r) => r.id },
      { name: 'networkId', type: 'string', description: 'The network (see networks).', graphql: 'Meeting.networkId', value: (r) => r.network_id },
      { name: 'kind', type: 'string', description: 'GraphQL enum MeetingKind, e.g. `transnationalMeeting`, `studyVisit`, `webinar`.', graphql: 'Meeting.kind', value: (r) => r.kind },
      { name: 'title', type: 'string', description: 'Title on the agenda.', graphql: 'Meeting.title', value: (r) => r.title },
      { name: 'hostCityId', type: 'string', description: 'City hosting it (`gdansk-pl`); empty when online.', graphql: 'Meeting.hostCityId', value: (r) => r.host_city_id },
      { name: 'startDate', type: 'date', description: 'First day.', graphql: 'Meeting.startDate', value: (r) => r.start_date },
      { name: 'endDate', type: 'date', description: 'Last day (the same as startDate for one day).', graphql: 'Meeting.endDate', value: (r) => r.end_date },
      {
        name: 'datePrecision',
        type: 'string',
        description: '`day` when the days are known; `month` or `year` when the source gives only that: startDate..endDate is then the period it took place in.',
        graphql: 'Meeting.datePrecision',
        value: (r) => r.date_precision,
      },
      { name: 'dateWording', type: 'string', description: 'The date as the source words it ("Settembre 2017"); empty when not recorded.', graphql: 'Meeting.dateWording', value: (r) => r.date_wording },
      { name: 'externalHost', type: 'string', description: 'The host when it is not a partner (a city visited on a field trip); empty otherwise.', graphql: 'Meeting.externalHost', value: (r) => r.external_host_name },
      { name: 'themes', type: 'list', description: 'Themes on the agenda.', graphql: 'Meeting.themes', value: (r) => json(r.themes) },
      { name: 'partnerCityIds', type: 'list', description: 'The partners it is for; empty when for the whole network.', graphql: 'Meeting.partnerCityIds', value: (r) => json(r.partner_city_ids) },
      { name: 'status', type: 'string', description: '`scheduled`, `held` or `cancelled`.', graphql: 'Meeting.status', value: (r) => r.status },
      { name: 'heldAt', type: 'datetime', description: 'When it was recorded as held.', graphql: 'Meeting.heldAt', value: (r) => r.held_at },
      { name: 'cancelledAt', type: 'datetime', description: 'When it was cancelled.', graphql: 'Meeting.cancelledAt', value: (r) => r.cancelled_at },
      { name: 'rescheduleCount', type: 'integer', unit: 'count', description: 'How many times its dates changed.', graphql: 'Meeting.rescheduleCount', value: (r) => r.reschedule_count },
      {
        name: 'attendeeCount',
        type: 'integer',
        unit: 'people',
        description: 'People recorded as attending (secretariat exports only: attendance is for the network).',
        graphql: 'Meeting.attendeeCount',
        access: 'secretariat',
        value: (r) => r.attendee_count,
      },
      {
        name: 'attendingCityCount',
        type: 'integer',
        unit: 'cities',
        description: 'Partner cities with at least one attendee (secretariat exports only).',
        graphql: 'Meeting.attendingCityCount',
        access: 'secretariat',
        value: (r) => r.attending_city_count,
      },
    ],
  },
  {
    name: 'practices',
    title: 'Good practices',
    description: 'The good practice catalogue: what cities offer others, and the URBACT Good Practice label. Contacts are left out (personal data); withdrawn practices only in secretariat exports.',
    access: 'public',
    primaryKey: ['practiceId'],
    params: AsOfOnly,
    paramsHelp: ASOF_HELP,
    rows: (db, _params, viewer) => allPractices(db, viewer.secretariat),
    fields: [
      { name: 'practiceId', type: 'string', description: 'Stable id of the practice (a ULID).', graphql: 'GoodPractice.practiceId', value: (r) => r.id },
      { name: 'cityId', type: 'string', description: 'The city offering it.', graphql: 'GoodPractice.cityId', value: (r) => r.city_id },
      { name: 'cityName', type: 'string', description: 'Name of that city.', graphql: 'GoodPractice.cityName', value: (r) => r.city_name },
      { name: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 country code.', graphql: 'GoodPractice.country', value: (r) => r.country },
      { name: 'networkId', type: 'string', description: 'The network it came from, if any.', graphql: 'GoodPractice.networkId', value: (r) => r.network_id },
      { name: 'title', type: 'string', description: 'Title.', graphql: 'GoodPractice.title', value: (r) => r.title },
      { name: 'summary', type: 'string', description: 'What the practice is.', graphql: 'GoodPractice.summary', value: (r) => r.summary },
      { name: 'topics', type: 'list', description: 'Lowercase topic keywords.', graphql: 'GoodPractice.topics', value: (r) => json(r.topics) },
      { name: 'results', type: 'string', description: 'What it achieved.', graphql: 'GoodPractice.results', value: (r) => r.results },
      { name: 'status', type: 'string', description: '`lookingForPartners` or `partnershipComplete`.', graphql: 'GoodPractice.status', value: (r) => r.status },
      { name: 'labelled', type: 'boolean', description: 'Carries the URBACT Good Practice label.', graphql: 'GoodPractice.labelled', value: (r) => r.label_year !== null },
      { name: 'labelYear', type: 'integer', unit: 'year', description: 'Year of the label; empty without one.', graphql: 'GoodPractice.labelYear', value: (r) => r.label_year },
      { name: 'withdrawn', type: 'boolean', description: 'Withdrawn from the catalogue (secretariat exports only).', graphql: 'GoodPractice.withdrawn', access: 'secretariat', value: (r) => r.withdrawn === 1 },
      { name: 'proposedAt', type: 'datetime', description: 'When it entered the catalogue.', graphql: 'GoodPractice.proposedAt', value: (r) => r.proposed_at },
      { name: 'updatedAt', type: 'datetime', description: 'Last change.', graphql: 'GoodPractice.updatedAt', value: (r) => r.updated_at },
    ],
  },
  {
    name: 'actions',
    title: 'Integrated Action Plan actions',
    description: "Every action of every city's Integrated Action Plan, with its phase, status, budget and funding secured. Plans are for their network and the secretariat: secretariat only.",
    access: 'secretariat',
    primaryKey: ['actionId'],
    params: AsOfOnly,
    paramsHelp: ASOF_HELP,
    rows: (db) => allPlanActions(db),
    fields: [
      { name: 'actionId', type: 'string', description: 'Stable id of the action (a ULID).', graphql: 'PlanAction.actionId', value: (r) => r.id },
      { name: 'planId', type: 'string', description: 'The plan it belongs to.', graphql: 'PlanAction.planId', value: (r) => r.plan_id },
      { name: 'cityId', type: 'string', description: "The plan's city.", graphql: 'ActionPlan.cityId', value: (r) => r.city_id },
      { name: 'cityName', type: 'string', description: "Name of the plan's city.", graphql: 'ActionPlan.cityName', value: (r) => r.city_name },
      { name: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 country code.', graphql: 'ActionPlan.country', value: (r) => r.country },
      { name: 'clusterKey', type: 'string', description: 'The cluster (entry point) it is grouped in.', graphql: 'PlanAction.clusterKey', value: (r) => r.cluster_key },
      { name: 'title', type: 'string', description: 'Title.', graphql: 'PlanAction.title', value: (r) => r.title },
      { name: 'phase', type: 'string', description: '`ideation`, `design` or `realisation`.', graphql: 'PlanAction.phase', value: (r) => r.phase },
      { name: 'status', type: 'string', description: '`planned`, `inProgress`, `implemented` or `abandoned`.', graphql: 'PlanAction.status', value: (r) => r.status },
      { name: 'statusDate', type: 'date', description: 'When the status last changed.', graphql: 'PlanAction.statusDate', value: (r) => r.status_date },
      { name: 'summary', type: 'string', description: 'What the action does.', graphql: 'PlanAction.summary', value: (r) => r.summary },
      { name: 'responsibleBody', type: 'string', description: 'Who carries it out.', graphql: 'PlanAction.responsibleBody', value: (r) => r.responsible_body },
      { name: 'budget', type: 'decimal', unit: 'EUR', description: 'Planned budget in euros, two decimals; empty when not given (GraphQL: budget.euros).', graphql: 'PlanAction.budget', value: (r) => euros(r.budget_cents) },
      { name: 'securedFunding', type: 'decimal', unit: 'EUR', description: 'Funding secured so far, in euros (GraphQL: securedFunding.euros).', graphql: 'PlanAction.securedFunding', value: (r) => euros(r.secured_cents) },
      { name: 'addedAt', type: 'datetime', description: 'When it was added to the plan.', graphql: 'PlanAction.addedAt', value: (r) => r.added_at },
      { name: 'addedAfterEndorsement', type: 'boolean', description: 'Added after the city council endorsed the plan.', graphql: 'PlanAction.addedAfterEndorsement', value: (r) => r.added_after_endorsement === 1 },
    ],
  },
  {
    name: 'outcomes',
    title: 'Programme outcomes',
    description: "Every figure of the secretariat's `outcomes` query, one line per figure and breakdown, filterable like the query. Secretariat only.",
    access: 'secretariat',
    primaryKey: ['figure', 'breakdown', 'key'],
    params: OutcomeExportParams,
    paramsHelp: OUTCOME_HELP,
    // The same moment as the outcomes query: a period ending on a day and "as of" that day agree.
    moment: ({ asOf, ...filter }) => outcomePeriod(filter, asOf).worldTime,
    rows: (db, { asOf, ...filter }) => outcomeReport(db, scopeOf(db, { ...filter, to: outcomePeriod(filter, asOf).to })),
    fields: outcomeFields('Outcomes'),
  },
  {
    name: 'publicOutcomes',
    title: 'Programme outcomes, headline figures',
    description: 'The public `publicOutcomes` figures: programme totals, never a city\'s records.',
    access: 'public',
    primaryKey: ['figure', 'breakdown', 'key'],
    params: z.object({}),
    paramsHelp: 'No parameters: programme-wide figures only.',
    rows: (db) => publicOutcomeReport(db),
    fields: outcomeFields('PublicOutcomes'),
  },
];

export const datasetNamed = (name: string) => datasets.find((dataset) => dataset.name === name);

/** The fields a viewer gets. */
export const fieldsFor = (dataset: Dataset, viewer: Viewer) => dataset.fields.filter((field) => viewer.secretariat || field.access !== 'secretariat');
