import type { TestApp } from '../support/testApp.js';

/**
 * The small world the authorization matrix runs in, built through the API as the secretariat,
 * and the helpers its fixtures use to create a fresh target for each attempt.
 *
 *   network A  (action planning, expert:matrix-alpha)      Torino, Gdansk, Barcelona
 *   network B  (action planning, expert:matrix-beta)       Wien, Lyon
 *   network T  (innovation transfer, expert:matrix-tau)    Torino, Gdansk, Barcelona
 *
 * In A: Torino's local group, Torino's action plan (a cluster, an action, an indicator), an open
 * marketplace session, a held peer review hosted by Torino (peers Gdansk and Barcelona, with R1).
 * In T: a transfer of a practice from Barcelona to Torino, in the Adapt stage.
 */

/** The roles every mutation is tried with, relative to the target of the attempt (its scene). */
export const ROLES = [
  'secretariat',
  'leadExpert',
  'otherLeadExpert',
  'cityCoordinator',
  'otherPartnerCoordinator',
  'outsideCoordinator',
  'public',
] as const;
export type MatrixRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<MatrixRole, string> = {
  secretariat: 'secretariat',
  leadExpert: 'lead expert of the target network',
  otherLeadExpert: "lead expert of another network (B)",
  cityCoordinator: 'coordinator of the target city',
  otherPartnerCoordinator: 'coordinator of another partner city of the network',
  outsideCoordinator: 'coordinator of a city outside the network',
  public: 'public (no token)',
};

export interface NetworkRef {
  readonly id: string;
  /** Subject of its lead expert. */
  readonly expert: string;
}

/** Who the target concerns: its network (and so its lead expert), its city, another partner. */
export interface Scene {
  readonly network: NetworkRef;
  readonly cityId: string;
  readonly otherPartnerCityId: string;
}

export const CITIES = {
  torino: { cityId: 'torino-it', name: 'Torino', country: 'IT' },
  gdansk: { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL' },
  barcelona: { cityId: 'barcelona-es', name: 'Barcelona', country: 'ES' },
  wien: { cityId: 'wien-at', name: 'Wien', country: 'AT' },
  lyon: { cityId: 'lyon-fr', name: 'Lyon', country: 'FR' },
} as const;

export const TORINO = CITIES.torino.cityId;
export const GDANSK = CITIES.gdansk.cityId;
export const BARCELONA = CITIES.barcelona.cityId;
/** Partner of B only, used as a target city outside A (the outsider role stays Wien). */
export const LYON = CITIES.lyon.cityId;
/** Partner of B only: the "city outside the network" for every scene. */
export const OUTSIDER = CITIES.wien.cityId;

/** Dates of A, B and the fresh networks (BoostInno's). */
export const NETWORK_DATES = { startDate: '2015-09-01', endDate: '2018-05-31' } as const;
const TRANSFER_NETWORK_DATES = { startDate: '2018-09-01', endDate: '2021-06-30' } as const;

/** A mutation's answer: its payload fields, or a typed error. */
export type Outcome = Record<string, any> & { __typename: string; code?: string; message?: string };

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The document of a command mutation asking for the payload basics, `fields`, and any typed error. */
export function mutationDocument(name: string, fields = ''): string {
  const type = pascal(name);
  return `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename
    ... on ${type}Payload { aggregateId revision replayed ${fields} }
    ... on Error { code message }
    ... on InputValidationError { issues { path message } } } }`;
}

/** Runs a command mutation; GraphQL-level errors (not typed results) are reported as such. */
export async function callMutation(t: TestApp, name: string, input: Record<string, unknown>, token?: string, fields = ''): Promise<Outcome> {
  const res = await t.gql(mutationDocument(name, fields), { input }, token);
  if (res.errors?.length || !res.data?.[name]) {
    return { __typename: `GraphQLError(HTTP ${res.status})`, message: JSON.stringify(res.errors ?? res.data) };
  }
  return res.data[name] as Outcome;
}

export class MatrixWorld {
  private counter = 0;
  private readonly tokens = new Map<string, Promise<string>>();

  private constructor(
    readonly t: TestApp,
    readonly secretariat: string,
    readonly A: NetworkRef,
    readonly B: NetworkRef,
    readonly T: NetworkRef,
    readonly shared: {
      readonly sessionId: string;
      readonly localGroupId: string;
      readonly planId: string;
      readonly actionId: string;
      readonly indicatorId: string;
      /** Held, peers Gdansk and Barcelona, recommendation R1. */
      readonly heldReviewId: string;
      /** Barcelona -> Torino in T, in the Adapt stage. */
      readonly transferId: string;
    },
  ) {}

  static async build(t: TestApp): Promise<MatrixWorld> {
    const secretariat = await t.token('secretariat', { subject: 'secretariat:matrix' });
    const run = (name: string, input: Record<string, unknown>, fields = '') => succeed(t, name, input, secretariat, fields);
    const network = async (name: string, kind: string, expert: string, dates: object, partners: readonly { cityId: string; name: string; country: string }[]) => {
      const id = (await run('registerNetwork', { name, kind, theme: `${name} theme`, topics: ['urban matrix'], ...dates })).aggregateId as string;
      await run('assignLeadExpert', { networkId: id, subject: expert, name: `Expert of ${name}` });
      for (const [i, partner] of partners.entries()) {
        await run('joinNetwork', { networkId: id, ...partner, ...(i === 0 ? { role: 'leadPartner' } : {}) });
      }
      return { id, expert };
    };
    const { torino, gdansk, barcelona, wien, lyon } = CITIES;
    const [A, B, T] = await Promise.all([
      network('Matrix A', 'actionPlanning', 'expert:matrix-alpha', NETWORK_DATES, [torino, gdansk, barcelona]),
      network('Matrix B', 'actionPlanning', 'expert:matrix-beta', NETWORK_DATES, [wien, lyon]),
      network('Matrix T', 'innovationTransfer', 'expert:matrix-tau', TRANSFER_NETWORK_DATES, [torino, gdansk, barcelona]),
    ]);

    const [sessionId, localGroupId, plan, heldReviewId, transferId] = await Promise.all([
      run('openMarketplaceSession', { title: 'Matrix marketplace', networkIds: [A.id], heldOn: '2016-04-12' }).then((r) => r.aggregateId as string),
      run('formLocalGroup', { networkId: A.id, cityId: TORINO, name: 'Torino ULG', coordinator: { name: 'Fabrizio' } }).then(
        (r) => r.aggregateId as string,
      ),
      (async () => {
        const planId = (await run('draftActionPlan', { networkId: A.id, cityId: TORINO, title: 'Torino plan', clusters: [{ key: 'core', title: 'Core' }] }))
          .aggregateId as string;
        const action = await run('addPlanAction', { planId, title: 'Shared action', clusterKey: 'core', phase: 'design' }, 'action { actionId }');
        const indicator = await run('defineIndicator', { planId, name: 'Shared indicator', unit: 'people' }, 'indicator { indicatorId }');
        return { planId, actionId: action.action.actionId as string, indicatorId: indicator.indicator.indicatorId as string };
      })(),
      (async () => {
        const reviewId = await peerReview(run, A.id, 'held');
        await run('recordPeerReviewRecommendations', { reviewId, recommendations: [{ text: 'Open the data', topics: ['open data'] }] });
        return reviewId;
      })(),
      (async () => {
        const started = await run('startTransfer', {
          networkId: T.id,
          practiceTitle: 'Shared practice',
          sourceCityId: BARCELONA,
          receivingCityId: TORINO,
          date: '2019-01-10',
        });
        const transferId = started.aggregateId as string;
        await run('advanceTransferStage', { transferId, to: 'adapt', date: '2019-02-01' });
        return transferId;
      })(),
    ]);
    return new MatrixWorld(t, secretariat, A, B, T, { sessionId, localGroupId, ...plan, heldReviewId, transferId });
  }

  /** A number no other call got: for unique names, titles and city ids. */
  next(): number {
    this.counter += 1;
    return this.counter;
  }

  scene(network: NetworkRef, cityId: string = TORINO, otherPartnerCityId: string = GDANSK): Scene {
    return { network, cityId, otherPartnerCityId };
  }

  /** The bearer token of a role for a scene (undefined for the public). */
  token(role: MatrixRole, scene: Scene): Promise<string | undefined> {
    switch (role) {
      case 'public':
        return Promise.resolve(undefined);
      case 'secretariat':
        return Promise.resolve(this.secretariat);
      case 'leadExpert':
        return this.cached('leadExpert', scene.network.expert);
      case 'otherLeadExpert':
        return this.cached('leadExpert', this.B.expert);
      case 'cityCoordinator':
        return this.cached('cityCoordinator', scene.cityId);
      case 'otherPartnerCoordinator':
        return this.cached('cityCoordinator', scene.otherPartnerCityId);
      case 'outsideCoordinator':
        return this.cached('cityCoordinator', OUTSIDER);
    }
  }

  private cached(role: 'leadExpert' | 'cityCoordinator', who: string): Promise<string> {
    const key = `${role}/${who}`;
    let token = this.tokens.get(key);
    if (!token) {
      token =
        role === 'leadExpert'
          ? this.t.token('leadExpert', { subject: who })
          : this.t.token('cityCoordinator', { subject: `coordinator:${who}`, cityIds: [who] });
      this.tokens.set(key, token);
    }
    return token;
  }

  /** Runs a mutation as the secretariat and returns its payload; anything else fails the setup. */
  run(name: string, input: Record<string, unknown>, fields = ''): Promise<Outcome> {
    return succeed(this.t, name, input, this.secretariat, fields);
  }

  /** A new network like A (lead expert alpha, partners Torino and Gdansk). */
  async freshNetwork(): Promise<NetworkRef> {
    const n = this.next();
    const id = (await this.run('registerNetwork', { name: `Fresh network ${n}`, kind: 'actionPlanning', theme: 'Fresh', ...NETWORK_DATES }))
      .aggregateId as string;
    await this.run('assignLeadExpert', { networkId: id, subject: this.A.expert, name: 'Alpha' });
    await this.run('joinNetwork', { networkId: id, ...CITIES.torino, role: 'leadPartner' });
    await this.run('joinNetwork', { networkId: id, ...CITIES.gdansk });
    return { id, expert: this.A.expert };
  }

  /** A city id no one used yet (not a partner of anything). */
  freshCityId(): string {
    return `matrixcity${this.next()}-it`;
  }

  /** A new partner city of the network. */
  async freshPartner(network: NetworkRef = this.A): Promise<string> {
    const cityId = this.freshCityId();
    await this.run('joinNetwork', { networkId: network.id, cityId, name: `City ${cityId}`, country: 'IT' });
    return cityId;
  }

  /** A meeting of A hosted by Torino: a transnational meeting or a local group workshop. */
  async meeting(kind: 'transnationalMeeting' | 'localGroupWorkshop', held = false): Promise<string> {
    const meetingId = (
      await this.run('scheduleMeeting', {
        networkId: this.A.id,
        kind,
        title: `Meeting ${this.next()}`,
        hostCityId: TORINO,
        startDate: '2016-02-17',
        endDate: '2016-02-18',
      })
    ).aggregateId as string;
    if (held) await this.run('markMeetingHeld', { meetingId });
    return meetingId;
  }

  /** A learning need Torino raised in A, open or addressed by Gdansk. */
  async learningNeed(addressed = false): Promise<string> {
    const learningNeedId = (
      await this.run('raiseLearningNeed', {
        networkId: this.A.id,
        cityId: TORINO,
        kind: 'learning',
        topics: ['impact finance'],
        description: `How to fund social enterprises (${this.next()})?`,
      })
    ).aggregateId as string;
    if (addressed) await this.run('addressLearningNeed', { learningNeedId, peerCityId: GDANSK, note: 'Gdansk fund' });
    return learningNeedId;
  }

  /** A practice Torino proposed, identified in A. */
  async practice(): Promise<string> {
    return (await this.run('proposePractice', practiceInput(this.A.id, this.next()))).aggregateId as string;
  }

  /** An open marketplace session; A's by default. */
  async session(networkIds: readonly string[] = [this.A.id]): Promise<string> {
    return (await this.run('openMarketplaceSession', { title: `Session ${this.next()}`, networkIds })).aggregateId as string;
  }

  /** An offer (an experience) or a need of a city in the shared session; returns the post id. */
  async post(side: 'offer' | 'need', cityId: string): Promise<string> {
    const n = this.next();
    if (side === 'offer') {
      const r = await this.run(
        'postMarketplaceOffer',
        { sessionId: this.shared.sessionId, cityId, title: `Impact funds ${n}`, description: 'How we fund social enterprises', topics: ['impact finance'] },
        'offer { offerId }',
      );
      return r.offer.offerId as string;
    }
    const r = await this.run(
      'postMarketplaceNeed',
      { sessionId: this.shared.sessionId, cityId, title: `Funding social enterprises ${n}`, description: 'We need impact funds', topics: ['impact finance'] },
      'need { needId }',
    );
    return r.need.needId as string;
  }

  /** A need of Torino and an offer of Barcelona in the shared session; agreed when both accepted. */
  async match(agreed: boolean): Promise<{ needId: string; offerId: string }> {
    const [needId, offerId] = [await this.post('need', TORINO), await this.post('offer', BARCELONA)];
    if (agreed) {
      const pair = { matchId: `${needId}-${offerId}`, accept: true };
      await this.run('respondToMarketplaceMatch', { ...pair, cityId: TORINO });
      await this.run('respondToMarketplaceMatch', { ...pair, cityId: BARCELONA });
    }
    return { needId, offerId };
  }

  /**
   * A peer review hosted by Torino in A: requested; with Gdansk invited; ready to hold (Gdansk and
   * Barcelona, two foreign peers, accepted); or held.
   */
  peerReview(state: ReviewState): Promise<string> {
    return peerReview((name, input) => this.run(name, input), this.A.id, state);
  }

  /** A transfer in T from Barcelona to Torino of a new practice, in the given stage (ready to complete for reuse). */
  async transfer(stage: 'understand' | 'reuse'): Promise<string> {
    const transferId = (
      await this.run('startTransfer', {
        networkId: this.T.id,
        practiceTitle: `Practice ${this.next()}`,
        sourceCityId: BARCELONA,
        receivingCityId: TORINO,
        date: '2019-01-10',
      })
    ).aggregateId as string;
    if (stage === 'reuse') {
      await this.run('advanceTransferStage', { transferId, to: 'adapt', date: '2019-02-01' });
      await this.run('submitTransferPlan', { transferId, title: 'Transfer plan', date: '2019-03-01' });
      await this.run('submitInvestmentPlan', { transferId, title: 'Investment plan', date: '2019-03-02', sources: [{ source: 'ERDF', amount: '100000' }] });
      await this.run('advanceTransferStage', { transferId, to: 'reuse', date: '2019-04-01' });
    }
    return transferId;
  }
}

/** Input of proposePractice for a Torino practice. */
export function practiceInput(networkId: string, n: number): Record<string, unknown> {
  return {
    cityId: TORINO,
    cityName: 'Torino',
    networkId,
    title: `Co-City ${n}`,
    summary: 'Pacts of collaboration between citizens and the city on urban commons.',
    topics: ['urban commons'],
    contact: { name: 'Ufficio Beni Comuni', role: 'office' },
  };
}

async function succeed(t: TestApp, name: string, input: Record<string, unknown>, token: string, fields = ''): Promise<Outcome> {
  const result = await callMutation(t, name, input, token, fields);
  if (result.__typename !== `${pascal(name)}Payload`) {
    throw new Error(`Setting up the matrix world: ${name} answered ${JSON.stringify(result)} to ${JSON.stringify(input)}`);
  }
  return result;
}

type ReviewState = 'requested' | 'invited' | 'ready' | 'held';

async function peerReview(
  run: (name: string, input: Record<string, unknown>) => Promise<Outcome>,
  networkId: string,
  state: ReviewState,
): Promise<string> {
  const reviewId = (
    await run('requestPeerReview', {
      hostCityId: TORINO,
      hostCityName: 'Torino',
      networkId,
      challenge: 'Opening the city to civic tech',
      plannedFor: '2017-03-01',
    })
  ).aggregateId as string;
  if (state === 'requested') return reviewId;
  await run('invitePeerReviewer', { reviewId, cityId: GDANSK, cityName: 'Gdansk' });
  if (state === 'invited') return reviewId;
  await run('invitePeerReviewer', { reviewId, cityId: BARCELONA, cityName: 'Barcelona' });
  await run('answerPeerReviewInvitation', { reviewId, cityId: GDANSK, accept: true });
  await run('answerPeerReviewInvitation', { reviewId, cityId: BARCELONA, accept: true });
  if (state === 'ready') return reviewId;
  await run('holdPeerReview', { reviewId, heldOn: '2017-03-02', place: 'Torino' });
  return reviewId;
}
