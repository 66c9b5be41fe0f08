/**
 * Torino's Integrated Action Plan from BoostInno, "Torino Social Impact" (doc 001, with doc 000
 * for endorsement, implementation and funding received, doc 003 for some figures).
 *
 * Dates: the plan is drafted on 21 February 2018 (the working tables that started the definition
 * of the operational plan), its 39 actions are added on 4 April 2018 (public validation of the
 * operational plan). The documents say it was endorsed "with the end of BoostInno in 2018" but
 * give neither the day nor the body: the API needs a date, so the endorsement is recorded on
 * 2018-12-31, the last day the documents allow, so that no "as of" answer shows it endorsed
 * before it was (docs/demo.md). Every euro figure of the documents is kept in the action's
 * summary; structured funding follows the table below.
 */
import { torinoPlan, type SeedAction, type SeedFunding } from '../data/index.js';
import { recorded } from './client.js';
import type { LoadContext } from './network.js';
import { cityId, written } from './network.js';
import { at, clip, inLanguage } from './values.js';

const PREFIX = 'seed:torino-iap';

export const PLAN_DRAFTED_ON = '2018-02-21';
export const ACTIONS_VALIDATED_ON = '2018-04-04';
/** Latest day consistent with "endorsement ... with the end of BoostInno in 2018" (doc 000). */
export const ENDORSED_ON = '2018-12-31';
/** "Four years since the delivery and endorsement ... in 2018" (doc 000): the 80% estimate is of 2022. */
export const IMPLEMENTATION_ESTIMATE_ON = '2022-12-31';

type Source = 'ESF' | 'ERDF' | 'UIA' | 'national' | 'private' | 'other';

/**
 * The fund, the channel it came through and the instrument, as far as the documents say them
 * (domain/actionPlan/funding.ts): UIA money is ERDF, Horizon 2020 money is the EU's own; PON Metro
 * is a multi-fund national operational programme, whose fund the documents do not name.
 */
interface FundingClass {
  readonly source?: Source;
  readonly fund?: 'ERDF' | 'ESF' | 'national' | 'local' | 'private';
  readonly channel?: 'UIA' | 'horizon2020' | 'nationalOperationalProgramme' | 'nationalProgramme';
  readonly instrument?: 'coFinancing';
}

interface FundingLine extends FundingClass {
  readonly amount: string;
  readonly programme: string;
}

/**
 * Planned funding (budget lines of the action) where the documents give the action's own budget.
 * Ceilings per beneficiary (Foundamenta, Torino Social Factory grants, AxTO grants) and the budget
 * of the whole AxTO programme are not the action's budget: they stay in the summary text only.
 * A fund the documents do not name is recorded as `other`, with the programme they name.
 */
const PLANNED: Record<string, { budget?: string; funding: FundingLine[] }> = {
  'axto-3-03': {
    budget: '200000',
    funding: [{ fund: 'national', channel: 'nationalProgramme', amount: '200000', programme: 'AxTO – Azioni per le Periferie Torinesi (call AxTO 3.03)' }],
  },
  'co-city': {
    funding: [
      { channel: 'UIA', amount: '4100000', programme: 'Urban Innovative Actions (ERDF)' },
      { source: 'other', instrument: 'coFinancing', amount: '1000000', programme: 'Local partners co-financing (doc 003)' },
    ],
  },
  'torino-social-factory': { funding: [{ fund: 'ESF', amount: '1500000', programme: 'European Social Fund (doc 000)' }] },
  progireg: { funding: [{ channel: 'horizon2020', amount: '890500', programme: 'Horizon 2020 (City of Turin budget)' }] },
  'social-crowdfunding-academy': {
    funding: [{ channel: 'nationalOperationalProgramme', amount: '44000', programme: 'Structural Funds, PON Metro Torino 2014-2020 (doc 001)' }],
  },
};

/**
 * Funding secured ("funding mobilised" in the outcomes): what doc 000 says Torino received or
 * attracted, plus ProGiReg's city budget. Dates: Co-City "launched in March 2017"; ProGiReg
 * "starting at June 2018"; the ESF amounts are undated and recorded by the end of BoostInno
 * (the plan, validated in April 2018, already describes both actions as financed).
 */
const SECURED: (FundingClass & {
  action: string;
  key: string;
  amount: string;
  programme: string;
  date: string;
  datePrecision?: 'month' | 'year';
  dateWording?: string;
  note: string;
})[] = [
  {
    action: 'co-city',
    key: 'uia',
    channel: 'UIA',
    amount: '4100000',
    programme: 'Urban Innovative Actions (ERDF)',
    date: '2017-03-31',
    datePrecision: 'month',
    dateWording: 'launched in March 2017',
    note: 'Doc 000: Co-City "received € 4.1 million of ERDF money" and "launched in March 2017".',
  },
  {
    action: 'torino-social-factory',
    key: 'esf',
    fund: 'ESF',
    amount: '1500000',
    programme: 'European Social Fund',
    date: '2018-12-31',
    datePrecision: 'year',
    dateWording: 'not dated; by the end of BoostInno (2018)',
    note: 'Doc 000: "Torino received € 1.5 million from the European Social Fund (ESF) to deliver the Torino Social Factory". No date given: recorded by the end of BoostInno (2018).',
  },
  {
    action: 'social-crowdfunding-academy',
    key: 'esf',
    fund: 'ESF',
    amount: '50000',
    programme: 'European Social Fund',
    date: '2018-12-31',
    datePrecision: 'year',
    dateWording: 'not dated; by the end of BoostInno (2018)',
    note: 'Doc 000: "A further € 50.000 of ESF was also attracted to deliver the Civic Crowdfunding Academy". No date given: recorded by the end of BoostInno (2018). Doc 001 gives €44,000, doc 003 €45,000 (PON Metro 3.3.1B).',
  },
  {
    action: 'progireg',
    key: 'h2020',
    channel: 'horizon2020',
    amount: '890500',
    programme: 'Horizon 2020',
    date: '2018-06-30',
    datePrecision: 'month',
    dateWording: 'starting at June 2018',
    note: 'Doc 001: "The City of Turin budget is 890.500 Euros"; the project starts in June 2018.',
  },
];

const euros = (n: number) => `€${n.toLocaleString('en-GB')}`;

function fundingText(funding: SeedFunding): string {
  const parts = [
    funding.fund,
    funding.programme,
    funding.amountEur !== undefined ? `${euros(funding.amountEur)}${funding.amountKind ? ` (${funding.amountKind})` : ''}` : undefined,
    funding.note,
  ].filter(Boolean);
  return `- ${parts.join('; ')}`;
}

/** The plan's text, plus everything of the seed record the API has no field for. */
function summaryOf(action: SeedAction): string {
  const lines = [action.summary];
  if (action.partners?.length) lines.push(`Partners: ${action.partners.join(', ')}.`);
  if (action.dateAsWritten) lines.push(`Date as the documents give it: ${action.dateAsWritten}.`);
  if (action.funding.length) lines.push(`Funding as the documents give it:\n${action.funding.map(fundingText).join('\n')}`);
  if (action.urbactGoodPractice) lines.push('Holds the URBACT Good Practice label (doc 000).');
  if (action.note) lines.push(action.note);
  if (action.titleVariants?.length) lines.push(`Also called: ${action.titleVariants.join(', ')}.`);
  lines.push(`Source: ${action.source}.`);
  return clip(lines.join('\n\n'), 5000);
}

export interface PlanResult {
  readonly planId: string;
  readonly counts: Record<string, number>;
}

export async function loadTorinoPlan(ctx: LoadContext, networkId: string): Promise<PlanResult> {
  const plan = torinoPlan;
  const { aggregateId: planId } = await ctx.client.mutate('draftActionPlan', `${PREFIX}:plan`, at(PLAN_DRAFTED_ON), {
    networkId,
    cityId: cityId(plan.city),
    title: plan.title,
    vision: clip([...plan.vision, '', `Focus: ${plan.focus}`].join('\n'), 5000),
    clusters: plan.clusters.map((c) => ({ key: c.key, title: c.title, ...(c.description ? { description: clip(c.description, 2000) } : {}) })),
  });

  const actionIds = new Map<string, string>();
  for (const action of plan.actions) {
    const planned = PLANNED[action.key];
    const added = await ctx.client.mutate(
      'addPlanAction',
      `${PREFIX}:action:${action.key}`,
      at(ACTIONS_VALIDATED_ON),
      {
        planId,
        // Doc 001 (and doc 000) are in English.
        ...inLanguage('title', action.title, undefined, 300),
        clusterKey: action.cluster,
        phase: action.phase,
        ...inLanguage('summary', summaryOf(action), undefined, 5000),
        ...(action.promoter ? { responsibleBody: clip(action.promoter, 300) } : {}),
        ...(planned?.budget ? { budget: planned.budget } : {}),
        ...(planned ? { funding: planned.funding } : {}),
      },
    );
    actionIds.set(action.key, recorded<{ actionId: string }>(added, 'PlanActionAdded').actionId);
  }
  ctx.log(`Torino plan: ${plan.clusters.length} clusters, ${plan.actions.length} actions (${written(ctx)})`);

  for (const funding of SECURED) {
    await ctx.client.mutate('recordFundingSecured', `${PREFIX}:action:${funding.action}:funding:${funding.key}`, at(funding.date), {
      actionId: actionIds.get(funding.action),
      ...(funding.source ? { source: funding.source } : {}),
      ...(funding.fund ? { fund: funding.fund } : {}),
      ...(funding.channel ? { channel: funding.channel } : {}),
      ...(funding.instrument ? { instrument: funding.instrument } : {}),
      amount: funding.amount,
      programme: funding.programme,
      date: funding.date,
      ...(funding.datePrecision ? { datePrecision: funding.datePrecision, dateWording: funding.dateWording } : {}),
      note: funding.note,
    });
  }

  const defined = await ctx.client.mutate(
    'defineIndicator',
    `${PREFIX}:indicator:share-implemented`,
    at(IMPLEMENTATION_ESTIMATE_ON),
    {
      planId,
      name: "Share of the plan's actions put into place (city's estimate)",
      unit: '%',
    },
  );
  const { indicatorId } = recorded<{ indicatorId: string }>(defined, 'IndicatorDefined');
  await ctx.client.mutate('recordIndicatorValue', `${PREFIX}:indicator:share-implemented:2022`, at(IMPLEMENTATION_ESTIMATE_ON), {
    indicatorId,
    date: IMPLEMENTATION_ESTIMATE_ON,
    value: (plan.implementation.shareOfActionsImplemented ?? 0) * 100,
    note: clip(
      `Doc 000: "${plan.implementation.statement}" The documents do not say which actions, so no action's status is changed. ` +
        'Dated the last day of 2022 (four years after 2018).',
      2000,
    ),
  });

  await ctx.client.mutate('endorseActionPlan', `${PREFIX}:endorsement`, at(ENDORSED_ON), {
    planId,
    date: ENDORSED_ON,
    // Known only by its year: a year-precise date, on the last day of 2018 (docs/demo.md).
    datePrecision: 'year',
    dateWording: 'with the end of BoostInno in 2018 (doc 000)',
    body: 'Not named in the documents',
    note: clip(plan.endorsement.note, 2000),
  });
  ctx.log(
    `Torino plan: ${SECURED.length} funding records secured, 1 indicator (80% in 2022), endorsed (dated ${ENDORSED_ON}) (${written(ctx)})`,
  );
  return { planId, counts: { clusters: plan.clusters.length, actions: plan.actions.length, fundingSecured: SECURED.length } };
}
